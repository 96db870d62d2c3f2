import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ArticleDto, ArticleRevisionDto, RevisionClaimDto } from '../api/generated';
import {
  getArticleOptions, getArticleRevisionOptions, listArticleRevisionsOptions,
} from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { formatDateTime, fromNow } from '../ui/format';
import { ErrorNotice } from '../ui/Notice';
import { SafeLink } from '../ui/SafeLink';
import { Loading } from '../ui/Spinner';
import { useRetryArticle } from './retry';
import { languageName } from '../ui/language';
import { ClaimCounts } from './ClaimCounts';
import './articles.css';

const WORKING = new Set<ArticleDto['status']>(['queued', 'extracting']);

/** One article: its status and claims by status, and every revision with what it did to the claims and its text. */
export default function ArticlePage() {
  const { id = '' } = useParams();
  const article = useQuery({
    ...getArticleOptions({ path: { id } }),
    refetchInterval: (q) => (q.state.data && WORKING.has(q.state.data.status) ? 1000 : false),
  });
  const revisions = useQuery(listArticleRevisionsOptions({ path: { id } }));
  // What a revision changed is known once it is extracted: read the revisions again whenever the status moves on.
  const queries = useQueryClient();
  const status = article.data?.status;
  const seen = useRef(status);
  useEffect(() => {
    if (status && seen.current && status !== seen.current) void invalidateOperations(queries, 'listArticleRevisions', 'listArticles');
    seen.current = status;
  }, [status, queries]);

  if (article.isPending) return <div className="page"><Loading what="the article" /></div>;
  if (article.isError) {
    return (
      <div className="page">
        <h1>Article</h1>
        <ErrorNotice error={article.error} action={<Button onClick={() => void article.refetch()}>Try again</Button>} />
      </div>
    );
  }
  const a = article.data;
  return (
    <div className="page article-detail">
      <p className="small"><Link to="/articles">← All articles</Link></p>
      <header className="page-header">
        <h1>{a.title}</h1>
        <Link to={{ pathname: '/ingest', search: `?article=${a.id}` }} className="btn btn-secondary">Triage its claims</Link>
      </header>
      <section className="card" aria-labelledby="article-facts">
        <h2 id="article-facts" className="visually-hidden">About this article</h2>
        <dl className="article-facts">
          <dt>Status</dt>
          <dd>
            <Badge value={a.status} />
            {a.status === 'failed' && <FailedRetry article={a} />}
          </dd>
          <dt>Revision</dt><dd>{a.revision}</dd>
          <dt>Claims</dt><dd><ClaimCounts article={a} /></dd>
          <dt>Publisher</dt><dd>{a.publisher ?? '—'}</dd>
          <dt>Published</dt><dd>{a.publishedAt ? formatDateTime(a.publishedAt) : '—'}</dd>
          <dt>Time zone</dt><dd>{a.timeZone}</dd>
          <dt>Language</dt><dd>{languageName(a.language)}</dd>
          <dt>Address</dt><dd>{a.url ? <SafeLink href={a.url}>{a.url}</SafeLink> : '—'}</dd>
          <dt>Ingested</dt><dd><time dateTime={a.createdAt} title={formatDateTime(a.createdAt)}>{fromNow(a.createdAt)}</time></dd>
          <dt>Extractor</dt><dd>{a.extractorVersion ?? '—'}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">Revisions</h2>
        <p className="muted small">Newest first. A new text under the same address is a new revision; its claims are matched with the previous ones.</p>
        {revisions.isPending ? (
          <Loading what="the revisions" />
        ) : revisions.isError ? (
          <ErrorNotice error={revisions.error} action={<Button onClick={() => void revisions.refetch()}>Try again</Button>} />
        ) : (
          <ol className="revision-list">
            {revisions.data.items.map((r) => (
              <Revision key={r.revision} articleId={a.id} revision={r} current={r.revision === a.revision} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function FailedRetry({ article }: { article: ArticleDto }) {
  const retry = useRetryArticle();
  return (
    <>
      {article.failureReason && <p className="failure small">{article.failureReason}</p>}
      <div className="actions">
        <Button variant="primary" className="btn-small" busy={retry.isPending} onClick={() => retry.mutate({ path: { id: article.id } })}>Retry extraction</Button>
      </div>
      <ErrorNotice error={retry.error} />
    </>
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Revision({ articleId, revision: r, current }: { articleId: string; revision: ArticleRevisionDto; current: boolean }) {
  const [showText, setShowText] = useState(false);
  const textId = useId();
  const headingId = useId();
  const { kept, added, superseded, gone } = r.claims;
  return (
    <li className={`revision${current ? ' revision-current' : ''}`} data-revision={r.revision}>
      <h3 id={headingId}>Revision {r.revision}{current && <span className="muted small"> (current)</span>}</h3>
      <p className="muted small">
        {r.title} · ingested <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
        {r.createdByName ? ` by ${r.createdByName}` : ''}
        {' · '}
        {r.extractedAt ? `extracted ${formatDateTime(r.extractedAt)}` : current ? 'not extracted yet' : 'not extracted (a later revision came first)'}
      </p>
      <p className="revision-summary">
        {r.revision === 1 && kept.length === 0
          ? plural(added.length, 'claim') + ' found'
          : [plural(kept.length, 'claim') + ' kept', `${added.length} added`, `${superseded.length} superseded`, `${gone.length} gone`].join(' · ')}
      </p>
      <div className="revision-changes">
        {superseded.length > 0 && (
          <div>
            <h4>Superseded (the figure changed)</h4>
            <ul>
              {superseded.map(({ claim, successor }) => (
                <li key={claim.id}>
                  <ClaimLink claim={claim} /> <span className="arrow" aria-hidden="true">→</span>
                  <span className="visually-hidden"> replaced by </span>
                  <ClaimLink claim={successor} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {added.length > 0 && <ClaimList title={r.revision === 1 ? 'Claims' : 'Added'} claims={added} />}
        {gone.length > 0 && <ClaimList title="Gone (no longer in the text)" claims={gone} />}
        {kept.length > 0 && (
          <details>
            <summary>Kept: {plural(kept.length, 'claim')}</summary>
            <ClaimList claims={kept} />
          </details>
        )}
      </div>
      <div className="actions">
        <Button className="btn-small" aria-expanded={showText} aria-controls={textId} onClick={() => setShowText((v) => !v)}>
          {showText ? 'Hide' : 'Show'} the text of revision {r.revision}
        </Button>
        <span className="muted small">{plural(r.textLength, 'character')}</span>
      </div>
      <div id={textId}>{showText && <RevisionText articleId={articleId} revision={r.revision} />}</div>
    </li>
  );
}

function ClaimList({ title, claims }: { title?: string; claims: RevisionClaimDto[] }) {
  return (
    <div>
      {title && <h4>{title}</h4>}
      <ul>
        {claims.map((c) => (
          <li key={c.id}><ClaimLink claim={c} /></li>
        ))}
      </ul>
    </div>
  );
}

function ClaimLink({ claim }: { claim: RevisionClaimDto }) {
  const words = claim.quantityText ?? (claim.text.length > 90 ? `${claim.text.slice(0, 88)}…` : claim.text);
  return (
    <>
      <Link to={`/claims/${claim.id}`} title={claim.text}>{words}</Link> <Badge value={claim.status} />
    </>
  );
}

function RevisionText({ articleId, revision }: { articleId: string; revision: number }) {
  const text = useQuery(getArticleRevisionOptions({ path: { id: articleId, revision } }));
  if (text.isPending) return <Loading what={`the text of revision ${revision}`} />;
  if (text.isError) return <ErrorNotice error={text.error} action={<Button onClick={() => void text.refetch()}>Try again</Button>} />;
  return (
    <div className="revision-text" tabIndex={0} role="region" aria-label={`Text of revision ${revision}`}>
      {text.data.text}
    </div>
  );
}
