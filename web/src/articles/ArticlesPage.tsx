import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ArticlePageDto, ArticleSummaryDto, ListArticlesData } from '../api/generated';
import { listArticlesInfiniteOptions } from '../api/generated/@tanstack/react-query.gen';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { SelectField, TextField } from '../ui/Field';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { ClaimCounts } from './ClaimCounts';
import { RetryRowButton, useRetryArticle } from './retry';
import './articles.css';

type ArticleStatus = ArticleSummaryDto['status'];
const STATUSES: ReadonlyArray<{ value: ArticleStatus; label: string }> = [
  { value: 'queued', label: 'Queued' },
  { value: 'extracting', label: 'Extracting' },
  { value: 'extracted', label: 'Extracted' },
  { value: 'failed', label: 'Failed' },
  { value: 'unsupported_language', label: 'Unsupported language' },
];
const WORKING = new Set<ArticleStatus>(['queued', 'extracting']);

interface Filters {
  status?: ArticleStatus;
  publisher?: string;
  q?: string;
  /** yyyy-mm-dd, a day in the editor's own time zone. */
  since?: string;
}

/** The filters live in the URL, so a reload or a link shows the same list. */
function useFilters(): [Filters, (change: Partial<Filters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<Filters>(() => {
    const status = params.get('status');
    const since = params.get('since');
    return {
      status: STATUSES.some((s) => s.value === status) ? (status as ArticleStatus) : undefined,
      publisher: params.get('publisher')?.trim() || undefined,
      q: params.get('q')?.trim() || undefined,
      since: since && /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : undefined,
    };
  }, [params]);
  const update = useCallback(
    (change: Partial<Filters>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change)) {
          if (value?.trim()) next.set(key, value.trim());
          else next.delete(key);
        }
        return next;
      }, { replace: true, flushSync: true }),
    [setParams],
  );
  return [filters, update];
}

function toQuery(f: Filters): NonNullable<ListArticlesData['query']> {
  return {
    limit: 25,
    ...(f.status ? { status: f.status } : {}),
    ...(f.publisher ? { publisher: f.publisher } : {}),
    ...(f.q && f.q.length >= 2 ? { q: f.q } : {}),
    // The start of that day where the editor is.
    ...(f.since ? { since: new Date(`${f.since}T00:00:00`).toISOString() } : {}),
  };
}

/** Every article newest first: its extraction status, claims by status, revision; retry a failed one. */
export default function ArticlesPage() {
  const [filters, setFilters] = useFilters();
  const queries = useQueryClient();
  const options = listArticlesInfiniteOptions({ query: toQuery(filters) });
  const articles = useInfiniteQuery({
    ...options,
    initialPageParam: {},
    getNextPageParam: (last) => (last.nextCursor ? { query: { cursor: last.nextCursor } } : undefined),
    // Follow extractions in progress; a quiet list is not polled.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((a) => WORKING.has(a.status))) ? 2000 : false),
  });
  // The row shows the new status at once; the list is then read again.
  const retry = useRetryArticle((article) =>
    queries.setQueryData<InfiniteData<ArticlePageDto>>(options.queryKey, (data) =>
      data && {
        ...data,
        pages: data.pages.map((p) => ({ ...p, items: p.items.map((a) => (a.id === article.id ? { ...a, ...article } : a)) })),
      },
    ));
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(filters.status || filters.publisher || filters.q || filters.since);

  return (
    <div className="page articles-page">
      <header className="page-header">
        <h1>Articles</h1>
        <Link to="/ingest" className="btn btn-secondary">Ingest an article</Link>
      </header>
      <FilterBar filters={filters} onChange={setFilters} />
      <ErrorNotice error={retry.error} />
      {articles.isPending ? (
        <Loading what="the articles" />
      ) : articles.isError && items.length === 0 ? (
        <ErrorNotice error={articles.error} action={<Button onClick={() => void articles.refetch()}>Try again</Button>} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="No article matches these filters">
            <p>Widen the filters, or <button type="button" className="inline-link" onClick={() => setFilters({ status: undefined, publisher: undefined, q: undefined, since: undefined })}>clear them all</button>.</p>
          </EmptyState>
        ) : (
          <EmptyState title="No article yet">
            <p>Articles come from the API, or from <Link to="/ingest">Ingest</Link>.</p>
          </EmptyState>
        )
      ) : (
        <>
          <table className="table articles-table">
            <caption className="visually-hidden">Articles, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Publisher</th>
                <th scope="col">Status</th>
                <th scope="col">Revision</th>
                <th scope="col">Claims</th>
                <th scope="col">Ingested</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-article={a.id}>
                  <td className="col-article">
                    <Link to={`/articles/${a.id}`} className="article-title-link">{a.title}</Link>
                    {a.url && <span className="article-url muted small">{hostOf(a.url)}</span>}
                  </td>
                  <td>{a.publisher ?? <span className="muted">—</span>}</td>
                  <td>
                    <Badge value={a.status} />
                    {a.status === 'failed' && a.failureReason && <p className="failure small">{a.failureReason}</p>}
                  </td>
                  <td className="col-number">{a.revision}</td>
                  <td><ClaimCounts article={a} /></td>
                  <td><time dateTime={a.createdAt} title={formatDateTime(a.createdAt)}>{fromNow(a.createdAt)}</time></td>
                  <td className="col-actions">
                    {a.status === 'failed' && (
                      <RetryRowButton article={a} retry={retry} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {articles.isError && <ErrorNotice error={articles.error} />}
          {articles.hasNextPage && (
            <div className="actions">
              <Button busy={articles.isFetchingNextPage} onClick={() => void articles.fetchNextPage()}>Load more</Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (c: Partial<Filters>) => void }) {
  const [q, setQ] = useState(filters.q ?? '');
  const [publisher, setPublisher] = useState(filters.publisher ?? '');
  // Follow the URL when it changes from outside (back button, "clear them all").
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => setPublisher(filters.publisher ?? ''), [filters.publisher]);
  const tooShort = q.trim().length === 1;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooShort) return;
    onChange({ q, publisher });
  };
  return (
    <form className="toolbar articles-filters" role="search" aria-label="Filter the articles" onSubmit={submit}>
      <TextField
        label="Search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Words of the title, or a part of the address"
        className="filter-search"
        maxLength={200}
        error={tooShort ? 'Type at least 2 characters.' : undefined}
      />
      <SelectField
        label="Status"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: (e.target.value || undefined) as ArticleStatus | undefined })}
        options={[{ value: '', label: 'Any status' }, ...STATUSES]}
      />
      <TextField label="Publisher" value={publisher} onChange={(e) => setPublisher(e.target.value)} placeholder="Exact name" maxLength={300} />
      <TextField label="Ingested since" type="date" value={filters.since ?? ''} onChange={(e) => onChange({ since: e.target.value || undefined })} />
      <Button type="submit">Filter</Button>
    </form>
  );
}
