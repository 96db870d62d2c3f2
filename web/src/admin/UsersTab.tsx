import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { createUserMutation, listUsersOptions, resetUserPasswordMutation, updateUserMutation } from '../api/generated/@tanstack/react-query.gen';
import type { UserDto } from '../api/generated/types.gen';
import { invalidateOperations } from '../api/invalidate';
import { ApiError } from '../api/problem';
import { allOnFields } from './fieldErrors';
import { useSession } from '../auth/session';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import { ConfirmDialog } from './ConfirmDialog';
import { OneTimeSecret } from './OneTimeSecret';

type DeskRole = 'admin' | 'approver' | 'editor';
const DESK_ROLES: Array<{ value: DeskRole; label: string }> = [
  { value: 'editor', label: 'Editor' },
  { value: 'approver', label: 'Approver' },
  { value: 'admin', label: 'Admin' },
];
const ALL_ROLES = [...DESK_ROLES, { value: 'consumer', label: 'Consumer (API only)' }] as const;
type Role = (typeof ALL_ROLES)[number]['value'];

export function UsersTab() {
  const users = useQuery(listUsersOptions());
  const { session } = useSession();
  const [roleFor, setRoleFor] = useState<UserDto | null>(null);
  const [disableFor, setDisableFor] = useState<UserDto | null>(null);
  const [resetFor, setResetFor] = useState<UserDto | null>(null);
  const queries = useQueryClient();
  const toast = useToast();
  const update = useMutation({
    ...updateUserMutation(),
    onSuccess: async (user, variables) => {
      toast(variables.body.disabled === true ? `${user.name} is disabled.` : variables.body.disabled === false ? `${user.name} is enabled again.` : `${user.name} is now ${user.role}.`);
      setDisableFor(null);
      setRoleFor(null);
      await invalidateOperations(queries, 'listUsers', 'listTokens');
    },
  });
  const list = users.data ?? [];

  return (
    <div className="adm-tab">
      <CreateUser />
      <section aria-labelledby="adm-users-heading">
        <h2 id="adm-users-heading">Users</h2>
        {users.isPending && <Loading what="the users" />}
        {users.error && <ErrorNotice error={users.error} action={<Button onClick={() => void users.refetch()}>Try again</Button>} />}
        {update.error && !roleFor && !disableFor && <ErrorNotice error={update.error} />}
        {users.isSuccess && list.length === 0 && <EmptyState title="No users yet.">Create the first desk user with the form above.</EmptyState>}
        {list.length > 0 && (
          <table className="table adm-table">
            <thead>
              <tr>
                <th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Last sign-in</th>
                <th scope="col">Sessions</th><th scope="col">Tokens</th><th scope="col"><span className="adm-sr">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => {
                const self = user.id === session?.user.id;
                return (
                  <tr key={user.id}>
                    <th scope="row" className="adm-name">{user.name}{self && <span className="muted small"> (you)</span>}</th>
                    <td><span className="badge adm-role">{user.role}</span></td>
                    <td>
                      {user.disabledAt ? <Badge value="disabled" /> : <span className="badge adm-active">Active</span>}
                      {!user.disabledAt && user.mustChangePassword && <span className="muted small"> · must set a password</span>}
                      {!user.disabledAt && user.hasPassword === false && user.role !== 'consumer' && <span className="muted small"> · no desk password</span>}
                    </td>
                    <td>{user.lastSignInAt ? <time dateTime={user.lastSignInAt} title={formatDateTime(user.lastSignInAt)}>{fromNow(user.lastSignInAt)}</time> : <span className="muted">never</span>}</td>
                    <td>{user.activeSessions ?? '—'}</td>
                    <td>{user.activeTokens}</td>
                    <td>
                      <div className="adm-row-actions">
                        <Button className="btn-small" onClick={() => { update.reset(); setRoleFor(user); }} aria-label={`Change role of ${user.name}`}>Change role</Button>
                        {user.disabledAt ? (
                          <Button className="btn-small" busy={update.isPending && update.variables?.path.id === user.id} onClick={() => update.mutate({ path: { id: user.id }, body: { disabled: false } })} aria-label={`Enable ${user.name}`}>Enable</Button>
                        ) : (
                          <Button className="btn-small" variant="danger" disabled={self} onClick={() => { update.reset(); setDisableFor(user); }} aria-label={`Disable ${user.name}`}>Disable</Button>
                        )}
                        {user.role !== 'consumer' && (
                          <Button className="btn-small" onClick={() => setResetFor(user)} aria-label={`Reset password of ${user.name}`}>Reset password</Button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {roleFor && (
        <ChangeRole user={roleFor} busy={update.isPending} error={update.error} onClose={() => setRoleFor(null)} onSave={(role) => update.mutate({ path: { id: roleFor.id }, body: { role } })} />
      )}
      <ConfirmDialog
        open={!!disableFor}
        title={`Disable ${disableFor?.name ?? ''}`}
        confirmLabel="Disable"
        busy={update.isPending}
        error={update.error}
        onConfirm={() => disableFor && update.mutate({ path: { id: disableFor.id }, body: { disabled: true } })}
        onClose={() => setDisableFor(null)}
      >
        <p>Every token of {disableFor?.name} is refused and their desk sessions end at once. You can enable them again later.</p>
      </ConfirmDialog>
      {resetFor && <ResetPassword user={resetFor} onClose={() => setResetFor(null)} />}
    </div>
  );
}

function CreateUser() {
  const queries = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<DeskRole>('editor');
  const [nameMissing, setNameMissing] = useState(false);
  const create = useMutation({
    ...createUserMutation(),
    onSuccess: async () => {
      setName('');
      await invalidateOperations(queries, 'listUsers');
    },
  });
  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNameMissing(!name.trim());
    if (!name.trim()) return;
    create.mutate({ body: { name: name.trim(), role } });
  };
  return (
    <section className="card adm-create" aria-labelledby="adm-create-user">
      <h2 id="adm-create-user">Create a desk user</h2>
      {create.data ? (
        <OneTimeSecret
          title={`${create.data.user.name} can now sign in as ${create.data.user.role}`}
          label="One-time password"
          value={create.data.oneTimePassword}
          onDone={() => create.reset()}
        >
          <p>Give {create.data.user.name} this one-time password. The desk asks them to choose their own password when they first sign in.</p>
        </OneTimeSecret>
      ) : (
        <form onSubmit={submit} noValidate className="adm-inline-form">
          <TextField
            label="User name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            maxLength={100}
            hint="Letters, digits, _ . @ -"
            error={nameMissing ? 'Enter a user name.' : apiError?.fieldError('name')}
          />
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as DeskRole)} options={DESK_ROLES} error={apiError?.fieldError('role')} />
          <Button type="submit" variant="primary" busy={create.isPending}>Create user</Button>
        </form>
      )}
      {create.error && !allOnFields(create.error, ['name', 'role']) && <ErrorNotice error={create.error} />}
      <p className="muted small">Machines that only read the API (consumers) get an API token instead: see the API tokens tab.</p>
    </section>
  );
}

function ChangeRole({ user, busy, error, onClose, onSave }: { user: UserDto; busy: boolean; error: unknown; onClose: () => void; onSave: (role: Role) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  return (
    <Dialog open title={`Change the role of ${user.name}`} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); onSave(role); }}>
        <p className="muted">Takes effect on their next request.</p>
        <ErrorNotice error={error} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} options={ALL_ROLES} />
        <div className="actions">
          <Button type="submit" variant="primary" busy={busy} disabled={role === user.role}>Save role</Button>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
}

function ResetPassword({ user, onClose }: { user: UserDto; onClose: () => void }) {
  const queries = useQueryClient();
  const reset = useMutation({
    ...resetUserPasswordMutation(),
    onSuccess: () => invalidateOperations(queries, 'listUsers'),
  });
  return (
    <Dialog open title={`Reset the password of ${user.name}`} onClose={onClose}>
      {reset.data ? (
        <OneTimeSecret title={`New one-time password for ${user.name}`} label="One-time password" value={reset.data.oneTimePassword} onDone={onClose}>
          <p>Their sessions have ended; they choose a new password when they sign in with this one.</p>
        </OneTimeSecret>
      ) : (
        <>
          <p>{user.name} gets a new one-time password and is signed out everywhere. Their old password stops working at once.</p>
          <ErrorNotice error={reset.error} />
          <div className="actions">
            <Button variant="danger" busy={reset.isPending} onClick={() => reset.mutate({ path: { id: user.id } })}>Reset password</Button>
            <Button variant="ghost" onClick={onClose}>Cancel</Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
