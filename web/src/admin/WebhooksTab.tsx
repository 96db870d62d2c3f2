import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  createWebhookMutation, deleteWebhookMutation, listWebhooksOptions, rotateWebhookSecretMutation, updateWebhookMutation,
} from '../api/generated/@tanstack/react-query.gen';
import type { WebhookDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { allOnFields } from './fieldErrors';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { formatDate, formatDateTime } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import { ConfirmDialog } from './ConfirmDialog';
import { Deliveries } from './Deliveries';
import { OneTimeSecret } from './OneTimeSecret';

type WebhookEvent = WebhookDto['events'][number];
const EVENTS: Array<{ value: WebhookEvent; label: string }> = [
  { value: 'verdict.published', label: 'verdict.published — a verdict is published' },
  { value: 'verdict.corrected', label: 'verdict.corrected — a published verdict is corrected' },
  { value: 'article.extracted', label: 'article.extracted — an article’s claims are extracted' },
];

export function WebhooksTab({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string | null) => void }) {
  const hooks = useQuery(listWebhooksOptions());
  const [editing, setEditing] = useState<WebhookDto | null>(null);
  const [rotating, setRotating] = useState<WebhookDto | null>(null);
  const [deleting, setDeleting] = useState<WebhookDto | null>(null);
  const queries = useQueryClient();
  const toast = useToast();
  const remove = useMutation({
    ...deleteWebhookMutation(),
    onSuccess: async (_d, variables) => {
      toast('Webhook deleted.');
      setDeleting(null);
      if (variables.path.id === selectedId) onSelect(null);
      await invalidateOperations(queries, 'listWebhooks');
    },
  });
  const list = hooks.data ?? [];
  const selected = list.find((h) => h.id === selectedId) ?? null;

  return (
    <div className="adm-tab">
      <CreateWebhook />
      <section aria-labelledby="adm-hooks-heading">
        <h2 id="adm-hooks-heading">Webhooks</h2>
        {hooks.isPending && <Loading what="the webhooks" />}
        {hooks.error && <ErrorNotice error={hooks.error} action={<Button onClick={() => void hooks.refetch()}>Try again</Button>} />}
        {hooks.isSuccess && list.length === 0 && <EmptyState title="No webhooks yet.">Register a url above to be told when verdicts are published or corrected.</EmptyState>}
        {list.length > 0 && (
          <table className="table adm-table">
            <thead>
              <tr>
                <th scope="col">URL</th><th scope="col">Events</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Signing</th>
                <th scope="col"><span className="adm-sr">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((hook) => (
                <tr key={hook.id} className={hook.id === selectedId ? 'selected' : undefined}>
                  <th scope="row" className="adm-url">{hook.url}</th>
                  <td>{hook.events.map((e) => <code key={e} className="adm-event">{e}</code>)}</td>
                  <td><span className={`badge ${hook.active ? 'adm-active' : 'adm-revoked'}`}>{hook.active ? 'Active' : 'Inactive'}</span></td>
                  <td>{formatDate(hook.createdAt)}</td>
                  <td className="small">{hook.previousSecretExpiresAt ? <>previous one signs too until {formatDateTime(hook.previousSecretExpiresAt)}</> : <span className="muted">current only</span>}</td>
                  <td>
                    <div className="adm-row-actions">
                      <Button className="btn-small" aria-pressed={hook.id === selectedId} onClick={() => onSelect(hook.id === selectedId ? null : hook.id)} aria-label={`Deliveries of ${hook.url}`}>Deliveries</Button>
                      <Button className="btn-small" onClick={() => setEditing(hook)} aria-label={`Edit ${hook.url}`}>Edit</Button>
                      <Button className="btn-small" onClick={() => setRotating(hook)} aria-label={`Rotate the secret of ${hook.url}`}>Rotate secret</Button>
                      <Button className="btn-small" variant="danger" onClick={() => { remove.reset(); setDeleting(hook); }} aria-label={`Delete ${hook.url}`}>Delete</Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected && <Deliveries key={selected.id} webhook={selected} />}
      {editing && <EditWebhook hook={editing} onClose={() => setEditing(null)} />}
      {rotating && <RotateSecret hook={rotating} onClose={() => setRotating(null)} />}
      <ConfirmDialog
        open={!!deleting}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate({ path: { id: deleting.id } })}
        onClose={() => setDeleting(null)}
      >
        <p>Nothing more is sent to <b className="adm-url">{deleting?.url}</b>, and its delivery history goes with it. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}

function EventChoices({ value, onChange, error }: { value: WebhookEvent[]; onChange: (events: WebhookEvent[]) => void; error?: string }) {
  return (
    <fieldset className="adm-fieldset" aria-invalid={error ? true : undefined}>
      <legend>Events</legend>
      {EVENTS.map((e) => (
        <label key={e.value} className="adm-check">
          <input type="checkbox" checked={value.includes(e.value)} onChange={() => onChange(value.includes(e.value) ? value.filter((v) => v !== e.value) : [...value, e.value])} />
          <span>{e.label}</span>
        </label>
      ))}
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}

function CreateWebhook() {
  const queries = useQueryClient();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['verdict.published', 'verdict.corrected']);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const create = useMutation({
    ...createWebhookMutation(),
    onSuccess: async () => {
      setUrl('');
      await invalidateOperations(queries, 'listWebhooks');
    },
  });
  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (f: string) => missing[f] ?? apiError?.fieldError(f);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!url.trim()) problems.url = 'Enter the https url to send events to.';
    if (events.length === 0) problems.events = 'Choose at least one event.';
    setMissing(problems);
    if (Object.keys(problems).length) return;
    create.mutate({ body: { url: url.trim(), events } });
  };
  return (
    <section className="card adm-create" aria-labelledby="adm-create-hook">
      <h2 id="adm-create-hook">Register a webhook</h2>
      {create.data ? (
        <OneTimeSecret title={`Signing secret for ${create.data.url}`} label="Webhook secret" value={create.data.secret} onDone={() => create.reset()}>
          <p>The receiver checks each delivery’s signature with it (Claimcheck-Signature, or Standard Webhooks’ webhook-signature).</p>
        </OneTimeSecret>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField label="URL" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://cms.example.org/hooks/claimcheck" maxLength={2048} error={fieldError('url')} />
          <EventChoices value={events} onChange={setEvents} error={fieldError('events')} />
          <Button type="submit" variant="primary" busy={create.isPending}>Register webhook</Button>
        </form>
      )}
      {create.error && !allOnFields(create.error, ['url', 'events']) && <ErrorNotice error={create.error} />}
    </section>
  );
}

function EditWebhook({ hook, onClose }: { hook: WebhookDto; onClose: () => void }) {
  const queries = useQueryClient();
  const toast = useToast();
  const [url, setUrl] = useState(hook.url);
  const [events, setEvents] = useState<WebhookEvent[]>(hook.events);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const update = useMutation({
    ...updateWebhookMutation(),
    onSuccess: async () => {
      toast('Webhook saved.');
      await invalidateOperations(queries, 'listWebhooks');
      onClose();
    },
  });
  const apiError = update.error instanceof ApiError ? update.error : undefined;
  const fieldError = (f: string) => missing[f] ?? apiError?.fieldError(f);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!url.trim()) problems.url = 'Enter the url.';
    if (events.length === 0) problems.events = 'Choose at least one event.';
    setMissing(problems);
    if (Object.keys(problems).length) return;
    update.mutate({ path: { id: hook.id }, body: { url: url.trim(), events } });
  };
  return (
    <Dialog open title="Edit webhook" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {update.error && !allOnFields(update.error, ['url', 'events']) && <ErrorNotice error={update.error} />}
        <TextField label="URL" type="url" value={url} onChange={(e) => setUrl(e.target.value)} maxLength={2048} error={fieldError('url')} />
        <EventChoices value={events} onChange={setEvents} error={fieldError('events')} />
        <div className="actions">
          <Button type="submit" variant="primary" busy={update.isPending}>Save</Button>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}

