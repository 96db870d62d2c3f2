/** What the claim builders share: the sentence as analysed so far, and where claims go. */
import type { FoundAttribution } from '../attribution/index.js';
import type { Mention } from '../numbers/index.js';
import type { Sentence } from '../segmentation/index.js';
import type { Tok } from '../tokens/index.js';
import type { ExtractedClaim, TimeRef } from '../../types.js';

export interface SentenceView {
  text: string;
  sent: Sentence;
  toks: Tok[];
  mentions: Mention[];
  /** the sentence's time references, found once on first use */
  times: () => TimeRef[];
}

/** Receives a claim and the attribution behind it (the trace anchors the claim on its speaker too). */
export type ClaimSink = (claim: ExtractedClaim, speaker: FoundAttribution | null) => void;
