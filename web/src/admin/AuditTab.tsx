import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { listAuditEventsInfiniteOptions, listSignInAttemptsInfiniteOptions } from '../api/generated/@tanstack/react-query.gen';
import type { AuditEventDto, ListAuditEventsData, ListSignInAttemptsData, SignInAttemptDto } from '../api/generated/types.gen';
import { ApiError } from '../api/problem';
import { actionWords, changeLines } from '../claim/words';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { allOnFields } from './fieldErrors';
import './audit.css';

/** Rows per page; "Load more" fetches the next page through the API's cursor. */
export const AUDIT_PAGE = 25;

export type AuditView = 'changes' | 'signins';
type EntityType = NonNullable<NonNullable<ListAuditEventsData['query']>['entityType']>;
type Outcome = SignInAttemptDto['outcome'];

const ENTITY_TYPES: ReadonlyArray<{ value: EntityType; label: string }> = [
  { value: 'claim', label: 'Claims' },
  { value: 'review_task', label: 'Review tasks' },
  { value: 'verdict', label: 'Verdicts' },
  { value: 'source', label: 'Sources' },
  { value: 'article', label: 'Articles' },
  { value: 'user', label: 'Users' },
  { value: 'token', label: 'API tokens' },
  { value: 'webhook', label: 'Webhooks' },
  { value: 'extraction_rerun', label: 'Re-extraction runs' },
  { value: 'publisher', label: 'Publishers' },
];
const ENTITY_NAMES: Record<EntityType, string> = {
  claim: 'Claim', review_task: 'Review task', verdict: 'Verdict', source: 'Source', article: 'Article', user: 'User', token: 'API token', webhook: 'Webhook', extraction_rerun: 'Re-extraction run', publisher: 'Publisher',
};

/** Actions outside a claim's history (words.ts has those), in words. */
const MORE_ACTIONS: Record<string, string> = {
  'publisher.created': 'set the publisher\'s time zone',
  'publisher.updated': 'changed the publisher\'s time zone',
  'publisher.deleted': 'removed the publisher\'s time zone',
  'article.ingested': 'ingested the article',
  'article.extracted': 'extracted claims from the article',
  'article.failed': 'extraction of the article failed',
  'article.retried': 'retried the article’s extraction',
  'article.unsupported_language': 'did not extract the article: its language is not supported',
  'article.revised': 'ingested a new revision of the article',
  'extraction.rerun_started': 'started a re-extraction run',
  'extraction.rerun_finished': 'finished the re-extraction run',
  'user.created': 'created the user',
  'user.disabled': 'disabled the user',
  'user.enabled': 'enabled the user',
  'user.password_changed': 'changed their password',
  'user.password_reset': 'reset the user’s password',
  'user.role_changed': 'changed the user’s role',
  'token.created': 'created an API token',
  'token.revoked': 'revoked an API token',
  'webhook.created': 'created the webhook',
  'webhook.updated': 'changed the webhook',
  'webhook.deleted': 'deleted the webhook',
  'webhook.redelivered': 'sent a delivery again',
  'webhook.secret_rotated': 'rotated the webhook’s secret',
};
const words = (action: string) => MORE_ACTIONS[action] ?? actionWords(action);
/** Suggestions for the action filter (it matches an action exactly). */
const KNOWN_ACTIONS = [
  ...Object.keys(MORE_ACTIONS),
  'claim.extracted', 'claim.edited', 'claim.dismissed', 'claim.requeued', 'claim.leased', 'claim.released', 'claim.lease_expired',
  'claim.verdict_proposed', 'claim.verdict_rejected', 'claim.published', 'claim.corrected', 'claim.match_suggested',
  'claim.match_confirmed', 'claim.match_unlinked', 'task.leased', 'task.renewed', 'task.released', 'task.lease_expired',
  'task.completed', 'task.cancelled', 'task.assigned', 'task.returned', 'source.added', 'verdict.proposed', 'verdict.approved',
  'verdict.published', 'verdict.rejected', 'verdict.corrected', 'verdict.correction_proposed', 'verdict.correction_approved',
  'verdict.correction_rejected', 'verdict.publication_updated',
].sort();

