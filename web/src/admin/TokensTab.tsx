import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createTokenMutation, listTokensOptions, revokeTokenMutation } from '../api/generated/@tanstack/react-query.gen';
import type { CreateTokenDto, TokenDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { allOnFields } from './fieldErrors';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { formatDate, formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import { ConfirmDialog } from './ConfirmDialog';
import { OneTimeSecret } from './OneTimeSecret';

const ROLES = [
  { value: 'consumer', label: 'Consumer' },
  { value: 'editor', label: 'Editor' },
  { value: 'approver', label: 'Approver' },
  { value: 'admin', label: 'Admin' },
] as const;
const EXPIRY = [
  { value: '90d', label: 'In 90 days' },
  { value: '30d', label: 'In 30 days' },
  { value: '365d', label: 'In a year' },
  { value: 'date', label: 'On a date…' },
  { value: 'never', label: 'Never' },
] as const;

function tokenState(token: TokenDto, now = Date.now()): { label: string; cls: string } {
  if (token.revokedAt) return { label: 'Revoked', cls: 'adm-revoked' };
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return { label: 'Expired', cls: 'adm-revoked' };
  return { label: 'Active', cls: 'adm-active' };
}

export function TokensTab() {
  const tokens = useQuery(listTokensOptions());
  const [revoking, setRevoking] = useState<TokenDto | null>(null);
  const queries = useQueryClient();
  const toast = useToast();
  const revoke = useMutation({
    ...revokeTokenMutation(),
    onSuccess: async () => {
      toast(`Token ${revoking?.prefix ?? ''}… revoked; requests with it are refused from now on.`);
      setRevoking(null);
      await invalidateOperations(queries, 'listTokens', 'listUsers');
    },
  });
  const list = tokens.data ?? [];
  return (
    <div className="adm-tab">
      <CreateToken />
      <section aria-labelledby="adm-tokens-heading">
        <h2 id="adm-tokens-heading">API tokens</h2>
        {tokens.isPending && <Loading what="the tokens" />}
        {tokens.error && <ErrorNotice error={tokens.error} action={<Button onClick={() => void tokens.refetch()}>Try again</Button>} />}
        {tokens.isSuccess && list.length === 0 && <EmptyState title="No API tokens yet.">Create one above for a machine that reads or writes through the API.</EmptyState>}
        {list.length > 0 && (
          <table className="table adm-table">
            <thead>
              <tr>
                <th scope="col">Token</th><th scope="col">User</th><th scope="col">Role</th><th scope="col">Label</th><th scope="col">Status</th>
                <th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col"><span className="adm-sr">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => {
                const state = tokenState(token);
                return (
                  <tr key={token.id} className={state.label === 'Active' ? undefined : 'adm-dim'}>
                    <th scope="row"><code>{token.prefix}…</code></th>
                    <td>{token.name}</td>
                    <td><span className="badge adm-role">{token.role}</span></td>
                    <td>{token.label}</td>
                    <td><span className={`badge ${state.cls}`}>{state.label}</span>{token.revokedAt && <span className="muted small"> {formatDate(token.revokedAt)}</span>}</td>
                    <td>{formatDate(token.createdAt)}</td>
                    <td>{token.expiresAt ? <time dateTime={token.expiresAt} title={formatDateTime(token.expiresAt)}>{formatDate(token.expiresAt)}</time> : <span className="muted">never</span>}</td>
                    <td>{token.lastUsedAt ? <time dateTime={token.lastUsedAt} title={formatDateTime(token.lastUsedAt)}>{fromNow(token.lastUsedAt)}</time> : <span className="muted">never</span>}</td>
                    <td>
                      {!token.revokedAt && (
                        <Button className="btn-small" variant="danger" onClick={() => { revoke.reset(); setRevoking(token); }} aria-label={`Revoke token ${token.prefix} of ${token.name}`}>Revoke</Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={!!revoking}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate({ path: { id: revoking.id } })}
        onClose={() => setRevoking(null)}
      >
        <p>
          Token <code>{revoking?.prefix}…</code> of {revoking?.name} ({revoking?.label}) stops working at once. Whatever uses it gets 401 from its next request. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function CreateToken() {
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<CreateTokenDto['role']>('consumer');
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState<(typeof EXPIRY)[number]['value']>('90d');
  const [date, setDate] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const create = useMutation({
    ...createTokenMutation(),
    onSuccess: async () => {
      setName('');
      setLabel('');
      await invalidateOperations(queries, 'listTokens', 'listUsers');
    },
  });
  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (field: string) => missing[field] ?? apiError?.fieldError(field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter the user (or machine) name the token belongs to.';
    if (expiry === 'date' && !date) problems.expiresAt = 'Choose the day it expires.';
    setMissing(problems);
    if (Object.keys(problems).length) return;
    const body: CreateTokenDto = { name: name.trim(), role, ...(label.trim() ? { label: label.trim() } : {}) };
    if (expiry === 'date') body.expiresAt = new Date(`${date}T23:59:59`).toISOString();
    else if (expiry !== 'never') body.expiresIn = expiry;
    create.mutate({ body });
  };
  return (
    <section className="card adm-create" aria-labelledby="adm-create-token">
      <h2 id="adm-create-token">Create an API token</h2>
      {create.data ? (
        <OneTimeSecret title={`Token for ${create.data.name} (${create.data.role})`} label="API token" value={create.data.token} onDone={() => create.reset()}>
          <p>
            Send it as <code>Authorization: Bearer …</code>. {create.data.expiresAt ? `It expires ${formatDateTime(create.data.expiresAt)}.` : 'It does not expire.'}
          </p>
        </OneTimeSecret>
      ) : (
        <form onSubmit={submit} noValidate className="adm-inline-form">
          <TextField label="User name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={100} hint="A new name creates that user" error={fieldError('name')} />
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as CreateTokenDto['role'])} options={ROLES} error={fieldError('role')} />
          <TextField label="Label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="e.g. cms-integration" hint="What uses it" error={fieldError('label')} />
          <SelectField label="Expires" value={expiry} onChange={(e) => setExpiry(e.target.value as typeof expiry)} options={EXPIRY} error={fieldError('expiresIn')} />
          {expiry === 'date' && <TextField label="Expiry date" type="date" value={date} onChange={(e) => setDate(e.target.value)} error={fieldError('expiresAt')} />}
          <Button type="submit" variant="primary" busy={create.isPending}>Create token</Button>
        </form>
      )}
      {create.error && !allOnFields(create.error, ['name', 'role', 'label', 'expiresIn', ...(expiry === 'date' ? ['expiresAt'] : [])]) && <ErrorNotice error={create.error} />}
    </section>
  );
}
