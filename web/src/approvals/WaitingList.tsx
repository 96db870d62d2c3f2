import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { listApprovalsInfiniteOptions } from '../api/generated/@tanstack/react-query.gen';
import type { ApprovalDto } from '../api/generated/types.gen';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { SelectField } from '../ui/Field';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { ApprovalDetail } from './ApprovalDetail';

export type Kind = 'all' | 'verdict' | 'correction';
const PAGE = 25;

/** Verdicts and corrections waiting, oldest first, paged by the API's cursor; the selected one opens beside the list. */
export function WaitingList({ kind, onKind, selectedId, onSelect }: {
  kind: Kind;
  onKind: (kind: Kind) => void;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
}) {
  const list = useInfiniteQuery({
    ...listApprovalsInfiniteOptions({ query: { limit: PAGE, ...(kind === 'all' ? {} : { kind }) } }),
    initialPageParam: undefined as unknown as string,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items: ApprovalDto[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  const selected = items.find((i) => i.verdict.id === selectedId) ?? null;

  // Nothing chosen yet (or the chosen one was decided): open the oldest, so an approver can work down the list.
  useEffect(() => {
    if (!list.isSuccess) return;
    if (!selected && items.length > 0) onSelect(items[0].verdict.id);
  }, [list.isSuccess, selected, items, onSelect]);

  return (
    <div className="ap-layout">
      <section className="ap-list" aria-labelledby="ap-list-heading">
        <div className="ap-list-head">
          <h2 id="ap-list-heading">Oldest first</h2>
          <SelectField
            label="Show"
            className="ap-kind"
            value={kind}
            onChange={(e) => onKind(e.target.value as Kind)}
            options={[
              { value: 'all', label: 'Verdicts and corrections' },
              { value: 'verdict', label: 'Verdicts only' },
              { value: 'correction', label: 'Corrections only' },
            ]}
          />
        </div>
        {list.isPending && <Loading what="the verdicts waiting" />}
        {list.error && !list.isFetchNextPageError && <ErrorNotice error={list.error} action={<Button onClick={() => void list.refetch()}>Try again</Button>} />}
        {list.isSuccess && items.length === 0 && (
          <EmptyState title="Nothing is waiting for approval.">
            When an editor proposes a verdict, or an approver corrects a published one, it appears here. To correct a published verdict yourself, open the “Correct a published verdict” tab.
          </EmptyState>
        )}
        {items.length > 0 && (
          <ul className="ap-items">
            {items.map((item) => {
              const isSelected = item.verdict.id === selectedId;
              return (
                <li key={item.verdict.id}>
                  <button
                    type="button"
                    className={`ap-item${isSelected ? ' selected' : ''}`}
                    aria-current={isSelected ? 'true' : undefined}
                    onClick={() => onSelect(item.verdict.id)}
                  >
                    <span className="ap-item-top">
                      {item.verdict.correction && <span className="badge ap-kind-correction">Correction</span>}
                      <Badge kind="rating" value={item.verdict.rating} />
                      <span className="muted small">
                        by {item.verdict.authorName ?? 'unknown'} · <time dateTime={item.verdict.proposedAt} title={formatDateTime(item.verdict.proposedAt)}>{fromNow(item.verdict.proposedAt)}</time>
                      </span>
                    </span>
                    <span className="ap-item-claim">{item.claim.text}</span>
                    <span className="ap-item-article muted small">{item.articleTitle}</span>
                    {item.verdict.correction && item.verdict.correctionReason && (
                      <span className="ap-item-reason small">Reason: {item.verdict.correctionReason}</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {list.hasNextPage && (
          <div className="actions">
            <Button busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>Load more</Button>
          </div>
        )}
        {list.isFetchNextPageError && <ErrorNotice error={list.error} />}
      </section>
      <div className="ap-detail-column">
        {selected ? <ApprovalDetail key={selected.verdict.id} item={selected} onDecided={() => onSelect(null)} /> : null}
      </div>
    </div>
  );
}