const OUTCOMES: ReadonlyArray<{ value: Outcome; label: string }> = [
  { value: 'success', label: 'Signed in' },
  { value: 'invalid_credentials', label: 'Wrong name or password' },
  { value: 'role_refused', label: 'Refused: role may not sign in' },
  { value: 'throttled', label: 'Refused: too many attempts' },
  { value: 'pending', label: 'Being checked' },
];
const OUTCOME_WORDS = Object.fromEntries(OUTCOMES.map((o) => [o.value, o.label])) as Record<Outcome, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION = /^[a-z_]+\.[a-z_]+$/;

/** The audit log's filters as the url keeps them (only the ones set). */
export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  action?: string;
  name?: string;
  address?: string;
  outcome?: string;
}

/**
 * Admins: the whole audit log ("Changes": who did what to which thing, newest first) and every sign-in attempt ("Sign-ins").
 * The view and the filters are in the url, so a filtered log can be shared.
 */
export function AuditTab({ view, filters, onChange }: {
  view: AuditView;
  filters: AuditFilters;
  onChange: (changes: Record<string, string | null>) => void;
}) {
  const views: Array<{ key: AuditView; label: string }> = [
    { key: 'changes', label: 'Changes' },
    { key: 'signins', label: 'Sign-ins' },
  ];
  return (
    <div className="adm-tab">
      <div className="aud-switch" role="group" aria-label="Audit log">
        {views.map((v) => (
          <button
            key={v.key}
            type="button"
            className="aud-switch-btn"
            aria-pressed={view === v.key}
            onClick={() => onChange({
              log: v.key === 'changes' ? null : v.key,
              entityType: null, entityId: null, action: null, name: null, address: null, outcome: null,
            })}
          >
            {v.label}
          </button>
        ))}
      </div>
      {view === 'changes'
        ? <ChangesLog key={JSON.stringify(filters)} filters={filters} onFilters={onChange} />
        : <SignInsLog key={JSON.stringify(filters)} filters={filters} onFilters={onChange} />}
    </div>
  );
}

