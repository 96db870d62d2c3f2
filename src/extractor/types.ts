/**
 * The extractor's output contract. Pure data: no database, no framework.
 * Offsets are UTF-16 code-unit indexes into the original article text (what String.prototype.slice uses).
 */
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';

export type { ClaimCategory, Qualifier };

export interface ExtractedQuantity {
  /** Exact surface form: text === article.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** For exact/approximate. */
  value: number | null;
  /** For lower_bound and range (and vague amounts like "tens of thousands"). */
  low: number | null;
  /** For upper_bound and range. */
  high: number | null;
  /** killed | wounded | troops | displaced | USD | EUR | percent | people | ... */
  unit: string | null;
  /** null only for "an unspecified number of ..." */
  qualifier: Qualifier | null;
}

export interface TimeRef {
  text: string;
  start: number;
  end: number;
  /** ISO date (YYYY-MM-DD) when the reference is a day; otherwise null. */
  date: string | null;
  /** Interval, ISO dates, inclusive. For a day, from === to === date. */
  from: string | null;
  to: string | null;
}

export interface Attribution {
  speaker: string;
  role: string | null;
}

export interface ExtractedClaim {
  /** text === article.slice(start, end): the sentence (or clause) that carries the claim. */
  text: string;
  start: number;
  end: number;
  category: ClaimCategory;
  quantity: ExtractedQuantity | null;
  subject: string | null;
  location: string | null;
  timeRef: TimeRef | null;
  attribution: Attribution | null;
  /** In [0, 1]. */
  checkworthiness: number;
  /** Named features that produced the score, e.g. ["harm_figure", "hedged", "attributed"]. */
  checkworthinessReasons: string[];
  /** Only with `trace: true`: ids of the named rules that made this claim (its figure, speaker and time). */
  rules?: string[];
}

/** A sentence the extractor could not analyse: skipped, the rest of the article goes on. */
export interface SentenceError {
  /** 0-based index in splitSentences(text) (over-long sentences come cut into pieces there). */
  index: number;
  start: number;
  end: number;
  error: Error;
}

export interface ExtractOptions {
  /** Anchor for relative dates ("last week"); defaults to now. */
  publishedAt?: Date;
  /** IANA zone the publisher writes in: relative dates count from publishedAt's date there. Default UTC. */
  timeZone?: string | null;
  /** Called for each sentence whose analysis threw; that sentence is skipped. Without it the error propagates. */
  onSentenceError?: (e: SentenceError) => void;
  /** Record the rule trace: each claim carries `rules`. Slower; for the CLI, the eval and tests. */
  trace?: boolean;
}
