import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { getClaimTimelineOptions } from '../api/generated/@tanstack/react-query.gen';
import type { ClaimDetailDto, TimelinePointDto } from '../api/generated/types.gen';
import { Button } from '../ui/Button';
import { SafeLink } from '../ui/SafeLink';
import { EmptyState, ErrorNotice } from '../ui/Notice';
import { Loading } from '../ui/Spinner';
import { formatDate } from '../ui/format';

const RELATION: Record<TimelinePointDto['relation'], string> = {
  this: 'This claim',
  matched: 'Matched claim',
  same_quantity: 'Same quantity',
  source: 'Source',
};

const BASIS: Record<string, string> = {
  claim_date: 'the date the claim gives',
  article_published: 'the article\'s publication',
  as_of: 'the source\'s as-of date',
  source_published: 'the source\'s publication',
};

const n = (x: number) => x.toLocaleString('en-US');
/** The figure as a number for the chart: the value, else the middle of a range, else the bound. */
const pointValue = (f: TimelinePointDto['figure']) => f.value ?? (f.low !== null && f.high !== null ? (f.low + f.high) / 2 : f.low ?? f.high);
const figureWords = (f: TimelinePointDto['figure']) => f.text ?? (f.value !== null ? n(f.value) : f.low !== null && f.high !== null ? `${n(f.low)}–${n(f.high)}` : f.low !== null ? `at least ${n(f.low)}` : f.high !== null ? `at most ${n(f.high)}` : '—');

/** The history of this claim's figure: a small chart over time and the list it is drawn from. */
export function FigureHistory({ claim }: { claim: ClaimDetailDto }) {
  const timeline = useQuery(getClaimTimelineOptions({ path: { id: claim.id } }));
  if (!claim.quantity) return <EmptyState title="This claim states no figure">A figure's history is drawn for claims with a number.</EmptyState>;
  if (timeline.isPending) return <Loading what="the figure's history" />;
  if (timeline.error) return <ErrorNotice error={timeline.error} action={<Button onClick={() => void timeline.refetch()}>Try again</Button>} />;
  const points = timeline.data.points;
  const others = points.filter((p) => p.relation !== 'this');
  return (
    <section aria-labelledby="figure-history-heading" className="claim-section">
      <h2 id="figure-history-heading">Figure history</h2>
      <p className="muted small">
        Claims matched to this one, other claims of the same quantity ({timeline.data.category.replace(/_/g, ' ')}
        {timeline.data.unit ? `, ${timeline.data.unit}` : ''}, same place or actor) and the figures of their sources, by the date each figure describes.
      </p>
      {others.length === 0
        ? <EmptyState title="No other figure for this quantity yet">Add a source with its own figure, or wait for later reports.</EmptyState>
        : <Chart points={points} />}
      <table className="table figure-history">
        <caption className="visually-hidden">The figures, oldest first</caption>
        <thead><tr><th scope="col">Date</th><th scope="col">Figure</th><th scope="col">Who said it</th><th scope="col">What</th></tr></thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={`${p.claimId}-${p.sourceId}-${i}`} className={p.relation === 'this' ? 'figure-history-this' : undefined}>
              <td>{p.date ? formatDate(p.date) : '—'}{p.dateBasis && <span className="muted small"> ({BASIS[p.dateBasis] ?? p.dateBasis})</span>}</td>
              <td className="figure-history-figure">{figureWords(p.figure)}</td>
              <td>{p.who ?? <span className="muted">Not said</span>}</td>
              <td>
                {RELATION[p.relation]}
                {p.relation === 'source' && p.url ? <> · <SafeLink href={p.url}>{p.title ?? 'source'}</SafeLink></> : null}
                {p.relation !== 'source' && p.relation !== 'this' && p.claimId ? <> · <Link to={`/claims/${p.claimId}`}>{p.title ?? 'open'}</Link></> : null}
                {p.rating && <span className="muted small"> · rated {p.rating.replace(/_/g, ' ')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const W = 560;
const H = 180;
const PAD = { left: 64, right: 16, top: 12, bottom: 28 };

/** An SVG line of the dated figures (ranges as bars); drawn by hand: a chart library would outweigh this screen. */
function Chart({ points }: { points: TimelinePointDto[] }) {
  const dated = points.filter((p) => p.date && pointValue(p.figure) !== null);
  if (dated.length < 2) return null;
  const times = dated.map((p) => Date.parse(p.date!));
  const values = dated.flatMap((p) => [p.figure.low, p.figure.high, p.figure.value].filter((v): v is number => v !== null));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(0, ...values), Math.max(...values)];
  const x = (t: number) => PAD.left + (t1 === t0 ? 0.5 : (t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v1 === v0 ? 0.5 : (v - v0) / (v1 - v0)) * (H - PAD.top - PAD.bottom);
  const line = dated.filter((p) => p.relation !== 'source').map((p) => `${x(Date.parse(p.date!))},${y(pointValue(p.figure)!)}`).join(' ');
  const summary = dated.map((p) => `${figureWords(p.figure)} (${p.date}${p.who ? `, ${p.who}` : ''})`).join(' → ');
  return (
    <svg className="figure-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Figure over time: ${summary}`}>
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="axis" />
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="axis" />
      <text x={PAD.left - 6} y={y(v1) + 4} textAnchor="end" className="tick">{n(v1)}</text>
      <text x={PAD.left - 6} y={y(v0) + 4} textAnchor="end" className="tick">{n(v0)}</text>
      <text x={PAD.left} y={H - 8} className="tick">{dated[0].date}</text>
      <text x={W - PAD.right} y={H - 8} textAnchor="end" className="tick">{dated[dated.length - 1].date}</text>
      {line.includes(' ') && <polyline points={line} className="trend" />}
      {dated.map((p, i) => {
        const cx = x(Date.parse(p.date!));
        const f = p.figure;
        return (
          <g key={i} className={`point point-${p.relation}`}>
            {f.low !== null && f.high !== null && <line x1={cx} x2={cx} y1={y(f.low)} y2={y(f.high)} className="range" />}
            <circle cx={cx} cy={y(pointValue(f)!)} r={p.relation === 'this' ? 6 : 4}>
              <title>{`${figureWords(f)} — ${p.date}${p.who ? `, ${p.who}` : ''} (${RELATION[p.relation]})`}</title>
            </circle>
          </g>
        );
      })}
    </svg>
  );
}