const OVERLAPS = [
  { value: '86400', label: '24 hours (default)' },
  { value: '3600', label: '1 hour' },
  { value: '604800', label: '7 days' },
  { value: '0', label: 'None: retire the old secret now' },
];

function RotateSecret({ hook, onClose }: { hook: WebhookDto; onClose: () => void }) {
  const queries = useQueryClient();
  const [overlap, setOverlap] = useState('86400');
  const rotate = useMutation({
    ...rotateWebhookSecretMutation(),
    onSuccess: () => invalidateOperations(queries, 'listWebhooks'),
  });
  return (
    <Dialog open title="Rotate the signing secret" onClose={onClose}>
      {rotate.data ? (
        <OneTimeSecret title={`New secret for ${hook.url}`} label="Webhook secret" value={rotate.data.secret} onDone={onClose}>
          <p>{rotate.data.previousSecretExpiresAt ? `The previous secret keeps signing too until ${formatDateTime(rotate.data.previousSecretExpiresAt)}: update the receiver before then.` : 'The previous secret no longer signs.'}</p>
        </OneTimeSecret>
      ) : (
        <form onSubmit={(e) => { e.preventDefault(); rotate.mutate({ path: { id: hook.id }, body: { overlapSeconds: Number(overlap) } }); }}>
          <p>Deliveries to <b className="adm-url">{hook.url}</b> get signed with a new secret.</p>
          <ErrorNotice error={rotate.error} />
          <SelectField label="The previous secret keeps signing for" value={overlap} onChange={(e) => setOverlap(e.target.value)} options={OVERLAPS} />
          <div className="actions">
            <Button type="submit" variant="primary" busy={rotate.isPending}>Rotate secret</Button>
            <Button variant="ghost" onClick={onClose}>Cancel</Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
