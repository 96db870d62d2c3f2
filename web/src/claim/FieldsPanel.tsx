import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { getClaim } from '../api/generated/sdk.gen';
import { getClaimHistoryQueryKey, getClaimQueryKey, updateClaimMutation } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto, UpdateClaimDto } from '../api/generated/types.gen';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { ErrorNotice, InfoNotice } from '../ui/Notice';
import { formatDate, formatDateTime, fromNow } from '../ui/format';
import { useToast } from '../ui/Toasts';
import { actionWords, CATEGORIES, changeLines, fieldName, options, QUALIFIERS, showValue } from './words';

type Key = 'category' | 'value' | 'low' | 'high' | 'qualifier' | 'unit' | 'subject' | 'location' | 'timeText' | 'speaker' | 'speakerRole';
type Values = Record<Key, string>;
const KEYS: Key[] = ['category', 'value', 'low', 'high', 'qualifier', 'unit', 'subject', 'location', 'timeText', 'speaker', 'speakerRole'];

/** Each form key and the field name the API uses for it (in errors[] and stale_version changes). */
const API_FIELD: Record<Key, string> = {
  category: 'category', value: 'quantity.value', low: 'quantity.low', high: 'quantity.high', qualifier: 'quantity.qualifier',
  unit: 'quantity.unit', subject: 'subject', location: 'location', timeText: 'timeRef', speaker: 'speaker', speakerRole: 'speakerRole',
};

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function valuesOf(claim: ClaimDetailDto): Values {
  return {
    category: claim.category,
    value: num(claim.quantity?.value),
    low: num(claim.quantity?.low),
    high: num(claim.quantity?.high),
    qualifier: claim.quantity?.qualifier ?? '',
    unit: claim.quantity?.unit ?? '',
    subject: claim.subject ?? '',
    location: claim.location ?? '',
    timeText: claim.timeRef?.text ?? '',
    speaker: claim.attribution?.speaker ?? '',
    speakerRole: claim.attribution?.role ?? '',
  };
}

/** What the stale_version problem says (h2: changedBy, changedAt, currentVersion, changes, events). */
interface Conflict {
  detail: string;
  changedBy: string | null;
  changedAt: string | null;
  currentVersion: number | null;
  changes: Record<string, unknown>;
  events: Array<{ action: string; actorName: string | null; at: string }>;
}

function conflictOf(error: ApiError): Conflict {
  const b = error.body;
  return {
    detail: error.detail,
    changedBy: typeof b.changedBy === 'string' ? b.changedBy : null,
    changedAt: typeof b.changedAt === 'string' ? b.changedAt : null,
    currentVersion: typeof b.currentVersion === 'number' ? b.currentVersion : null,
    changes: b.changes && typeof b.changes === 'object' ? (b.changes as Record<string, unknown>) : {},
    events: Array.isArray(b.events) ? (b.events as Conflict['events']) : [],
  };
}

/** A change the other editor made to one form key (for the note beside the field). */
function theirChange(conflict: Conflict | null, key: Key): string | null {
  if (!conflict) return null;
  const change = conflict.changes[API_FIELD[key]] as { to: unknown } | undefined;
  return change ? showValue(change.to) : null;
}

/**
 * The claim's extracted fields, corrected in place. The form remembers the version it was read at and sends it: when
 * someone else saved first the API answers 409 and the form says who changed what, keeps the editor's input, and
 * offers Reload (take theirs, with the editor's values kept beside each field to re-apply).
 */
