import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ClaimDto } from '../api/generated/types.gen';
import { humanize } from '../ui/Badge';

interface Span {
  start: number;
  end: number;
  claim: ClaimDto;
  current: boolean;
}

/** Non-overlapping spans, the current claim first (it always shows), then the others in reading order. */
export function spansOf(textLength: number, current: ClaimDto, others: ClaimDto[]): Span[] {
  const chosen: Span[] = [];
  const fits = (s: number, e: number) => s >= 0 && e <= textLength && s < e && chosen.every((c) => e <= c.start || s >= c.end);
  if (fits(current.start, current.end)) chosen.push({ start: current.start, end: current.end, claim: current, current: true });
  for (const claim of [...others].sort((a, b) => a.start - b.start)) {
    if (claim.id !== current.id && fits(claim.start, claim.end)) chosen.push({ start: claim.start, end: claim.end, claim, current: false });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * The article as text nodes, the current claim in a <mark>, the article's other claims as links to their workspace.
 * Offsets are character offsets into article.text; nothing is parsed as HTML.
 */
export function ArticleText({ text, current, claims }: { text: string; current: ClaimDto; claims: ClaimDto[] }) {
  const currentRef = useRef<HTMLElement>(null);
  // Into view inside the article column only (the window stays where the editor is).
  useEffect(() => {
    const mark = currentRef.current;
    const column = mark?.closest<HTMLElement>('.claim-article');
    if (!mark || !column) return;
    if (column.scrollHeight > column.clientHeight) {
      const offset = mark.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
      column.scrollTop = Math.max(0, offset - column.clientHeight / 3);
    } else {
      mark.scrollIntoView({ block: 'nearest' });
    }
  }, [current.id]);

  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spansOf(text.length, current, claims)) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    const words = text.slice(span.start, span.end);
    if (span.current) {
      parts.push(
        <mark key={span.claim.id} ref={currentRef} className="claim-mark claim-mark-current" aria-current="true">
          {words}
        </mark>,
      );
    } else {
      parts.push(
        <Link
          key={span.claim.id}
          to={`/claims/${span.claim.id}`}
          className="claim-mark-link"
          title={`Open this claim (${humanize(span.claim.status)})`}
        >
          <mark className="claim-mark claim-mark-other">{words}</mark>
          <span className="claim-sr-only"> (another claim: open it)</span>
        </Link>,
      );
    }
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <div className="article-text">{parts}</div>;
}
