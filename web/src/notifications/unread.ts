import { useQuery, type QueryClient } from '@tanstack/react-query';
import { listNotificationsOptions } from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';

/** How often the sidebar asks for the unread count: notifications are not urgent enough for a stream of their own. */
const POLL_MS = 30_000;

/** The caller's unread count, for the sidebar badge (one row fetched: the count comes with every page). */
export function useUnreadNotifications(enabled: boolean): number {
  const q = useQuery({ ...listNotificationsOptions({ query: { limit: 1, unread: true } }), enabled, refetchInterval: POLL_MS });
  return q.data?.unread ?? 0;
}

export function invalidateNotifications(queries: QueryClient) {
  return invalidateOperations(queries, 'listNotifications');
}
