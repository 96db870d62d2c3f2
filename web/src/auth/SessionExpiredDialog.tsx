import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { useSession } from './session';

/**
 * Over the screen the person was working on when their session ended (expired, revoked): sign in again as the same
 * person and carry on — nothing under the dialog is unmounted, so a half-written form keeps its input. It cannot be
 * dismissed with Escape (the screen behind it could not save anything); "Sign out" leaves for the sign-in page.
 */
export function SessionExpiredDialog({ name }: { name: string }) {
  const { resume, forget } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const focusPassword = () => ref.current?.querySelector<HTMLInputElement>('input[type=password]')?.focus();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    focusPassword();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await resume(password);
    } catch (e) {
      setError(e);
      setPassword('');
      focusPassword();
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="session-ended-title"
      aria-describedby="session-ended-text"
      onCancel={(e) => e.preventDefault()}
      // Chrome lets a second Escape close it even so: show it again while the session is still ended.
      onClose={() => ref.current && !ref.current.open && ref.current.isConnected && ref.current.showModal()}
    >
      <form onSubmit={submit}>
        <h2 id="session-ended-title">Your session has ended</h2>
        <p id="session-ended-text">Sign in again to continue. What you were working on stays as it is; press its button again once you are back.</p>
        <ErrorNotice error={error} title={(e) => (e instanceof ApiError && e.status === 401 ? 'Sign-in failed.' : undefined)} />
        <TextField label="User name" name="username" autoComplete="username" value={name} readOnly />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="primary" busy={busy}>Sign in</Button>
          <Button variant="ghost" onClick={forget}>Sign out</Button>
        </div>
      </form>
    </dialog>
  );
}
