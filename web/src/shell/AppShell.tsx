import { Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { ChangePasswordPage } from '../auth/ChangePasswordPage';
import { can, useSession, type Role } from '../auth/session';
import { Loading } from '../ui/Spinner';

const NAV: Array<{ to: string; label: string; role: Role }> = [
  { to: '/', label: 'Queue', role: 'editor' },
  { to: '/approvals', label: 'Approvals', role: 'approver' },
  { to: '/ingest', label: 'Ingest', role: 'editor' },
  { to: '/admin', label: 'Admin', role: 'admin' },
];

/** The frame around every signed-in screen: navigation by role, who is signed in, sign out. */
export function AppShell() {
  const { session, loading, signOut } = useSession();
  const location = useLocation();
  if (loading) return <Loading what="the desk" />;
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
        </ul>
        <div className="sidebar-user">
          <div>
            <span className="user-name">{session.user.name}</span>
            <span className="user-role">{session.user.role}</span>
          </div>
          <NavLink to="/account/password">Change password</NavLink>
          <button type="button" className="link-button" onClick={() => void signOut()}>Sign out</button>
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