/** Whole-word filters on the fields the API filters by; sent on submit, because the API matches exactly. */
function ChangesLog({ filters, onFilters }: { filters: AuditFilters; onFilters: (changes: Record<string, string | null>) => void }) {
  const entityType = ENTITY_TYPES.some((t) => t.value === filters.entityType) ? (filters.entityType as EntityType) : undefined;
  const query: NonNullable<ListAuditEventsData['query']> = {
    limit: AUDIT_PAGE,
    ...(entityType ? { entityType } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
  };
  const list = useInfiniteQuery({
    ...listAuditEventsInfiniteOptions({ query }),
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
    staleTime: 0,
  });
  const items: AuditEventDto[] = list.data?.pages.flatMap((p) => p.items) ?? [];

  const [draft, setDraft] = useState({ entityType: entityType ?? '', entityId: filters.entityId ?? '', action: filters.action ?? '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const apiError = list.error instanceof ApiError ? list.error : undefined;
  const fieldError = (field: string) => problems[field] ?? apiError?.fieldError(field);
  const filtered = !!(entityType || filters.entityId || filters.action);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const entityId = draft.entityId.trim();
    const action = draft.action.trim().toLowerCase();
    if (entityId && !UUID.test(entityId)) found.entityId = 'Paste a whole id, like 3f2b1c9e-…-…; the log matches ids exactly.';
    if (action && !ACTION.test(action)) found.action = 'Type a whole action, like user.created (suggestions appear as you type).';
    setProblems(found);
    if (Object.keys(found).length) return;
    onFilters({ entityType: draft.entityType || null, entityId: entityId || null, action: action || null });
  };

  return (
    <section aria-labelledby="aud-changes-heading">
      <h2 id="aud-changes-heading">Changes, newest first</h2>
      <form className="adm-inline-form aud-filters" onSubmit={submit} noValidate aria-label="Filter the changes">
        <SelectField
          label="Entity type"
          value={draft.entityType}
          onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
          options={[{ value: '', label: 'Everything' }, ...ENTITY_TYPES]}
          error={fieldError('entityType')}
        />
        <TextField
          label="Action"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          list="aud-actions"
          autoComplete="off"
          placeholder="e.g. user.created"
          maxLength={100}
          error={fieldError('action')}
        />
        <datalist id="aud-actions">
          {KNOWN_ACTIONS.map((a) => <option key={a} value={a}>{words(a)}</option>)}
        </datalist>
        <TextField
          label="Entity id"
          value={draft.entityId}
          onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          maxLength={36}
          className="aud-id-field"
          error={fieldError('entityId')}
        />
        <div className="aud-filter-actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          {filtered && <Button onClick={() => onFilters({ entityType: null, entityId: null, action: null })}>Clear filters</Button>}
        </div>
      </form>
      <PagedList
        list={list}
        what="the audit log"
        count={items.length}
        fieldsShown={['entityType', 'entityId', 'action']}
        empty={filtered
          ? <EmptyState title="No change matches these filters.">Clear a filter, or check the action is spelled as in the suggestions (it matches exactly).</EmptyState>
          : <EmptyState title="Nothing has been recorded yet.">Every change staff make (claims, verdicts, users, tokens, webhooks) appears here as it happens.</EmptyState>}
      >
        <table className="table adm-table aud-table">
          <caption className="adm-sr">Audit events, newest first</caption>
          <thead>
            <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">On</th><th scope="col">Details</th></tr>
          </thead>
          <tbody>
            {items.map((event) => <ChangeRow key={event.id} event={event} onFilter={(f) => onFilters(f)} />)}
          </tbody>
        </table>
      </PagedList>
    </section>
  );
}

function ChangeRow({ event, onFilter }: { event: AuditEventDto; onFilter: (changes: Record<string, string | null>) => void }) {
  const lines = changeLines(event.changes);
  const who = event.actorName ?? (event.actorId ? 'A deleted user' : 'System');
  return (
    <tr>
      <td className="aud-when"><When at={event.createdAt} /></td>
      <td>{event.actorId ? who : <span className="muted">{who}</span>}</td>
      <td>
        <span className="aud-what">{words(event.action)}</span>
        <code className="aud-action muted small">{event.action}</code>
      </td>
      <td className="aud-on">
        <span>{ENTITY_NAMES[event.entityType]}</span>{' '}
        {event.entityType === 'claim'
          ? <Link to={`/claims/${event.entityId}`} aria-label={`Open claim ${event.entityId}`}><code>{event.entityId.slice(0, 8)}</code></Link>
          : <code title={event.entityId}>{event.entityId.slice(0, 8)}</code>}
        <button
          type="button"
          className="aud-link-btn small"
          onClick={() => onFilter({ entityType: event.entityType, entityId: event.entityId, action: null })}
          aria-label={`Show only events of ${ENTITY_NAMES[event.entityType].toLowerCase()} ${event.entityId}`}
        >
          history
        </button>
      </td>
      <td className="aud-details">
        {(event.fromStatus || event.toStatus) && (
          <div>Status: {event.fromStatus ?? 'none'} → {event.toStatus ?? 'none'}</div>
        )}
        {event.reason && <div>Reason: {event.reason}</div>}
        {lines.length > 0 && (
          <ul className="aud-changes">{lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
        )}
        {!event.fromStatus && !event.toStatus && !event.reason && lines.length === 0 && <span className="muted">—</span>}
      </td>
    </tr>
  );
}

function SignInsLog({ filters, onFilters }: { filters: AuditFilters; onFilters: (changes: Record<string, string | null>) => void }) {
  const outcome = OUTCOMES.some((o) => o.value === filters.outcome) ? (filters.outcome as Outcome) : undefined;
  const query: NonNullable<ListSignInAttemptsData['query']> = {
    limit: AUDIT_PAGE,
    ...(filters.name ? { name: filters.name } : {}),
    ...(filters.address ? { address: filters.address } : {}),
    ...(outcome ? { outcome } : {}),
  };
  const list = useInfiniteQuery({
    ...listSignInAttemptsInfiniteOptions({ query }),
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
    staleTime: 0,
  });
  const items: SignInAttemptDto[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [draft, setDraft] = useState({ name: filters.name ?? '', address: filters.address ?? '', outcome: outcome ?? '' });
  const apiError = list.error instanceof ApiError ? list.error : undefined;
  const filtered = !!(filters.name || filters.address || outcome);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onFilters({ name: draft.name.trim() || null, address: draft.address.trim() || null, outcome: draft.outcome || null });
  };

  return (
    <section aria-labelledby="aud-signins-heading">
      <h2 id="aud-signins-heading">Sign-in attempts, newest first</h2>
      <form className="adm-inline-form aud-filters" onSubmit={submit} noValidate aria-label="Filter the sign-in attempts">
        <TextField label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoComplete="off" maxLength={100} hint="As typed at sign-in" error={apiError?.fieldError('name')} />
        <TextField label="Address" value={draft.address} onChange={(e) => setDraft({ ...draft, address: e.target.value })} autoComplete="off" maxLength={100} placeholder="e.g. 203.0.113.7" error={apiError?.fieldError('address')} />
        <SelectField
          label="Outcome"
          value={draft.outcome}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          options={[{ value: '', label: 'Any outcome' }, ...OUTCOMES]}
          error={apiError?.fieldError('outcome')}
        />
        <div className="aud-filter-actions">
          <Button type="submit" variant="primary">Apply filters</Button>
          {filtered && <Button onClick={() => onFilters({ name: null, address: null, outcome: null })}>Clear filters</Button>}
        </div>
      </form>
      <PagedList
        list={list}
        what="the sign-in attempts"
        count={items.length}
        fieldsShown={['name', 'address', 'outcome']}
        empty={filtered
          ? <EmptyState title="No sign-in attempt matches these filters.">Name and address match exactly as typed; clear a filter to see more.</EmptyState>
          : <EmptyState title="Nobody has tried to sign in yet.">Every attempt on the sign-in page, successful or not, appears here.</EmptyState>}
      >
        <table className="table adm-table aud-table">
          <caption className="adm-sr">Sign-in attempts, newest first</caption>
          <thead>
            <tr><th scope="col">When</th><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Outcome</th></tr>
          </thead>
          <tbody>
            {items.map((attempt) => (
              <tr key={attempt.id}>
                <td className="aud-when"><When at={attempt.createdAt} /></td>
                <td>{attempt.name}{!attempt.userId && <span className="muted small"> (no such user)</span>}</td>
                <td><code>{attempt.address}</code></td>
                <td><span className={`badge aud-outcome aud-outcome-${attempt.outcome}`}>{OUTCOME_WORDS[attempt.outcome] ?? attempt.outcome}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </PagedList>
    </section>
  );
}

/** To the second: an audit log orders events that happen within the same minute. */
const toSecond = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
function When({ at }: { at: string }) {
  return <time dateTime={at} title={fromNow(at)}>{toSecond.format(new Date(at))}</time>;
}

/** Loading, error (unless every problem sits on a filter field), empty state, the table, and "Load more". */
function PagedList({ list, what, count, fieldsShown, empty, children }: {
  list: {
    isPending: boolean; isSuccess: boolean; error: unknown; isFetchNextPageError: boolean; hasNextPage: boolean;
    isFetchingNextPage: boolean; refetch: () => unknown; fetchNextPage: () => unknown;
  };
  what: string;
  count: number;
  fieldsShown: string[];
  empty: ReactNode;
  children: ReactNode;
}) {
  const firstPageError = list.error && !list.isFetchNextPageError;
  return (
    <>
      {list.isPending && <Loading what={what} />}
      {firstPageError && !allOnFields(list.error, fieldsShown) && (
        <ErrorNotice error={list.error} action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      )}
      {list.isSuccess && count === 0 && empty}
      {count > 0 && children}
      {count > 0 && (
        <div className="aud-more">
          <span className="muted small" role="status">{count} shown{list.hasNextPage ? '; there are more' : ''}</span>
          {list.hasNextPage && <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>Load more</Button>}
        </div>
      )}
      {list.isFetchNextPageError && <ErrorNotice error={list.error} action={<Button onClick={() => void list.fetchNextPage()}>Try again</Button>} />}
    </>
  );
}
