import type { RecheckDto } from '../api/generated/types.gen';

/** Living verdicts in words: why a published verdict is due for a re-check, and the new figure. */
export const RECHECK_REASONS: Record<RecheckDto['reason'], string> = {
  claim_superseded: 'A later revision of the article changed the figure.',
  source_figure: 'A new source gives a figure outside the verdict’s tolerance.',
  matching_claim: 'A later claim of the same figure on another article is outside the verdict’s tolerance.',
  review_by_passed: 'The verdict’s review date has passed.',
};

const number = (n: number) => n.toLocaleString('en-US');

/** "at least 61 (the civil protection agency, 2026-11-04)". */
export function figureText(f: NonNullable<RecheckDto['figure']>): string {
  const stated = f.text ?? (f.value !== null ? number(f.value)
    : f.low !== null && f.high !== null ? `${number(f.low)} to ${number(f.high)}`
      : f.low !== null ? `at least ${number(f.low)}` : f.high !== null ? `at most ${number(f.high)}` : 'no figure');
  const where = [f.who, f.asOf].filter(Boolean).join(', ');
  return where ? `${stated} (${where})` : stated;
}

