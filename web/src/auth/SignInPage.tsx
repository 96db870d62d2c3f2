import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/problem';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { ErrorNotice } from '../ui/Notice';
import { useSession } from './session';

export function SignInPage() {
  const { session, signIn } = useSession();
  const location = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to={(location.state as { from?: string } | null)?.from ?? '/'} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(name.trim(), password);
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="auth-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand brand-large" aria-hidden="true">Claimcheck</div>
        <h1 id="signin-title">Sign in to the desk</h1>
        <ErrorNotice error={error} title={(e) => (e instanceof ApiError && e.status === 401 ? 'Sign-in failed.' : undefined)} />
        <TextField label="User name" name="username" autoComplete="username" required autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <Button type="submit" variant="primary" busy={busy} className="btn-block">Sign in</Button>
        <p className="muted small">No account? An admin creates one and gives you a one-time password.</p>
      </form>
    </main>
  );
}
