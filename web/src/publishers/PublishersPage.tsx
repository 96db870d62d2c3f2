import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { PublisherDto } from '../api/generated';
import { deletePublisherMutation, listPublishersOptions, setPublisherMutation } from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { can, useSession } from '../auth/session';
import { ConfirmDialog } from '../admin/ConfirmDialog';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice, InfoNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import '../admin/admin.css';
import '../articles/articles.css';

/** Zones IANA renamed that browsers may still list under the old name only (their ICU data lags): both are offered. */
const RENAMED: Record<string, string> = {
  'Europe/Kiev': 'Europe/Kyiv', 'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Katmandu': 'Asia/Kathmandu', 'America/Godthab': 'America/Nuuk', 'Pacific/Enderbury': 'Pacific/Kanton', 'Atlantic/Faeroe': 'Atlantic/Faroe',
};

/** Every IANA zone the browser knows (and the new names of renamed ones), UTC first, plus any zone already in use. The API validates the choice. */
function zoneOptions(extra: readonly string[]): Array<{ value: string; label: string }> {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const renamed = known.flatMap((z) => (RENAMED[z] ? [RENAMED[z]] : []));
  const zones = [...new Set(['UTC', ...[...known, ...renamed, ...extra].sort()])].filter(Boolean);
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}

/** Publishers' time zones: relative dates in an article ("yesterday") resolve in its publisher's zone. Admins change them. */
export default function PublishersPage() {
  const { session } = useSession();
  const admin = can(session?.user.role, 'admin');
  const publishers = useQuery(listPublishersOptions());
  const [editing, setEditing] = useState<{ name: string; timeZone: string } | null>(null);
  const [removing, setRemoving] = useState<PublisherDto | null>(null);
  const formRef = useRef<HTMLElement>(null);
  const queries = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    ...deletePublisherMutation(),
    onSuccess: async () => {
      toast(`${removing?.name ?? 'The publisher'}: time zone removed; its new articles are read in ${publishers.data?.defaultTimeZone ?? 'the default zone'}.`);
      setRemoving(null);
      await invalidateOperations(queries, 'listPublishers');
    },
  });
  const list = publishers.data?.items ?? [];
  const defaultZone = publishers.data?.defaultTimeZone;

  return (
    <div className="page publishers-page">
      <header className="page-header">
        <h1>Publishers</h1>
      </header>
      {defaultZone && (
        <InfoNotice title={`Default time zone: ${defaultZone}`}>
          Articles of a publisher not listed here are read in it (set by <code>DEFAULT_TIME_ZONE</code> in the configuration).
          A zone set or changed here applies to articles ingested from then on.
        </InfoNotice>
      )}
      {admin && (
        <section className="card" aria-labelledby="set-zone" ref={formRef}>
          <h2 id="set-zone">{editing?.name ? `Change the time zone of ${editing.name}` : "Set a publisher's time zone"}</h2>
          <SetZone
            key={editing?.name ?? ''}
            initial={editing}
            zonesInUse={list.map((p) => p.timeZone)}
            defaultZone={defaultZone ?? 'UTC'}
            onDone={() => setEditing(null)}
          />
        </section>
      )}
      <section className="card" aria-labelledby="publishers-heading">
        <h2 id="publishers-heading">Time zones by publisher</h2>
        {publishers.isPending && <Loading what="the publishers" />}
        {publishers.isError && <ErrorNotice error={publishers.error} action={<Button onClick={() => void publishers.refetch()}>Try again</Button>} />}
        {publishers.isSuccess && list.length === 0 && (
          <EmptyState title="No publisher has a time zone yet">
            <p>Every article is read in {defaultZone}. {admin ? 'Set a zone above for a publisher that writes elsewhere.' : 'An admin can set one per publisher.'}</p>
          </EmptyState>
        )}
        {list.length > 0 && (
          <table className="table adm-table publishers-table">
            <caption className="visually-hidden">Publishers and their time zones</caption>
            <thead>
              <tr>
                <th scope="col">Publisher</th>
                <th scope="col">Time zone</th>
                <th scope="col">Changed</th>
                {admin && <th scope="col"><span className="visually-hidden">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.name} data-publisher={p.name}>
                  <th scope="row">{p.name}</th>
                  <td className="zone-current">{p.timeZone}</td>
                  <td>
                    <time dateTime={p.updatedAt} title={formatDateTime(p.updatedAt)}>{fromNow(p.updatedAt)}</time>
                    {p.updatedByName && <span className="muted small"> by {p.updatedByName}</span>}
                  </td>
                  {admin && (
                    <td>
                      <div className="adm-row-actions">
                        <Button
                          className="btn-small"
                          aria-label={`Change the time zone of ${p.name}`}
                          onClick={() => {
                            setEditing({ name: p.name, timeZone: p.timeZone });
                            formRef.current?.scrollIntoView({ block: 'nearest' });
                          }}
                        >
                          Change
                        </Button>
                        <Button className="btn-small" variant="danger" aria-label={`Remove the time zone of ${p.name}`} onClick={() => { remove.reset(); setRemoving(p); }}>
                          Remove
                        </Button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={!!removing}
        title="Remove this time zone?"
        confirmLabel="Remove time zone"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate({ path: { name: removing.name } })}
        onClose={() => setRemoving(null)}
      >
        <p>
          Articles of {removing?.name} ingested from now on are read in {defaultZone}. Articles already ingested keep {removing?.timeZone}.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function SetZone({ initial, zonesInUse, defaultZone, onDone }: {
  initial: { name: string; timeZone: string } | null;
  zonesInUse: readonly string[];
  defaultZone: string;
  onDone: () => void;
}) {
  const queries = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(initial?.name ?? '');
  const [zone, setZone] = useState(initial?.timeZone ?? defaultZone);
  const [missing, setMissing] = useState<string | undefined>();
  const options = useMemo(() => zoneOptions([...zonesInUse, defaultZone, zone]), [zonesInUse, defaultZone, zone]);
  const save = useMutation({
    ...setPublisherMutation(),
    onSuccess: async (p) => {
      toast(`${p.name}: articles ingested from now on are read in ${p.timeZone}.`);
      setName('');
      setZone(defaultZone);
      onDone();
      await invalidateOperations(queries, 'listPublishers');
    },
  });
  const apiError = save.error instanceof ApiError ? save.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissing('Enter the publisher\'s name, as its articles give it.');
      return;
    }
    setMissing(undefined);
    save.mutate({ path: { name: name.trim() }, body: { timeZone: zone } });
  };
  return (
    <>
      <form className="adm-inline-form" onSubmit={submit} noValidate>
        <TextField
          label="Publisher"
          value={name}
          onChange={(e) => setName(e.target.value)}
          readOnly={!!initial}
          maxLength={300}
          hint="The name as articles give it (any case)"
          error={missing}
        />
        <SelectField label="Time zone" value={zone} onChange={(e) => setZone(e.target.value)} options={options} error={apiError?.fieldError('timeZone')} />
        <Button type="submit" variant="primary" busy={save.isPending}>{initial ? 'Save time zone' : 'Set time zone'}</Button>
        {initial && <Button variant="ghost" className="adm-cancel" onClick={onDone}>Cancel</Button>}
      </form>
      {save.error && !apiError?.fieldError('timeZone') && <ErrorNotice error={save.error} />}
    </>
  );
}
