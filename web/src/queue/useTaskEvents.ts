import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export type Liveness = 'connecting' | 'live' | 'polling';

/**
 * Keeps the queue current while it is open: GET /v1/review-tasks/events (server-sent events, the session cookie
 * goes along on the same origin) says when any task is created, taken, released, finished or cancelled, and each
 * event refetches the list. Bursts (an article's worth of new tasks) are folded into one refetch. When the stream
 * fails the caller polls instead (`polling`); EventSource keeps reconnecting and `ready` switches back to live.
 */
export function useTaskEvents(): Liveness {
  const queries = useQueryClient();
  const [state, setState] = useState<Liveness>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('polling');
      return;
    }
    const source = new EventSource('/v1/review-tasks/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const isQueue = (q: { queryKey: readonly unknown[] }) => (q.queryKey[0] as { _id?: string } | undefined)?._id === 'listReviewQueue';
    const refetch = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        // A fetch under way (Load more, a filter change) is not cancelled: the refetch waits for it.
        if (queries.isFetching({ predicate: isQueue }) > 0) return refetch();
        void queries.invalidateQueries({ predicate: isQueue }, { cancelRefetch: false });
      }, 150);
    };
    const onReady = () => {
      setState('live');
      // Changes made before the stream was live were missed: load the list as it is now.
      refetch();
    };
    source.addEventListener('ready', onReady);
    source.addEventListener('task', refetch);
    source.addEventListener('resync', refetch);
    source.addEventListener('message', refetch);
    source.onerror = () => setState('polling');
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [queries]);

  return state;
}
