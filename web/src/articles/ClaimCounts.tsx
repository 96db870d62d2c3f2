import type { ArticleSummaryDto } from '../api/generated';
import { humanize } from '../ui/Badge';

const ORDER = ['queued', 'in_review', 'awaiting_approval', 'published', 'dismissed'] as const;

/** An article's claims by status ("2 queued · 1 published"); the statuses with none are left out. */
export function ClaimCounts({ article }: { article: Pick<ArticleSummaryDto, 'claimCount' | 'claimCounts' | 'status'> }) {
  if (article.claimCount === 0) return <span className="muted small">{article.status === 'extracted' ? 'No claims' : '—'}</span>;
  return (
    <ul className="claim-counts" aria-label={`${article.claimCount} ${article.claimCount === 1 ? 'claim' : 'claims'}`}>
      {ORDER.filter((s) => article.claimCounts[s] > 0).map((s) => (
        <li key={s} className={`claim-count claim-count-${s}`}>
          <span className="claim-count-n">{article.claimCounts[s]}</span> {humanize(s).toLowerCase()}
        </li>
      ))}
    </ul>
  );
}
