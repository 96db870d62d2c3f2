import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListReviewQueueData } from '../api/generated';
import { CATEGORIES, type Category } from './claims';

export type TaskStatus = NonNullable<NonNullable<ListReviewQueueData['query']>['status']>;

export const STATUSES: ReadonlyArray<{ value: TaskStatus; label: string }> = [
  { value: 'open', label: 'Waiting (not taken)' },
  { value: 'leased', label: 'Taken' },
  { value: 'done', label: 'Done' },
  { value: 'cancelled', label: 'Cancelled' },
];

export interface QueueFilters {
  category?: Category;
  status?: TaskStatus;
  overdue: boolean;
  mine: boolean;
  q?: string;
}

/**
 * The queue's filters live in the URL (?category=money&status=leased&overdue=1&mine=1&q=…): a reload, a bookmark
 * or a link to a colleague shows the same list. Unknown values are ignored rather than sent to the API.
 */
export function useQueueFilters(): [QueueFilters, (change: Partial<QueueFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<QueueFilters>(() => {
    const category = params.get('category');
    const status = params.get('status');
    return {
      category: CATEGORIES.some((c) => c.value === category) ? (category as Category) : undefined,
      status: STATUSES.some((s) => s.value === status) ? (status as TaskStatus) : undefined,
      overdue: params.get('overdue') === '1',
      mine: params.get('mine') === '1',
      q: params.get('q')?.trim() || undefined,
    };
  }, [params]);

  const update = useCallback(
    (change: Partial<QueueFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const put = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
          if ('category' in change) put('category', change.category);
          if ('status' in change) put('status', change.status);
          if ('overdue' in change) put('overdue', change.overdue ? '1' : undefined);
          if ('mine' in change) put('mine', change.mine ? '1' : undefined);
          if ('q' in change) put('q', change.q?.trim() || undefined);
          return next;
        },
        // flushSync: the checkboxes and selects read their value from the URL; a transition (the default) would show
        // the old value until it commits, so a click would seem not to take.
        { replace: true, flushSync: true },
      );
    },
    [setParams],
  );
  return [filters, update];
}

/** The API query for these filters (only what is set, so equal filters share one cache entry). */
export function toQuery(f: QueueFilters): NonNullable<ListReviewQueueData['query']> {
  return {
    ...(f.category && { category: f.category }),
    ...(f.status && { status: f.status }),
    ...(f.overdue && { overdue: true }),
    ...(f.mine && { assignedToMe: true }),
    ...(f.q && { q: f.q }),
    limit: 50,
  };
}

export const hasFilters = (f: QueueFilters) => !!(f.category || f.status || f.overdue || f.mine || f.q);
