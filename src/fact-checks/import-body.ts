import express from 'express';
import { JSON_MEDIA_TYPES, verifyDepth } from '../common/json-body.js';

export const FACT_CHECK_IMPORT_PATH = '/v1/fact-checks/import';

/** JSON lines, under the names exporters use. */
export const JSON_LINES_MEDIA_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines', 'application/x-jsonlines'];
export const IMPORT_MEDIA_TYPES = [...JSON_MEDIA_TYPES, ...JSON_LINES_MEDIA_TYPES];

/**
 * The import route's body: kept as text (up to MAX_IMPORT_BYTES, not MAX_BODY_BYTES) for the ClaimReview parser, which
 * reads an object, an array or JSON lines and reports a bad line by its number. Mounted before the app-wide JSON parser,
 * which then leaves the request alone; the same nesting limit applies.
 */
export function importBodyParser(limit: number) {
  return express.text({ limit, type: IMPORT_MEDIA_TYPES, verify: verifyDepth });
}
