import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  getArticleOptions, getAssessmentQueryKey, getClaimHistoryQueryKey, getClaimOptions, getClaimQueryKey, listArticleClaimsOptions,
} from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto } from '../api/generated/types.gen';
import { useSession } from '../auth/session';
import { Button } from '../ui/Button';
import { SafeLink } from '../ui/SafeLink';
import { ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { formatDate } from '../ui/format';
import { ArticleText } from './ArticleText';
import { languageName } from '../ui/language';
import { FieldsPanel } from './FieldsPanel';
import { FigureHistory } from './FigureHistory';
import { HistoryPanel } from './HistoryPanel';
import { LeaseBar } from './LeaseBar';
import { useClaimLease } from './lease';
import { MatchPanel } from './MatchPanel';
import { NotesPanel } from './NotesPanel';
import { RecheckBanner } from './RecheckBanner';
import { SourcesPanel } from './SourcesPanel';
import { VerdictPanel } from './VerdictPanel';
import './claim.css';

const TABS = [
  { id: 'fields', label: 'Fields' },
  { id: 'sources', label: 'Sources & assessment' },
  { id: 'match', label: 'Matches' },
  { id: 'figures', label: 'Figures' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'notes', label: 'Notes' },
  { id: 'history', label: 'History' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** The claim workspace (/claims/:id): the article with the claim marked, and the claim's fields, sources, match, verdict and history. */
export default function ClaimPage() {
  const { id = '' } = useParams();
  const claim = useQuery(getClaimOptions({ path: { id } }));
  if (claim.isPending) return <Loading what="the claim" />;
  if (claim.error) {
    return (
      <div className="page">
        <h1>Claim</h1>
        <ErrorNotice error={claim.error} action={<div className="actions"><Button onClick={() => void claim.refetch()}>Try again</Button><Link to="/">Back to the queue</Link></div>} />
      </div>
    );
  }
  // Keyed by claim: opening another claim from the article starts its workspace afresh (form state, tab content).
  return <Workspace key={claim.data.id} claim={claim.data} />;
}

function Workspace({ claim }: { claim: ClaimDetailDto }) {
  const queries = useQueryClient();
  const { session } = useSession();
  const [params, setParams] = useSearchParams();
  const tab: TabId = TABS.some((t) => t.id === params.get('tab')) ? (params.get('tab') as TabId) : 'fields';
  const article = useQuery(getArticleOptions({ path: { id: claim.articleId } }));
  const articleClaims = useQuery(listArticleClaimsOptions({ path: { id: claim.articleId } }));
  const lease = useClaimLease(claim);
  const held = !!lease.task && lease.task.status === 'leased' && lease.task.leasedBy === session?.user.id
    && !!lease.task.leaseExpiresAt && new Date(lease.task.leaseExpiresAt).getTime() > Date.now();

  const refresh = () => {
    void queries.invalidateQueries({ queryKey: getClaimQueryKey({ path: { id: claim.id } }) });
    void queries.invalidateQueries({ queryKey: getClaimHistoryQueryKey({ path: { id: claim.id } }) });
    void queries.invalidateQueries({ queryKey: getAssessmentQueryKey({ path: { id: claim.id } }) });
    void queries.invalidateQueries({ queryKey: listArticleClaimsOptions({ path: { id: claim.articleId } }).queryKey });
  };

  const whyReadOnly =
    claim.status === 'published' ? 'The verdict is published; the claim is changed through a correction on the approvals screen.'
    : claim.status === 'awaiting_approval' ? 'A verdict waits for approval; an approver must send it back before the claim can be edited.'
    : claim.status === 'in_review' && !held ? 'Another editor is reviewing this claim (or your lease ran out): take it to edit.'
    : null;

  const rejection = claim.lastRejection;
  const sentBack = !!rejection && !rejection.correction && !claim.proposedVerdict && !(claim.verdict && claim.verdict.version > rejection.verdictVersion);

  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const select = (next: TabId, focus = false) => {
    setParams((p) => { const q = new URLSearchParams(p); q.set('tab', next); return q; }, { replace: true, flushSync: true });
    if (focus) tabs.current[TABS.findIndex((t) => t.id === next)]?.focus();
  };
  const onTabKey = (event: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const to = event.key === 'ArrowRight' ? (at + 1) % TABS.length
      : event.key === 'ArrowLeft' ? (at - 1 + TABS.length) % TABS.length
      : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : -1;
    if (to >= 0) {
      event.preventDefault();
      select(TABS[to].id, true);
    }
  };

  let panel: ReactNode;
  switch (tab) {
    case 'fields': panel = <FieldsPanel claim={claim} editable={whyReadOnly === null} whyReadOnly={whyReadOnly} />; break;
    case 'sources': panel = <SourcesPanel claim={claim} />; break;
    case 'match': panel = <MatchPanel claim={claim} />; break;
    case 'figures': panel = <FigureHistory claim={claim} />; break;
    case 'verdict': panel = <VerdictPanel claim={claim} held={held} refresh={refresh} />; break;
    case 'notes': panel = <NotesPanel claimId={claim.id} />; break;
    case 'history': panel = <HistoryPanel claimId={claim.id} />; break;
  }

  return (
    <div className="claim-page">
      <LeaseBar
        claim={claim}
        task={lease.task}
        held={!!lease.task && lease.task.leasedBy === session?.user.id}
        loading={lease.loading}
        lookupError={lease.error}
        onTask={lease.set}
        refresh={refresh}
        articleTitle={article.data?.title}
      />
      <RecheckBanner claim={claim} refresh={refresh} />
      <div className="claim-columns">
        <section className="claim-article" aria-labelledby="article-heading">
          <h2 id="article-heading" className="article-title">{article.data?.title ?? 'Article'}</h2>
          {article.data && (
            <p className="muted small article-meta">
              {article.data.publisher ?? 'Unknown publisher'} · {formatDate(article.data.publishedAt ?? article.data.createdAt)}
              {' · '}<span className="article-language">{languageName(article.data.language)}</span>
              {article.data.url && <> · <SafeLink href={article.data.url}>original</SafeLink></>}
              {articleClaims.data && <> · {articleClaims.data.length} claim{articleClaims.data.length === 1 ? '' : 's'}</>}
            </p>
          )}
          {article.isPending && <Loading what="the article" />}
          {article.error && <ErrorNotice error={article.error} action={<Button onClick={() => void article.refetch()}>Try again</Button>} />}
          {articleClaims.error && <ErrorNotice error={articleClaims.error} />}
          {article.data && <ArticleText text={article.data.text} current={claim} claims={articleClaims.data ?? []} />}
        </section>
        <section className="claim-panel" aria-labelledby="claim-heading">
          <h1 id="claim-heading" className="claim-heading">
            <span className="claim-sr-only">Claim: </span>“{claim.text}”
          </h1>
          <p className="muted small claim-sub">
            Check-worthiness {Math.round(claim.checkworthiness * 100)}%
            {claim.checkworthinessReasons.length > 0 && ` (${claim.checkworthinessReasons.map((r) => r.replace(/_/g, ' ')).join(', ')})`}
            {claim.version !== undefined && ` · version ${claim.version}`}
          </p>
          <div role="tablist" aria-label="Claim sections" className="claim-tabs" onKeyDown={onTabKey}>
            {TABS.map((t, i) => (
              <button
                key={t.id}
                ref={(el) => { tabs.current[i] = el; }}
                type="button"
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={tab === t.id ? 0 : -1}
                className="claim-tab"
                onClick={() => select(t.id)}
              >
                {t.label}
                {t.id === 'sources' && claim.sources.length > 0 && <span className="tab-count"> {claim.sources.length}</span>}
                {t.id === 'match' && claim.match && claim.match.status === 'suggested' && <span className="tab-count"> 1</span>}
                {t.id === 'verdict' && sentBack && <span className="tab-flag"> (sent back)</span>}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="claim-tabpanel" tabIndex={0}>
            {panel}
          </div>
        </section>
      </div>
    </div>
  );
}
