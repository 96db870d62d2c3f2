import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ReviewTaskDto, ReviewTaskEventDto } from '../api/generated';
import { leaseReviewTaskMutation, listReviewQueueInfiniteOptions } from '../api/generated/@tanstack/react-query.gen';
import { Badge } from '../ui/Badge';
import { RECHECK_REASONS } from '../ui/recheck';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice, InfoNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import { CATEGORIES, figureOf, speakerOf } from './claims';
import { DismissDialog } from './DismissDialog';
import { hasFilters, STATUSES, toQuery, useQueueFilters, type QueueFilters } from './filters';
import { useTaskEvents } from './useTaskEvents';
import './queue.css';

const KEYS: Array<[string, string]> = [
  ['j', 'Select the next task'],
  ['k', 'Select the previous task'],
  ['Enter', 'Open the selected claim'],
  ['n', 'Take the next task and open it'],
  ['d', 'Dismiss the selected claim (asks for a reason)'],
  ['?', 'Show these keys'],
];

/** The triage list: what to check next, highest priority first; it follows other editors' changes by itself. */
export function QueuePage() {
  const navigate = useNavigate();
  const toast = useToast();
  const [filters, setFilters] = useQueueFilters();
  const [latest, setLatest] = useState<ReviewTaskEventDto | null>(null);
  const liveness = useTaskEvents(setLatest);

  const query = useInfiniteQuery({
    ...listReviewQueueInfiniteOptions({ query: toQuery(filters) }),
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
    // The event stream refetches on every change; without it, a slower poll keeps the list from going stale.
    refetchInterval: liveness === 'polling' ? 30_000 : false,
    // Coming back to the queue (after a claim) always shows it as it is now.
    staleTime: 0,
  });
  const tasks = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);

  // The selection follows a task, not a row number, so a refetch that removes a row above keeps it in place.
  const [selection, setSelection] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const found = selection.id ? tasks.findIndex((t) => t.id === selection.id) : -1;
  const selectedIndex = tasks.length === 0 ? -1 : found >= 0 ? found : Math.min(selection.index, tasks.length - 1);
  const selected = selectedIndex >= 0 ? tasks[selectedIndex] : undefined;
  const select = useCallback((index: number, list: ReviewTaskDto[]) => {
    const clamped = Math.max(0, Math.min(index, list.length - 1));
    setSelection({ id: list[clamped]?.id ?? null, index: clamped });
  }, []);
  useEffect(() => setSelection({ id: null, index: 0 }), [filters]);

  const [nothingToTake, setNothingToTake] = useState(false);
  const take = useMutation({
    ...leaseReviewTaskMutation(),
    onMutate: () => setNothingToTake(false),
    onSuccess: (task) => {
      // 204: every open task is taken, or there is none.
      if (!task || !('claimId' in task) || !task.claimId) {
        setNothingToTake(true);
        return;
      }
      toast('Task taken: it is yours until you finish or release it');
      navigate(`/claims/${task.claimId}`);
    },
  });
  const takeNext = useCallback(() => {
    if (!take.isPending) take.mutate({});
  }, [take]);

  const [dismissing, setDismissing] = useState<ReviewTaskDto | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const startDismiss = useCallback(
    (task: ReviewTaskDto) => {
      if (task.status !== 'open') {
        toast('Only a claim waiting in the queue can be dismissed; this one is taken or finished.', 'error');
        return;
      }
      setDismissing(task);
    },
    [toast],
  );
  const open = useCallback((task: ReviewTaskDto) => navigate(`/claims/${task.claimId}`), [navigate]);

  // Keyboard triage. Keys never fire while typing in a field, with a modifier held, or while a dialog is open.
  const state = useRef({ tasks, selectedIndex, selected, more: () => {} });
  state.current = {
    tasks,
    selectedIndex,
    selected,
    // j past the last row loads the next page (the selection stays until it arrives).
    more: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  };
  const dialogOpen = !!dismissing || showKeys;
  useEffect(() => {
    if (dialogOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog')) return;
      const { tasks: list, selectedIndex: at, selected: current, more } = state.current;
      switch (event.key) {
        case 'j':
          if (at >= list.length - 1) more();
          select(at + 1, list);
          break;
        case 'k':
          select(at - 1, list);
          break;
        case 'Enter':
          // Enter on a focused link or button keeps its own meaning.
          if (target?.closest('a, button') || !current) return;
          open(current);
          break;
        case 'n':
          takeNext();
          break;
        case 'd':
          if (!current) return;
          startDismiss(current);
          break;
        case '?':
          setShowKeys(true);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dialogOpen, select, open, takeNext, startDismiss]);

  // Keep the selected row in view as j/k move through a long list.
  const listRef = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  return (
    <div className="page queue-page">
      <header className="page-header">
        <div>
          <h1>Queue</h1>
          <p className="muted small queue-subtitle">
            Highest priority first. <LiveState liveness={liveness} /> Press <kbd>?</kbd> for keyboard shortcuts.
          </p>
          <p className="muted small queue-latest" role="status">
            {latest && <LatestChange event={latest} task={tasks.find((t) => t.id === latest.taskId)} />}
          </p>
        </div>
        <div className="queue-header-actions">
          <Button variant="ghost" onClick={() => setShowKeys(true)}>Keyboard shortcuts</Button>
          <Button variant="primary" busy={take.isPending} onClick={takeNext} aria-keyshortcuts="n">Take next</Button>
        </div>
      </header>

      <Filters filters={filters} onChange={setFilters} />

      <ErrorNotice error={take.error} />
      {nothingToTake && (
        <InfoNotice title="Nothing to take">
          Every open task is taken by someone or finished. New claims arrive as articles are ingested.
        </InfoNotice>
      )}

      {query.isPending ? (
        <Loading what="the queue" />
      ) : query.isError && tasks.length === 0 ? (
        <ErrorNotice error={query.error} action={<Button onClick={() => void query.refetch()}>Try again</Button>} />
      ) : tasks.length === 0 ? (
        hasFilters(filters) ? (
          <EmptyState title="No task matches these filters">
            <p>Widen the filters, or <button type="button" className="inline-link" onClick={() => setFilters({ category: undefined, status: undefined, overdue: false, mine: false, q: undefined })}>clear them all</button>.</p>
          </EmptyState>
        ) : (
          <EmptyState title="The queue is empty">
            <p>Every claim has been taken, checked or dismissed. <Link to="/ingest">Ingest an article</Link> to extract new claims.</p>
          </EmptyState>
        )
      ) : (
        <>
          {query.isError && <ErrorNotice error={query.error} />}
          <table className="table queue-table">
            <caption className="visually-hidden">Review tasks, highest priority first; the selected row is marked “Selected”.</caption>
            <thead>
              <tr>
                <th scope="col" className="col-rank">#</th>
                <th scope="col">Claim</th>
                <th scope="col">Category</th>
                <th scope="col">Speaker</th>
                <th scope="col">Article</th>
                <th scope="col">Status</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody ref={listRef}>
              {tasks.map((task, index) => (
                <QueueRow
                  key={task.id}
                  task={task}
                  index={index}
                  selected={index === selectedIndex}
                  onSelect={setSelection}
                  onDismiss={startDismiss}
                />
              ))}
            </tbody>
          </table>
          <div className="queue-footer">
            <span className="muted small" role="status">
              {tasks.length} {tasks.length === 1 ? 'task' : 'tasks'} shown{query.hasNextPage ? '; more below' : ''}
            </span>
            {query.hasNextPage && (
              <Button busy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>Load more</Button>
            )}
          </div>
        </>
      )}

      <DismissDialog
        claim={dismissing ? { id: dismissing.claimId, figure: figureOf(dismissing.claim) } : null}
        onClose={() => setDismissing(null)}
      />
      <Dialog open={showKeys} title="Keyboard shortcuts" onClose={() => setShowKeys(false)}>
        <table className="keys-table">
          <tbody>
            {KEYS.map(([key, what]) => (
              <tr key={key}>
                <th scope="row"><kbd>{key}</kbd></th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Keys do nothing while you type in a field.</p>
        <div className="actions">
          <Button onClick={() => setShowKeys(false)}>Close</Button>
        </div>
      </Dialog>
    </div>
  );
}

function LiveState({ liveness }: { liveness: ReturnType<typeof useTaskEvents> }) {
  if (liveness === 'live') return <span className="live live-on">Live: updates as colleagues work.</span>;
  if (liveness === 'polling') return <span className="live live-off">Live updates interrupted: refreshing every 30 seconds.</span>;
  return <span className="live">Connecting to live updates…</span>;
}

/** How the latest change of the event stream reads; every change kind has its words (the type says so). */
const CHANGE_WORDS: Record<ReviewTaskEventDto['change'], string> = {
  created: 'added to the queue',
  leased: 'taken',
  released: 'released back to the queue',
  returned: 'returned to its author',
  finished: 'finished',
  cancelled: 'cancelled',
  assigned: 'assigned',
  reopened: 'reopened for re-check',
};

function LatestChange({ event, task }: { event: ReviewTaskEventDto; task: ReviewTaskDto | undefined }) {
  return (
    <>
      Latest: {task ? <Link to={`/claims/${event.claimId}`}>“{figureOf(task.claim)}”</Link> : 'a task'} {CHANGE_WORDS[event.change]}{' '}
      (<time dateTime={event.at}>{formatDateTime(event.at)}</time>).
    </>
  );
}

const QueueRow = memo(function QueueRow({ task, index, selected, onSelect, onDismiss }: {
  task: ReviewTaskDto;
  index: number;
  selected: boolean;
  onSelect: (s: { id: string; index: number }) => void;
  onDismiss: (task: ReviewTaskDto) => void;
}) {
  const { claim } = task;
  const figure = figureOf(claim);
  const speaker = speakerOf(claim);
  const ageFrom = task.articlePublishedAt ?? task.articleCreatedAt;
  return (
    <tr className={selected ? 'selected' : undefined} aria-current={selected ? 'true' : undefined} onClick={() => onSelect({ id: task.id, index })}>
      <td className="col-rank">
        {selected && <span className="visually-hidden">Selected. </span>}
        <span className="rank">{index + 1}</span>
        {task.overdue && (
          <span className="badge badge-overdue" title={`Was due ${formatDateTime(task.dueAt)}`}>Overdue</span>
        )}
        {task.kind === 'recheck' && (
          <span className="badge badge-recheck" title={task.recheckReason ? RECHECK_REASONS[task.recheckReason as keyof typeof RECHECK_REASONS] : undefined}>
            Re-check<span className="visually-hidden">: {task.recheckReason ? RECHECK_REASONS[task.recheckReason as keyof typeof RECHECK_REASONS] : 'the published verdict is due for a re-check'}</span>
          </span>
        )}
      </td>
      <td className="col-claim">
        <Link to={`/claims/${task.claimId}`} className="claim-figure">{figure}</Link>
        {claim.quantity && <p className="claim-text">{claim.text}</p>}
      </td>
      <td><Badge value={claim.category} kind="category" /></td>
      <td className="col-speaker">{speaker ?? <span className="muted">Not attributed</span>}</td>
      <td className="col-article">
        <span className="article-title">{task.articleTitle}</span>
        <span className="muted small" title={formatDateTime(ageFrom)}>{fromNow(ageFrom)}</span>
      </td>
      <td className="col-status">
        <TaskHolder task={task} />
      </td>
      <td className="col-actions">
        {task.status === 'open' && task.kind !== 'recheck' && (
          <Button className="btn-small" variant="ghost" onClick={() => onDismiss(task)} aria-label={`Dismiss “${figure}”`} aria-keyshortcuts="d">
            Dismiss
          </Button>
        )}
      </td>
    </tr>
  );
});

function TaskHolder({ task }: { task: ReviewTaskDto }) {
  if (task.status === 'leased') {
    return (
      <>
        <Badge value="leased" />
        <span className="holder">by {task.leasedByName ?? 'someone'}</span>
        {task.leaseExpiresAt && <span className="muted small">until {formatDateTime(task.leaseExpiresAt)}</span>}
      </>
    );
  }
  return (
    <>
      <Badge value={task.status} />
      {task.assignedToName && <span className="holder">for {task.assignedToName}</span>}
    </>
  );
}

function Filters({ filters, onChange }: { filters: QueueFilters; onChange: (c: Partial<QueueFilters>) => void }) {
  const [q, setQ] = useState(filters.q ?? '');
  // Follow the URL when it changes from outside (back button, "clear them all").
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    if ((q.trim() || undefined) === filters.q) return;
    const timer = setTimeout(() => onChange({ q }), 350);
    return () => clearTimeout(timer);
  }, [q, filters.q, onChange]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q });
  };
  return (
    <form className="toolbar queue-filters" role="search" aria-label="Filter the queue" onSubmit={submit}>
      <TextField label="Search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Claim, speaker or article" className="filter-search" />
      <SelectField
        label="Category"
        value={filters.category ?? ''}
        onChange={(e) => onChange({ category: (e.target.value || undefined) as QueueFilters['category'] })}
        options={[{ value: '', label: 'All categories' }, ...CATEGORIES]}
      />
      <SelectField
        label="Status"
        value={filters.status === 'open' && !filters.overdue ? '' : filters.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || undefined) as QueueFilters['status'] })}
        options={[{ value: '', label: filters.overdue ? 'Waiting or taken' : 'Waiting (not taken)' }, ...STATUSES.filter((s) => s.value !== 'open' || filters.overdue)]}
      />
      <label className="check">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} /> Overdue only
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.mine} onChange={(e) => onChange({ mine: e.target.checked })} /> Assigned to me
      </label>
    </form>
  );
}
