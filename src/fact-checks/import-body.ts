import { JSON_MEDIA_TYPES } from '../common/json-body.js';

export const FACT_CHECK_IMPORT_PATH = '/v1/fact-checks/import';

/** JSON lines, under the names exporters use. */
export const JSON_LINES_MEDIA_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines', 'application/x-jsonlines'];
export const IMPORT_MEDIA_TYPES = [...JSON_MEDIA_TYPES, ...JSON_LINES_MEDIA_TYPES];

/**
 * The import route's body: kept as text (up to MAX_IMPORT_BYTES, not MAX_BODY_BYTES) for the ClaimReview parser, which
 * reads an object, an array or JSON lines and reports a bad line by its number; the same nesting limit applies
 * (registerBodyParsers in src/common/json-body.ts, given this route by configureHttp).
 */
export const importBody = (limit: number) => ({ path: FACT_CHECK_IMPORT_PATH, limit, mediaTypes: JSON_LINES_MEDIA_TYPES });
