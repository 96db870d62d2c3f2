import { useState, type FormEvent } from 'react';
import { changePassword } from '../api/generated';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { useToast } from '../ui/Toasts';
import { useSession } from './session';

/** Shown instead of the desk while the password is a one-time one; also reachable from the user menu. */
export function ChangePasswordPage({ required }: { required: boolean }) {
  const { session, refresh, signOut } = useSession();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = repeat.length > 0 && next !== repeat ? 'The two new passwords differ.' : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword({ body: { currentPassword: current, newPassword: next } });
      toast('Password changed.');
      setCurrent('');
      setNext('');
      setRepeat('');
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <main className={required ? 'auth-page' : 'page narrow'}>
      <form className={required ? 'auth-card' : 'card'} onSubmit={submit} aria-labelledby="password-title">
        <h1 id="password-title">{required ? 'Choose your password' : 'Change password'}</h1>
        {required && (
          <p className="muted">
            Signed in as <strong>{session?.user.name}</strong> with a one-time password. Choose your own to open the desk.
          </p>
        )}
        <ErrorNotice error={error} />
        <TextField label={required ? 'One-time password' : 'Current password'} type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} error={apiError?.fieldError('currentPassword')} />
        <TextField label="New password" type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(e) => setNext(e.target.value)} hint="At least 12 characters." error={apiError?.fieldError('newPassword')} />
        <TextField label="Repeat new password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} error={mismatch} />
        <div className="actions">
          <Button type="submit" variant="primary" busy={busy}>Save password</Button>
          {required && <Button variant="ghost" onClick={() => void signOut()}>Sign out</Button>}
        </div>
      </form>
    </main>
  );
}
