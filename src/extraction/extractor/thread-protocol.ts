/** Messages between ExtractorPool and its threads (extractor/thread.ts). */
import type { ExtractedClaim } from './types.js';

export interface ThreadRequest {
  id: number;
  text: string;
  /** epoch ms, or null for "now" */
  publishedAt: number | null;
}

export interface SkippedSentence {
  index: number;
  start: number;
  end: number;
  /** the error's name and message */
  error: string;
}

export type ThreadResponse =
  | { id: number; ok: true; claims: ExtractedClaim[]; skipped: SkippedSentence[] }
  | { id: number; ok: false; error: string };

/** Posted once the extractor is loaded and warmed up: an article's budget counts its own work, not the thread's start. */
export const READY = 'ready';