export function FieldsPanel({ claim, editable, whyReadOnly }: { claim: ClaimDetailDto; editable: boolean; whyReadOnly: string | null }) {
  const queries = useQueryClient();
  const toast = useToast();
  const [base, setBase] = useState(() => ({ version: claim.version ?? 0, values: valuesOf(claim) }));
  const [values, setValues] = useState<Values>(base.values);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [mine, setMine] = useState<Partial<Values>>({});
  const [localErrors, setLocalErrors] = useState<Partial<Record<Key, string>>>({});
  const [reloading, setReloading] = useState(false);
  const dirty = KEYS.filter((k) => values[k] !== base.values[k]);

  // A fresh read of the claim (after a lease, a match decision) is taken over only while nothing is typed: the
  // version the editor's input rests on never moves under it.
  useEffect(() => {
    if (dirty.length === 0 && !conflict && claim.version !== base.version) {
      const next = { version: claim.version ?? 0, values: valuesOf(claim) };
      setBase(next);
      setValues(next.values);
    }
    // (runs on a new read of the claim only, on purpose)
  }, [claim]);

  const save = useMutation({
    ...updateClaimMutation(),
    onSuccess: (updated) => {
      queries.setQueryData(getClaimQueryKey({ path: { id: claim.id } }), updated);
      void queries.invalidateQueries({ queryKey: getClaimHistoryQueryKey({ path: { id: claim.id } }) });
      const next = { version: updated.version ?? 0, values: valuesOf(updated) };
      setBase(next);
      setValues(next.values);
      // Values the editor set aside at a Reload stay on offer until used or equal to what is saved.
      setMine((m) => Object.fromEntries(Object.entries(m).filter(([k, v]) => next.values[k as Key] !== v)));
      toast('Claim saved.');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.code === 'stale_version') setConflict(conflictOf(error));
    },
  });

  const set = (key: Key) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));

  function patchOf(): UpdateClaimDto | null {
    const errors: Partial<Record<Key, string>> = {};
    const body: UpdateClaimDto = { version: base.version };
    const quantity: NonNullable<UpdateClaimDto['quantity']> = {};
    const text = (k: Key) => (values[k].trim() === '' ? null : values[k].trim());
    for (const key of dirty) {
      switch (key) {
        case 'category':
          body.category = values.category as ClaimDetailDto['category'];
          break;
        case 'value': case 'low': case 'high': {
          const raw = values[key].replace(/,/g, '').trim();
          const n = raw === '' ? null : Number(raw);
          if (n !== null && !Number.isFinite(n)) errors[key] = 'Enter a number, e.g. 14000 or 1.5e6.';
          else quantity[key] = n;
          break;
        }
        case 'qualifier':
          quantity.qualifier = (values.qualifier || null) as NonNullable<UpdateClaimDto['quantity']>['qualifier'];
          break;
        case 'unit':
          quantity.unit = text('unit');
          break;
        case 'timeText': {
          const t = text('timeText');
          // The dates were worked out from the old text and would contradict the new one: the API stores what it is
          // given, so they are cleared (the field's hint says so before saving).
          body.timeRef = t === null ? null : { text: t, date: null, from: null, to: null };
          break;
        }
        default:
          body[key] = text(key);
      }
    }
    if (Object.keys(quantity).length > 0) body.quantity = quantity;
    setLocalErrors(errors);
    return Object.keys(errors).length > 0 ? null : body;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (dirty.length === 0) return;
    const body = patchOf();
    if (body) save.mutate({ path: { id: claim.id }, body });
  }

  async function reload() {
    setReloading(true);
    try {
      const { data } = await getClaim({ path: { id: claim.id }, throwOnError: true });
      queries.setQueryData(getClaimQueryKey({ path: { id: claim.id } }), data);
      void queries.invalidateQueries({ queryKey: getClaimHistoryQueryKey({ path: { id: claim.id } }) });
      const next = { version: data.version ?? 0, values: valuesOf(data) };
      // Fields the other editor changed take their value (the editor's own stays beside the field, to re-apply);
      // the editor's other input stays in the form, now resting on the current version.
      const theirs = new Set(Object.keys(conflict?.changes ?? {}));
      const kept: Partial<Values> = {};
      const input = { ...next.values };
      for (const key of dirty) {
        if (values[key] === next.values[key]) continue;
        if (theirs.has(API_FIELD[key]) || (key === 'timeText' && theirs.has('timeRef'))) kept[key] = values[key];
        else input[key] = values[key];
      }
      setBase(next);
      setValues(input);
      setMine(kept);
      setConflict(null);
      save.reset();
    } catch (error) {
      toast(`The claim could not be reloaded: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setReloading(false);
    }
  }

  const apiError = save.error instanceof ApiError ? save.error : null;
  const errorOf = (key: Key) => localErrors[key] ?? apiError?.fieldError(API_FIELD[key]) ?? (key === 'timeText' ? apiError?.fieldError('timeRef.text') : undefined);
  const oldDates = datesOf(claim.timeRef);
  const hintOf = (key: Key) => {
    const theirs = theirChange(conflict, key);
    if (theirs !== null) return <span className="field-theirs">{conflict?.changedBy ?? 'Someone'} changed this to {theirs}</span>;
    if (mine[key] !== undefined) {
      return (
        <span className="field-mine">
          Your unsaved value: {showValue(mine[key])}{' '}
          <button
            type="button"
            className="inline-link"
            onClick={() => {
              setValues((v) => ({ ...v, [key]: mine[key]! }));
              setMine((m) => { const { [key]: _, ...rest } = m; return rest; });
            }}
          >
            Use mine
          </button>
        </span>
      );
    }
    if (key === 'timeText' && values.timeText !== base.values.timeText && oldDates) {
      return <span className="field-time-cleared">Saving clears the date worked out from the old text ({oldDates}).</span>;
    }
    return undefined;
  };
  const common = (key: Key) => ({ value: values[key], onChange: set(key), error: errorOf(key), hint: hintOf(key), disabled: !editable });
  const lostKeys = Object.keys(mine) as Key[];

  return (
    <form className="claim-fields" onSubmit={submit} noValidate aria-labelledby="fields-heading">
      <h2 id="fields-heading" className="claim-sr-only">Fields</h2>
      {whyReadOnly && <InfoNotice title="Read only">{whyReadOnly}</InfoNotice>}
      {conflict && (
        <div className="notice notice-warning conflict" role="alert">
          <strong>
            {conflict.changedBy ?? 'Someone else'} changed this claim
            {conflict.changedAt ? ` ${fromNow(conflict.changedAt)} (${formatDateTime(conflict.changedAt)})` : ''} since you opened it.
          </strong>
          {changeLines(conflict.changes).length > 0 ? (
            <ul className="conflict-changes">{changeLines(conflict.changes).map((line) => <li key={line}>{line}</li>)}</ul>
          ) : (
            <ul className="conflict-changes">
              {conflict.events.map((e, i) => <li key={i}>{e.actorName ?? 'The system'} {actionWords(e.action)}</li>)}
            </ul>
          )}
          <p>Nothing was saved and your input is still in the form. Reload takes their version of the fields they changed (your values stay beside those fields, to re-apply) and keeps the rest of your input.</p>
          <div className="actions">
            <Button variant="primary" busy={reloading} onClick={() => void reload()}>Reload</Button>
          </div>
        </div>
      )}
      {!conflict && lostKeys.length > 0 && (
        <InfoNotice title="Reloaded their version">
          Your unsaved values are shown beside {lostKeys.map((k) => fieldName(API_FIELD[k])).join(', ')}: choose Use mine to apply them again.
        </InfoNotice>
      )}
      {save.error && !conflict && <ErrorNotice error={save.error} />}

      <fieldset className="claim-fieldset">
        <legend>What is claimed</legend>
        <div className="form-grid">
          <SelectField label="Category" options={options(CATEGORIES)} {...common('category')} />
          <SelectField label="Qualifier" options={[{ value: '', label: 'None' }, ...options(QUALIFIERS)]} {...common('qualifier')} />
          <TextField label="Value" inputMode="decimal" {...common('value')} />
          <TextField label="Low" inputMode="decimal" {...common('low')} />
          <TextField label="High" inputMode="decimal" {...common('high')} />
          <TextField label="Unit" {...common('unit')} />
        </div>
      </fieldset>
      <fieldset className="claim-fieldset">
        <legend>About what, where, when</legend>
        <div className="form-grid">
          <TextField label="Subject" {...common('subject')} />
          <TextField label="Location" {...common('location')} />
          <TextField label="Time" {...common('timeText')} />
        </div>
      </fieldset>
      <fieldset className="claim-fieldset">
        <legend>Who says so</legend>
        <div className="form-grid">
          <TextField label="Speaker" {...common('speaker')} />
          <TextField label="Speaker role" {...common('speakerRole')} />
        </div>
      </fieldset>
      <div className="actions">
        <Button type="submit" variant="primary" busy={save.isPending} disabled={!editable || dirty.length === 0}>Save changes</Button>
        {dirty.length > 0 && (
          <>
            <Button variant="ghost" onClick={() => { setValues(base.values); setLocalErrors({}); save.reset(); }} disabled={save.isPending}>
              Discard changes
            </Button>
            <span className="muted small">{dirty.length} unsaved change{dirty.length === 1 ? '' : 's'} (read at version {base.version})</span>
          </>
        )}
      </div>
    </form>
  );
}

/** The dates the API worked out from a claim's time text, in words ("12 Mar 2026", "1 Jan 2026 to 31 Mar 2026"). */
function datesOf(timeRef: ClaimDetailDto['timeRef']): string | null {
  if (!timeRef) return null;
  if (timeRef.date) return formatDate(timeRef.date);
  if (timeRef.from && timeRef.to) return `${formatDate(timeRef.from)} to ${formatDate(timeRef.to)}`;
  if (timeRef.from) return `from ${formatDate(timeRef.from)}`;
  if (timeRef.to) return `until ${formatDate(timeRef.to)}`;
  return null;
}
