import { Suspense, useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { can, useSession, type Role } from '../auth/session';
import { useUnreadNotifications } from '../notifications/unread';
import { Button } from '../ui/Button';
import { ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';

const NAV: Array<{ to: string; label: string; role: Role }> = [
  { to: '/', label: 'Queue', role: 'editor' },
  { to: '/approvals', label: 'Approvals', role: 'approver' },
  { to: '/ingest', label: 'Ingest', role: 'editor' },
  { to: '/articles', label: 'Articles', role: 'editor' },
  { to: '/publishers', label: 'Publishers', role: 'editor' },
  { to: '/reextraction', label: 'Re-extraction', role: 'admin' },
  { to: '/admin', label: 'Admin', role: 'admin' },
];

/** The frame around every signed-in screen: navigation by role, who is signed in, sign out. */
export function AppShell() {
  const { session, loading, error, signOut, refresh } = useSession();
  const location = useLocation();
  const [signingOut, setSigningOut] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const unread = useUnreadNotifications(!!session && !session.mustChangePassword && can(session.user.role, 'editor'));
  if (loading) return <Loading what="the desk" />;
  // The session check failed (not a 401): whether anyone is signed in is unknown, so say so rather than show sign-in.
  if (error && !session) {
    const retry = async () => {
      setRetrying(true);
      await refresh().finally(() => setRetrying(false));
    };
    return (
      <main className="auth-page">
        <div className="auth-card">
          <div className="brand brand-large" aria-hidden="true">Claimcheck</div>
          <h1>Could not check your sign-in</h1>
          <p className="muted small">The desk asks the server who is signed in before it opens; that question failed.</p>
          <ErrorNotice
            error={error}
            action={<Button variant="primary" busy={retrying} onClick={() => void retry()}>Retry</Button>}
          />
        </div>
      </main>
    );
  }
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  if (session.mustChangePassword) return <ChangePasswordPage required />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <nav className="sidebar" aria-label="Desk">
        <div className="brand">Claimcheck</div>
        <ul>
          {NAV.filter((item) => can(session.user.role, item.role)).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === '/'}>{item.label}</NavLink>
            </li>
          ))}
          {can(session.user.role, 'editor') && (
            <li>
              <NavLink to="/notifications">
                Notifications{unread > 0 && <span className="nav-count" aria-label={`${unread} unread`}> {unread}</span>}
              </NavLink>
            </li>
          )}
        </ul>
        <div className="sidebar-user">
          <div>
            <span className="user-name">{session.user.name}</span>
            <span className="user-role">{session.user.role}</span>
          </div>
          <NavLink to="/account/password">Change password</NavLink>
          <button
            type="button"
            className="link-button"
            disabled={signingOut}
            aria-busy={signingOut || undefined}
            onClick={() => {
              setSigningOut(true);
              void signOut().finally(() => setSigningOut(false));
            }}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Suspense fallback={<Loading what="this screen" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

/** A screen that needs a role the user lacks: said plainly, not a blank page. */
export function RequireRole({ role, children }: { role: Role; children: React.ReactNode }) {
  const { session } = useSession();
  if (!can(session?.user.role, role)) {
    return (
      <div className="page">
        <h1>Not available</h1>
        <p>This screen needs the {role} role; you are signed in as {session?.user.role}.</p>
      </div>
    );
  }
  return <>{children}</>;
}
