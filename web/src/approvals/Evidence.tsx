import { useQuery } from '@tanstack/react-query';
import { getAssessmentOptions, getClaimOptions } from '../api/generated/@tanstack/react-query.gen';
import type { SourceDto, SourceFigureDto } from '../api/generated/types.gen';
import { Badge, humanize } from '../ui/Badge';
import { formatDate, formatNumber } from '../ui/format';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { SafeLink } from '../ui/SafeLink';
import { Loading } from '../ui/Spinner';

export function figureText(figure: SourceFigureDto | null | undefined): string {
  if (!figure) return '—';
  let text = figure.value !== null ? formatNumber(figure.value)
    : figure.low !== null && figure.high !== null ? `${formatNumber(figure.low)}–${formatNumber(figure.high)}`
    : figure.low !== null ? `at least ${formatNumber(figure.low)}`
    : figure.high !== null ? `at most ${formatNumber(figure.high)}` : '—';
  if (figure.asOf) text += ` (as of ${formatDate(figure.asOf)})`;
  return text;
}

/** The claim's sources (those the verdict cites marked) and the comparison of the claim's number with theirs. */
export function Evidence({ claimId, citedIds }: { claimId: string; citedIds: readonly string[] }) {
  const claim = useQuery(getClaimOptions({ path: { id: claimId } }));
  const assessment = useQuery(getAssessmentOptions({ path: { id: claimId } }));
  const sources: SourceDto[] = claim.data?.sources ?? [];
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (
    <>
      <section className="ap-section" aria-labelledby="ap-sources-heading">
        <h3 id="ap-sources-heading">Sources</h3>
        {claim.isPending && <Loading what="the sources" />}
        {claim.error && <ErrorNotice error={claim.error} />}
        {claim.data && sources.length === 0 && (
          <EmptyState title="No sources are attached to this claim.">A rating other than unverifiable needs evidence: reject and say which source is missing.</EmptyState>
        )}
        {sources.length > 0 && (
          <ul className="ap-sources">
            {sources.map((s) => (
              <li key={s.id}>
                <div className="ap-source-title">
                  <SafeLink href={s.url}>{s.title}</SafeLink>
                  {citedIds.includes(s.id) ? <span className="badge ap-cited">Cited by the verdict</span> : <span className="muted small">not cited</span>}
                </div>
                <div className="muted small">
                  {[s.publisher, humanize(s.sourceType), s.stance && humanize(s.stance), s.publishedAt && formatDate(s.publishedAt)].filter(Boolean).join(' · ')}
                  {s.figure && <> · figure {figureText(s.figure)}</>}
                </div>
                {s.excerpt && <p className="ap-excerpt">{s.excerpt}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="ap-section" aria-labelledby="ap-assessment-heading">
        <h3 id="ap-assessment-heading">Assessment</h3>
        {assessment.isPending && <Loading what="the assessment" />}
        {assessment.error && <ErrorNotice error={assessment.error} />}
        {assessment.data && (
          <>
            <dl className="ap-facts">
              <dt>Suggested rating</dt>
              <dd>
                <Badge kind="rating" value={assessment.data.suggestedRating} />{' '}
                <span className="muted small">(tolerance ±{Math.round(assessment.data.tolerance.relative * 1000) / 10}% for {humanize(assessment.data.tolerance.category)})</span>
              </dd>
            </dl>
            <p>{assessment.data.explanation}</p>
            {assessment.data.sources.length > 0 && (
              <table className="table ap-compare" aria-label="The claim's number compared with each source">
                <thead>
                  <tr><th scope="col">Source</th><th scope="col">Figure</th><th scope="col">Relation</th><th scope="col">Gap</th></tr>
                </thead>
                <tbody>
                  {assessment.data.sources.map((c) => (
                    <tr key={c.sourceId}>
                      <td>{byId.get(c.sourceId)?.title ?? 'Source'}{!c.counted && <span className="muted small"> (same origin as an earlier source; not counted)</span>}</td>
                      <td>{figureText(c.figure)}</td>
                      <td><span className={`ap-relation ap-relation-${c.relation}`}>{humanize(c.relation)}</span></td>
                      <td>{c.gapPercent === null ? '—' : `${c.gapPercent > 0 ? '+' : ''}${Math.round(c.gapPercent * 10) / 10}%`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
    </>
  );
}
