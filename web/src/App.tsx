import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
// From react-router/dom: it hands the router react-dom's flushSync, without which the `flushSync` navigations of the
// queue's filters ran as transitions and a checkbox click showed its old state until the transition committed.
import { RouterProvider } from 'react-router/dom';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { SignInPage } from './auth/SignInPage';
import { QueuePage } from './queue/QueuePage';
import { AppShell, RequireRole } from './shell/AppShell';

// The queue is the first screen and ships in the main bundle; the others load when opened.
const ClaimPage = lazy(() => import('./claim/ClaimPage'));
const ApprovalsPage = lazy(() => import('./approvals/ApprovalsPage'));
const IngestPage = lazy(() => import('./ingest/IngestPage'));
const AdminPage = lazy(() => import('./admin/AdminPage'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage'));
const ArticlesPage = lazy(() => import('./articles/ArticlesPage'));
const ArticlePage = lazy(() => import('./articles/ArticlePage'));
const PublishersPage = lazy(() => import('./publishers/PublishersPage'));
const RerunsPage = lazy(() => import('./reruns/RerunsPage'));

const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  {
    element: <AppShell />,
    children: [
      { index: true, element: <RequireRole role="editor"><QueuePage /></RequireRole> },
      { path: 'claims/:id', element: <RequireRole role="editor"><ClaimPage /></RequireRole> },
      { path: 'approvals', element: <RequireRole role="approver"><ApprovalsPage /></RequireRole> },
      { path: 'ingest', element: <RequireRole role="editor"><IngestPage /></RequireRole> },
      { path: 'articles', element: <RequireRole role="editor"><ArticlesPage /></RequireRole> },
      { path: 'articles/:id', element: <RequireRole role="editor"><ArticlePage /></RequireRole> },
      { path: 'publishers', element: <RequireRole role="editor"><PublishersPage /></RequireRole> },
      { path: 'reextraction', element: <RequireRole role="admin"><RerunsPage /></RequireRole> },
      { path: 'notifications', element: <RequireRole role="editor"><NotificationsPage /></RequireRole> },
      { path: 'admin', element: <RequireRole role="admin"><AdminPage /></RequireRole> },
      { path: 'account/password', element: <ChangePasswordPage required={false} /> },
      { path: '*', element: <div className="page"><h1>Page not found</h1><p>Use the menu to go back to the queue.</p></div> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
