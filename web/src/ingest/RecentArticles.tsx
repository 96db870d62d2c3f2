import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ArticleSummaryDto } from '../api/generated';
import { listArticlesInfiniteOptions } from '../api/generated/@tanstack/react-query.gen';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { languageName } from '../ui/language';
import { RetryRowButton, useRetryArticle } from '../articles/retry';

/** Articles newest first with their extraction status: reopen one, or retry a failed extraction. */
export function RecentArticles({ current }: { current: string | null }) {
  const articles = useInfiniteQuery({
    ...listArticlesInfiniteOptions({ query: { limit: 15 } }),
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
    // Follow extractions in progress; a quiet list is not polled.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((a) => a.status === 'queued' || a.status === 'extracting')) ? 2000 : false,
  });
  const retry = useRetryArticle();
  const items: ArticleSummaryDto[] = articles.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card recent-articles">
      <h2 id="recent-articles">Recent articles</h2>
      <ErrorNotice error={retry.error} />
      {articles.isPending ? (
        <Loading what="recent articles" />
      ) : articles.isError && items.length === 0 ? (
        <ErrorNotice error={articles.error} action={<Button onClick={() => void articles.refetch()}>Try again</Button>} />
      ) : items.length === 0 ? (
        <EmptyState title="No article yet">
          <p>Paste an article or upload a .txt file to extract its claims.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="article-list">
            {items.map((a) => (
              <li key={a.id} className={a.id === current ? 'current' : undefined}>
                <Link to={{ pathname: '/ingest', search: `?article=${a.id}` }} aria-current={a.id === current ? 'page' : undefined} className="article-link">
                  {a.title}
                </Link>
                <div className="article-meta">
                  <Badge value={a.status} />
                  <span className="muted small">
                    {a.status === 'extracted' ? `${a.claimCount} ${a.claimCount === 1 ? 'claim' : 'claims'} · ` : ''}
                    {a.language && a.language !== 'en' ? `${languageName(a.language)} · ` : ''}
                    {a.status === 'extracted' && a.skippedSentences > 0 ? `${a.skippedSentences} skipped · ` : ''}
                    <span title={formatDateTime(a.createdAt)}>{fromNow(a.createdAt)}</span>
                  </span>
                  {a.status === 'failed' && (
                    <RetryRowButton article={a} retry={retry} />
                  )}
                </div>
                {a.status === 'failed' && a.failureReason && <p className="failure small">{a.failureReason}</p>}
              </li>
            ))}
          </ul>
          {articles.isError && <ErrorNotice error={articles.error} />}
          <div className="actions">
            {articles.hasNextPage && <Button busy={articles.isFetchingNextPage} onClick={() => void articles.fetchNextPage()}>Load more</Button>}
            <Link to="/articles" className="small">All articles, with filters and revisions</Link>
          </div>
        </>
      )}
    </section>
  );
}
