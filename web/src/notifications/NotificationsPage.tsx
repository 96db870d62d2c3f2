import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listNotificationsInfiniteOptions, markNotificationsReadMutation } from '../api/generated/@tanstack/react-query.gen';
import type { NotificationDto } from '../api/generated/types.gen';
import { Button } from '../ui/Button';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { formatDateTime } from '../ui/format';
import { invalidateNotifications } from './unread';

const WHAT: Record<NotificationDto['kind'], string> = {
  mention: 'mentioned you in a note',
  verdict_rejected: 'sent your verdict back',
  recheck: 'found your verdict due for a re-check',
};

/** Where a notification leads: the claim, at the tab that holds what it is about. */
const linkOf = (n: NotificationDto) => `/claims/${n.claimId}?tab=${n.kind === 'mention' ? 'notes' : 'verdict'}`;

/** /notifications: what concerns you (mentions, your verdicts sent back), newest first. */
export default function NotificationsPage() {
  const queries = useQueryClient();
  const list = useInfiniteQuery({
    ...listNotificationsInfiniteOptions({ query: { limit: 50 } }),
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
    staleTime: 0,
  });
  const mark = useMutation({ ...markNotificationsReadMutation(), onSuccess: () => invalidateNotifications(queries) });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Notifications</h1>
        <Button disabled={unread === 0} busy={mark.isPending && !mark.variables?.body.ids} onClick={() => mark.mutate({ body: { all: true } })}>
          Mark all read
        </Button>
      </div>
      <p className="muted">{unread === 0 ? 'Nothing unread.' : `${unread} unread.`}</p>
      {mark.error && <ErrorNotice error={mark.error} />}
      {list.isPending && <Loading what="your notifications" />}
      {list.error && <ErrorNotice error={list.error} action={<Button onClick={() => void list.refetch()}>Try again</Button>} />}
      {list.data && items.length === 0 && (
        <EmptyState title="No notifications">You are told here when someone mentions you in a note or sends your verdict back.</EmptyState>
      )}
      {items.length > 0 && (
        <ul className="notifications">
          {items.map((n) => (
            <li key={n.id} className={`notification${n.readAt ? '' : ' notification-unread'}`}>
              <p>
                {!n.readAt && <span className="visually-hidden">Unread: </span>}
                <strong>{n.actorName ?? 'Someone'}</strong> {WHAT[n.kind]}{' '}
                <time dateTime={n.createdAt} className="muted small">{formatDateTime(n.createdAt)}</time>
              </p>
              <blockquote className="notification-message">{n.message}</blockquote>
              {n.claimText && <p className="muted small">On the claim: {n.claimText}</p>}
              <div className="actions">
                {n.claimId && (
                  <Link to={linkOf(n)} onClick={() => { if (!n.readAt) mark.mutate({ body: { ids: [n.id] } }); }}>Open the claim</Link>
                )}
                {!n.readAt && <Button onClick={() => mark.mutate({ body: { ids: [n.id] } })}>Mark read</Button>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>Load more</Button>}
    </div>
  );
}
