import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { ReviewTaskEventDto } from '../api/generated';

export type Liveness = 'connecting' | 'live' | 'polling';

/** Waits before reopening a stream the browser gave up on: 1 s, 2 s, 4 s … up to a minute, with some jitter. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
const backoff = (attempt: number) => Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);

/**
 * Keeps the queue current while it is open: GET /v1/review-tasks/events (server-sent events, the session cookie
 * goes along on the same origin) says when any task is created, taken, released, finished, cancelled or reopened for
 * a re-check, and each event refetches the list (and goes to `onTask`). Bursts (an article's worth of new tasks) are
 * folded into one refetch.
 *
 * Whenever the stream is down the state is `polling` and the caller refetches every 30 s. Two kinds of failure:
 * a dropped connection (readyState CONNECTING) is retried by the browser itself; an answer that is not a 200
 * event stream (a 401, 500 or 502 from a proxy) makes the browser give up for good (readyState CLOSED), so the
 * stream is then reopened here with a growing delay. `ready` switches back to live and reloads the list.
 *
 * While the tab is hidden the stream is closed (browsers allow ~6 connections per origin over HTTP/1.1, and every
 * open desk tab would hold one); when the tab is shown again the list is refetched and the stream reopened.
 */
export function useTaskEvents(onTask?: (event: ReviewTaskEventDto) => void): Liveness {
  const queries = useQueryClient();
  const [state, setState] = useState<Liveness>('connecting');
  // The latest callback without reopening the stream when it changes.
  const onTaskRef = useRef(onTask);
  onTaskRef.current = onTask;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('polling');
      return;
    }
    let source: EventSource | null = null;
    let refetchTimer: ReturnType<typeof setTimeout> | undefined;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const isQueue = (q: { queryKey: readonly unknown[] }) => (q.queryKey[0] as { _id?: string } | undefined)?._id === 'listReviewQueue';
    const refetch = () => {
      if (refetchTimer) return;
      refetchTimer = setTimeout(() => {
        refetchTimer = undefined;
        // A fetch under way (Load more, a filter change) is not cancelled: the refetch waits for it.
        if (queries.isFetching({ predicate: isQueue }) > 0) return refetch();
        void queries.invalidateQueries({ predicate: isQueue }, { cancelRefetch: false });
      }, 150);
    };

    const close = () => {
      clearTimeout(retryTimer);
      retryTimer = undefined;
      source?.close();
      source = null;
    };
    const open = () => {
      close();
      const current = new EventSource('/v1/review-tasks/events');
      source = current;
      current.addEventListener('ready', () => {
        attempt = 0;
        setState('live');
        // Changes made before the stream was live were missed: load the list as it is now.
        refetch();
      });
      current.addEventListener('task', (event) => {
        refetch();
        try {
          onTaskRef.current?.(JSON.parse((event as MessageEvent<string>).data) as ReviewTaskEventDto);
        } catch {
          // an unreadable event still refetched the list
        }
      });
      current.addEventListener('resync', refetch);
      current.addEventListener('message', refetch);
      current.onerror = () => {
        if (source !== current) return;
        setState('polling');
        if (current.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
        current.close();
        source = null;
        retryTimer = setTimeout(open, backoff(attempt++));
      };
    };

    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        close();
        return;
      }
      if (source) return;
      attempt = 0;
      setState((s) => (s === 'live' ? 'connecting' : s));
      refetch();
      open();
    };

    document.addEventListener('visibilitychange', onVisibility);
    if (document.visibilityState !== 'hidden') open();
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(refetchTimer);
      close();
    };
  }, [queries]);

  return state;
}
