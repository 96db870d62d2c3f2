/** Which of a sentence's attributions speaks for it. */
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { FoundAttribution } from './types.js';

export const MEDIA_RANKING = defineRule({
  id: 'attribution.media-ranking',
  stage: 'attribution',
  summary: 'A news agency reporting what someone said ranks below that someone: "Reuters reported that the ministry said …".',
  examples: {
    fires: ['Reuters reported that the ministry said 40 people were arrested.'],
    doesNotFire: ['The ministry said 40 people were arrested.'],
  },
});

/** Pick the main attribution of a sentence: a non-media speaker first. */
export function mainAttribution(found: FoundAttribution[]): FoundAttribution | null {
  if (found.length === 0) return null;
  if (!found[0].media) return found[0];
  const other = found.find((f) => !f.media);
  return other && when(MEDIA_RANKING, true, other.s, other.e) ? other : found[0];
}
