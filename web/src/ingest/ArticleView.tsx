import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ArticleDto, ClaimDto } from '../api/generated';
import {
  getArticleOptions, listArticleClaimsOptions, retryArticleMutation, triageClaimMutation,
} from '../api/generated/@tanstack/react-query.gen';
import { invalidateOperations } from '../api/invalidate';
import { figureOf, speakerOf } from '../queue/claims';
import { DismissDialog } from '../queue/DismissDialog';
import { useRetryArticle } from '../articles/retry';
import { Badge, humanize } from '../ui/Badge';
import { SafeLink } from '../ui/SafeLink';
import { Button } from '../ui/Button';
import { formatDateTime, fromNow } from '../ui/format';
import { EmptyState, ErrorNotice, InfoNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { useToast } from '../ui/Toasts';
import { SelectField } from '../ui/Field';
import { languageName, LANGUAGE_OPTIONS } from '../ui/language';
import { AddMissedClaim } from './AddMissedClaim';

const WORKING = new Set<ArticleDto['status']>(['queued', 'extracting']);
const STEPS: Array<{ status: ArticleDto['status']; label: string }> = [
  { status: 'queued', label: 'Waiting for the extractor' },
  { status: 'extracting', label: 'Extracting claims' },
  { status: 'extracted', label: 'Claims ready' },
];

/** One article: its extraction followed second by second, then its claims to triage. */
export function ArticleView({ id }: { id: string }) {
  const queries = useQueryClient();
  const article = useQuery({
    ...getArticleOptions({ path: { id } }),
    refetchInterval: (q) => (q.state.data && WORKING.has(q.state.data.status) ? 1000 : false),
  });
  const status = article.data?.status;
  // The recent list shows the status too: refresh it when this article moves on.
  useEffect(() => {
    if (status) void invalidateOperations(queries, 'listArticles');
  }, [status, queries]);

  if (article.isPending) return <Loading what="the article" />;
  if (article.isError) return <ErrorNotice error={article.error} action={<Button onClick={() => void article.refetch()}>Try again</Button>} />;
  const a = article.data;

  return (
    <section className="card article-view" aria-labelledby="article-title">
      <div className="article-head">
        <div>
          <h2 id="article-title">{a.title}</h2>
          <p className="muted small">
            {[a.publisher, a.publishedAt ? `published ${formatDateTime(a.publishedAt)}` : null, `ingested ${fromNow(a.createdAt)}`].filter(Boolean).join(' · ')}
            {' · '}
            <span className="article-language" data-language={a.language ?? ''}>{languageName(a.language)}</span>
            {a.url && (
              <>
                {' · '}
                <SafeLink href={a.url}>original</SafeLink>
              </>
            )}
          </p>
        </div>
        <Badge value={a.status} />
      </div>
      {WORKING.has(a.status) && <Progress status={a.status} />}
      {a.status === 'failed' && <Failed article={a} />}
      {a.status === 'unsupported_language' && <UnsupportedLanguage article={a} />}
      {a.status === 'extracted' && a.skippedSentences > 0 && <SkippedSentences count={a.skippedSentences} />}
      {a.status === 'extracted' && <ArticleClaims articleId={a.id} />}
      {a.status === 'extracted' && <AddMissedClaim article={a} />}
    </section>
  );
}

function Progress({ status }: { status: ArticleDto['status'] }) {
  const at = STEPS.findIndex((s) => s.status === status);
  return (
    <div className="extraction-progress" role="status" aria-live="polite">
      <ol className="steps">
        {STEPS.map((step, i) => (
          <li key={step.status} className={i < at ? 'step-done' : i === at ? 'step-current' : 'step-next'} aria-current={i === at ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">{i < at ? '✓' : i + 1}</span>
            {step.label}
            {i < at && <span className="visually-hidden"> (done)</span>}
          </li>
        ))}
      </ol>
      <progress aria-label="Extraction in progress" />
      <p className="muted small">{status === 'queued' ? 'Queued for extraction. This page updates by itself.' : 'Reading the article and finding checkable claims…'}</p>
    </div>
  );
}

function Failed({ article }: { article: ArticleDto }) {
  const retry = useRetryArticle();
  return (
    <>
      <div className="notice notice-error" role="alert">
        <strong>Extraction failed.</strong>
        <p>{article.failureReason ?? 'The extractor gave no reason.'}</p>
        <div className="actions">
          <Button variant="primary" busy={retry.isPending} onClick={() => retry.mutate({ path: { id: article.id } })}>Retry extraction</Button>
        </div>
      </div>
      <ErrorNotice error={retry.error} />
    </>
  );
}

/** Not extracted: the extractor reads English only. If the detected language is wrong, correct it and extract again. */
function UnsupportedLanguage({ article }: { article: ArticleDto }) {
  const queries = useQueryClient();
  const toast = useToast();
  const [language, setLanguage] = useState('en');
  const retry = useMutation({
    ...retryArticleMutation(),
    onSuccess: async () => {
      toast('Language corrected: extracting again');
      await invalidateOperations(queries, 'getArticle', 'listArticles');
    },
  });
  return (
    <>
      <div className="notice notice-warning unsupported-language" role="status">
        <strong>Unsupported language — not extracted.</strong>
        <p>
          This article is in {languageName(article.language)}; claims are extracted from English articles only, so none were
          read from it (figures in other languages would be misread). If the language is wrong, correct it and extract again.
        </p>
        <form
          className="actions language-fix"
          onSubmit={(e) => {
            e.preventDefault();
            retry.mutate({ path: { id: article.id }, body: { language } });
          }}
        >
          <SelectField label="Correct language" value={language} onChange={(e) => setLanguage(e.target.value)} options={LANGUAGE_OPTIONS} />
          <Button type="submit" variant="primary" busy={retry.isPending}>Extract again</Button>
        </form>
      </div>
      <ErrorNotice error={retry.error} />
    </>
  );
}

/** Sentences the extractor could not analyse: the rest of the article was extracted; the skipped ones are in the logs. */
function SkippedSentences({ count }: { count: number }) {
  return (
    <div className="notice notice-warning skipped-sentences" role="status">
      <strong>{count} {count === 1 ? 'sentence was' : 'sentences were'} skipped.</strong>
      <p>The extractor could not analyse {count === 1 ? 'it' : 'them'}; the claims of the other sentences are below. Read the article for figures the list may miss.</p>
    </div>
  );
}

function ArticleClaims({ articleId }: { articleId: string }) {
  const queries = useQueryClient();
  const toast = useToast();
  const claims = useQuery(listArticleClaimsOptions({ path: { id: articleId } }));
  const [dismissing, setDismissing] = useState<ClaimDto | null>(null);
  const queue = useMutation({
    ...triageClaimMutation(),
    onSuccess: async () => {
      toast('Claim queued for review');
      await invalidateOperations(queries, 'listArticleClaims', 'listReviewQueue', 'getClaim');
    },
  });

  if (claims.isPending) return <Loading what="the claims" />;
  if (claims.isError) return <ErrorNotice error={claims.error} action={<Button onClick={() => void claims.refetch()}>Try again</Button>} />;
  if (claims.data.length === 0) {
    return (
      <EmptyState title="No checkable claim was found">
        <p>The extractor found no figure or statement worth checking in this article. Nothing needs doing.</p>
      </EmptyState>
    );
  }
  const queued = claims.data.filter((c) => c.status === 'queued').length;

  return (
    <>
      <InfoNotice title={`${claims.data.length} ${claims.data.length === 1 ? 'claim' : 'claims'} found, ${queued} in the review queue`}>
        Claims below the check-worthiness threshold start dismissed; queue any you think deserve a check, dismiss the rest.
      </InfoNotice>
      <ErrorNotice error={queue.error} />
      <table className="table claims-table">
        <caption className="visually-hidden">Claims of this article (extracted, or added by an editor), in article order</caption>
        <thead>
          <tr>
            <th scope="col">Check-worthiness</th>
            <th scope="col">Claim</th>
            <th scope="col">Category</th>
            <th scope="col">Speaker</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {claims.data.map((claim) => (
            <tr key={claim.id}>
              <td className="col-worth">
                <Worthiness claim={claim} />
              </td>
              <td className="col-claim">
                <Link to={`/claims/${claim.id}`} className="claim-figure">{figureOf(claim)}</Link>
                {claim.quantity && <p className="claim-text">{claim.text}</p>}
              </td>
              <td><Badge value={claim.category} kind="category" /></td>
              <td>{speakerOf(claim) ?? <span className="muted">Not attributed</span>}</td>
              <td>
                <Badge value={claim.status} />
                {claim.statusReason && <span className="status-reason muted small">{humanize(claim.statusReason)}</span>}
              </td>
              <td className="col-actions">
                {claim.status === 'queued' && (
                  <Button className="btn-small" variant="danger" onClick={() => setDismissing(claim)} aria-label={`Dismiss “${figureOf(claim)}”`}>
                    Dismiss
                  </Button>
                )}
                {claim.status === 'dismissed' && (
                  <Button
                    className="btn-small"
                    busy={queue.isPending && queue.variables?.path.id === claim.id}
                    onClick={() => queue.mutate({ path: { id: claim.id }, body: { action: 'queue' } })}
                    aria-label={`Queue “${figureOf(claim)}” for review`}
                  >
                    Queue
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <DismissDialog claim={dismissing ? { id: dismissing.id, figure: figureOf(dismissing) } : null} onClose={() => setDismissing(null)} />
    </>
  );
}

/** The extractor's reason codes in words. */
const REASONS: Record<string, string> = {
  harm_figure: 'Harm figure (casualties, displaced)',
  force_size: 'Size of a force',
  money_figure: 'Sum of money',
  percentage_figure: 'Percentage',
  count: 'A count',
  dated_event: 'Dated event',
  attributed_position: 'Position of a named speaker',
  unspecified_amount: 'Amount not specified (−)',
  vague_amount: 'Vague amount (−)',
  precise_figure: 'Precise figure (+)',
  hedged: 'Hedged figure (+)',
  large_figure: 'Large figure (+)',
  no_unit: 'No unit (−)',
  attributed: 'Attributed to a speaker (+)',
  dated: 'Has a date (+)',
  named_actor: 'Names who did it (+)',
  added_by_editor: 'Added by an editor',
};

/** A bar and the number (0–100); the reasons the extractor gave, so the score is not a black box. */
function Worthiness({ claim }: { claim: ClaimDto }) {
  const score = Math.round(claim.checkworthiness * 100);
  const level = score >= 70 ? 'high' : score >= 40 ? 'medium' : 'low';
  return (
    <div className="worth">
      <div className="worth-line">
        <span className={`worth-bar worth-${level}`} aria-hidden="true">
          <span className="worth-fill" style={{ width: `${score}%` }} />
        </span>
        <span className="worth-score">{score}<span className="visually-hidden"> out of 100</span></span>
      </div>
      {claim.checkworthinessReasons.length > 0 && (
        <ul className="worth-reasons">
          {claim.checkworthinessReasons.map((r) => (
            <li key={r}>{REASONS[r] ?? humanize(r)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
