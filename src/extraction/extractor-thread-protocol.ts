/** Messages between ExtractorPool and its threads (extractor/thread.ts). */
import type { ExtractedClaim } from '../extractor/index.js';

export interface ExtractRequest {
  id: number;
  text: string;
  /** epoch ms, or null for "now" */
  publishedAt: number | null;
  /** the publisher's IANA zone (relative dates count from the local date); null: UTC */
  timeZone: string | null;
}

/** The main thread asks for the next part of the claims once it has taken the last one (see ThreadResponse). */
export interface NextPartRequest {
  id: number;
  next: true;
}

export type ThreadRequest = ExtractRequest | NextPartRequest;

export interface SkippedSentence {
  index: number;
  start: number;
  end: number;
  /** the error's name and message */
  error: string;
  /** ids of the named rules that fired on the sentence before it threw (in firing order, distinct) */
  rules: string[];
  /** whether the sentence, run again alone with the trace on, threw again (else `rules` is that clean run's trace) */
  reproduced: boolean;
}

/**
 * Claims come in parts of at most CLAIMS_PER_MESSAGE, each sent when the main thread asks for it, then the end.
 * Decoding a message holds the main event loop (50,000 claims at once: half a second), and messages already queued
 * are decoded back to back, so the parts are pulled one at a time.
 */
export type ThreadResponse =
  | { id: number; part: ExtractedClaim[] }
  | { id: number; ok: true; skipped: SkippedSentence[] }
  | { id: number; ok: false; error: string };

export const CLAIMS_PER_MESSAGE = 1000;

/** Posted once the extractor is loaded and warmed up: an article's budget counts its own work, not the thread's start. */
export const READY = 'ready';
