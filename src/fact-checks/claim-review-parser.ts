/**
 * Reading ClaimReview JSON-LD as fact-check aggregators export it: one JSON object, a JSON array, or JSON lines;
 * each record a ClaimReview, or a wrapper holding ClaimReviews (`@graph`, a DataFeed's `dataFeedElement`, an ItemList's
 * `itemListElement`, a DataFeedItem's or ListItem's `item`). Pure: no I/O, no framework (the API and the CLI share it).
 *
 * Every record is checked on its own: a bad one is reported by its position and a reason, the others go on.
 */
import { normalizeUrl } from '../articles/normalize.js';

export const IMPORT_FORMATS = ['object', 'array', 'jsonl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Why a record was not imported. `duplicate_url` is a skip (the fact-check is already there); the others make it invalid. */
export const ISSUE_REASONS = [
  'invalid_json',
  'not_claim_review',
  'missing_url',
  'invalid_url',
  'missing_claim_reviewed',
  'missing_review_rating',
  'invalid_review_rating',
  'invalid_date',
  'invalid_value',
  'duplicate_url',
] as const;
export type IssueReason = (typeof ISSUE_REASONS)[number];

export interface ImportIssue {
  /** 0-based index in the top-level array; 1-based line number for JSON lines; 0 for a single object. */
  position: number;
  /** Where in that record: `$` the record itself, `$['@graph'][2]` a ClaimReview inside a wrapper. */
  path: string;
  url: string | null;
  reason: IssueReason;
  detail: string;
}

/** A ClaimReview that passed every check, ready to store. */
export interface FactCheckRecord {
  position: number;
  path: string;
  url: string;
  urlNormalized: string;
  claimReviewed: string;
  /** headline or name, when the review has one. */
  headline: string | null;
  ratingName: string | null;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
  /** The fact-checker (ClaimReview.author.name). */
  authorName: string | null;
  /** Who made the claim (itemReviewed.author.name). */
  claimant: string | null;
  /** When the claim was made (itemReviewed.datePublished). */
  claimDate: Date | null;
  /** When the review was published (ClaimReview.datePublished). */
  datePublished: Date | null;
  /** inLanguage: a BCP-47 tag reduced to its language subtag (`en-US` → `en`); any other text as given. */
  language: string | null;
  /** The ClaimReview object as it came. */
  raw: Record<string, unknown>;
}

export interface ParsedImport {
  format: ImportFormat;
  /** Top-level records read: 1 for an object, the array's length, the non-empty lines. */
  records: number;
  found: FactCheckRecord[];
  invalid: ImportIssue[];
}

/** The document is not JSON at all (nor JSON lines with at least one readable line). */
export class NotJsonError extends Error {}

export const MAX_URL_LENGTH = 2048;
export const MAX_CLAIM_REVIEWED_LENGTH = 10_000;
export const MAX_NAME_LENGTH = 1000;
/** Ratings are small numbers on a scale; anything beyond this is a broken value (and would overflow a `real`). */
const MAX_RATING = 1e9;
/** How deep wrappers are searched for ClaimReviews (DataFeed → DataFeedItem → item is 2). */
const MAX_WRAPPER_DEPTH = 4;
/** Deepest nesting of a ClaimReview record (objects and arrays); real ones are a few levels deep. */
const MAX_RECORD_DEPTH = 32;
const WRAPPER_KEYS = ['@graph', 'dataFeedElement', 'itemListElement', 'item'] as const;

type Json = Record<string, unknown>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Splits the document into records: first non-space character `[` → an array; else the whole document as one JSON
 * object; else one JSON value per non-empty line. Throws NotJsonError when none of that yields anything.
 */
export function parseClaimReviews(text: string): ParsedImport {
  const doc = text.replace(/^\uFEFF/, '');
  const trimmed = doc.trimStart();
  if (trimmed === '') throw new NotJsonError('the document is empty');
  const found: FactCheckRecord[] = [];
  const invalid: ImportIssue[] = [];
  const take = (value: unknown, position: number) => readRecord(value, position, found, invalid);

  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(doc);
    } catch (err) {
      throw new NotJsonError(`the document starts with [ but is not a JSON array: ${(err as Error).message}`);
    }
    const items = value as unknown[];
    items.forEach((item, i) => take(item, i));
    return { format: 'array', records: items.length, found, invalid };
  }

  let whole: unknown;
  let wholeError: Error | null = null;
  try {
    whole = JSON.parse(doc);
  } catch (err) {
    wholeError = err as Error;
  }
  if (wholeError === null) {
    if (!isObject(whole)) throw new NotJsonError('the document is JSON but neither an object, an array nor JSON lines of objects');
    take(whole, 0);
    return { format: 'object', records: 1, found, invalid };
  }

  const lines = doc.split(/\r?\n/);
  let records = 0;
  let readable = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    records++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      invalid.push({ position: i + 1, path: '$', url: null, reason: 'invalid_json', detail: `line ${i + 1} is not JSON: ${(err as Error).message}` });
      return;
    }
    readable++;
    take(value, i + 1);
  });
  if (readable === 0) throw new NotJsonError(`the document is neither JSON nor JSON lines: ${wholeError.message}`);
  return { format: 'jsonl', records, found, invalid };
}

/** One top-level record: the ClaimReviews in it, each checked. */
function readRecord(value: unknown, position: number, found: FactCheckRecord[], invalid: ImportIssue[]): void {
  const reviews = claimReviewsIn(value, '$', 0);
  if (reviews.length === 0) {
    const type = isObject(value) ? value['@type'] : undefined;
    invalid.push({
      position, path: '$', url: isObject(value) ? stringOrNull(value.url) : null, reason: 'not_claim_review',
      detail: !isObject(value)
        ? `the record is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not a JSON object`
        : type === undefined
          ? 'the record has no @type and holds no ClaimReview'
          : `the record's @type is ${JSON.stringify(type)}, not ClaimReview, and it holds no ClaimReview`,
    });
    return;
  }
  for (const { node, path } of reviews) {
    const checked = checkClaimReview(node, position, path);
    if ('reason' in checked) invalid.push(checked);
    else found.push(checked);
  }
}

/** True for a ClaimReview @type: `ClaimReview`, `schema:ClaimReview`, `https://schema.org/ClaimReview` (any case), or an array with one. */
export function isClaimReviewType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /(^|[:/#])claimreview$/i.test(t.trim()));
}

function claimReviewsIn(value: unknown, path: string, depth: number): Array<{ node: Json; path: string }> {
  if (!isObject(value)) return [];
  if (isClaimReviewType(value['@type'])) return [{ node: value, path }];
  if (depth >= MAX_WRAPPER_DEPTH) return [];
  const out: Array<{ node: Json; path: string }> = [];
  for (const key of WRAPPER_KEYS) {
    const inner = value[key];
    if (inner === undefined) continue;
    if (Array.isArray(inner)) inner.forEach((item, i) => out.push(...claimReviewsIn(item, `${pathTo(path, key)}[${i}]`, depth + 1)));
    else out.push(...claimReviewsIn(inner, pathTo(path, key), depth + 1));
  }
  return out;
}

function pathTo(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}['${key}']`;
}

class Invalid extends Error {
  constructor(readonly reason: IssueReason, detail: string) {
    super(detail);
  }
}

/** Every rule a ClaimReview must pass; the first broken one is the reason. */
export function checkClaimReview(node: Json, position: number, path: string): FactCheckRecord | ImportIssue {
  const url = firstString(node.url);
  try {
    assertStorable(node, '');
    if (url === null) throw new Invalid('missing_url', 'url is missing (the review page\'s address is required: it identifies the fact-check)');
    const urlNormalized = checkUrl(url);

    const claimReviewed = firstString(node.claimReviewed);
    if (claimReviewed === null) throw new Invalid('missing_claim_reviewed', 'claimReviewed is missing or empty');
    if (claimReviewed.length > MAX_CLAIM_REVIEWED_LENGTH) {
      throw new Invalid('invalid_value', `claimReviewed has ${claimReviewed.length} characters; at most ${MAX_CLAIM_REVIEWED_LENGTH}`);
    }

    const rating = Array.isArray(node.reviewRating) ? node.reviewRating.find(isObject) : node.reviewRating;
    if (!isObject(rating)) throw new Invalid('missing_review_rating', 'reviewRating is missing or not an object');
    const ratingName = firstString(rating.alternateName);
    const ratingValue = ratingNumber(rating.ratingValue, 'ratingValue');
    if (ratingName === null && ratingValue === null) throw new Invalid('invalid_review_rating', 'reviewRating has neither alternateName nor ratingValue');

    const itemReviewed = isObject(node.itemReviewed) ? node.itemReviewed : Array.isArray(node.itemReviewed) ? node.itemReviewed.find(isObject) : undefined;
    return {
      position,
      path,
      url,
      urlNormalized,
      claimReviewed,
      headline: limited(firstString(node.headline) ?? firstString(node.name), 'headline'),
      ratingName: limited(ratingName, 'reviewRating.alternateName'),
      ratingValue,
      bestRating: ratingNumber(rating.bestRating, 'bestRating'),
      worstRating: ratingNumber(rating.worstRating, 'worstRating'),
      authorName: limited(nameOf(node.author), 'author.name'),
      claimant: limited(nameOf(itemReviewed?.author), 'itemReviewed.author.name'),
      claimDate: dateOf(itemReviewed?.datePublished, 'itemReviewed.datePublished'),
      datePublished: dateOf(node.datePublished, 'datePublished'),
      language: normalizeLanguage(node.inLanguage),
      raw: node,
    };
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    return { position, path, url, reason: err.reason, detail: err.message };
  }
}

function checkUrl(url: string): string {
  if (url.length > MAX_URL_LENGTH) throw new Invalid('invalid_url', `url has ${url.length} characters; at most ${MAX_URL_LENGTH}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Invalid('invalid_url', `url ${JSON.stringify(url)} is not an absolute URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Invalid('invalid_url', `url must be http or https, not ${parsed.protocol.slice(0, -1)}`);
  return normalizeUrl(url);
}

/**
 * Postgres stores neither NUL characters (text, jsonb) nor unpaired UTF-16 surrogates (jsonb): such a record is
 * refused here, with its path, rather than failing the whole import at the insert.
 */
function assertStorable(value: unknown, path: string, depth = 0): void {
  // (the API refuses bodies nested deeper than 32 levels before parsing; a file given to the CLI is checked here)
  if (depth > MAX_RECORD_DEPTH) throw new Invalid('invalid_value', `the record is nested deeper than ${MAX_RECORD_DEPTH} levels`);
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new Invalid('invalid_value', `${path || 'the record'} contains a NUL character`);
    if (LONE_SURROGATE.test(value)) throw new Invalid('invalid_value', `${path || 'the record'} contains an unpaired surrogate (not valid Unicode)`);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertStorable(item, `${path}[${i}]`, depth + 1));
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      assertStorable(key, `${path ? `${path}.` : ''}key ${JSON.stringify(key.slice(0, 40))}`);
      assertStorable(item, path ? `${path}.${key}` : key, depth + 1);
    }
  }
}

/** A rating number: a number, or a numeric string ("4", "0.5"); absent → null; anything else → invalid. */
function ratingNumber(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > MAX_RATING) throw new Invalid('invalid_review_rating', `reviewRating.${field} ${JSON.stringify(value)} is not a number`);
  return n;
}

/** author / itemReviewed.author: a name string, an object with a name, or an array of those (the first name). */
function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return firstString(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const name = nameOf(v);
      if (name !== null) return name;
    }
    return null;
  }
  return isObject(value) ? firstString(value.name) : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 date or date-time (a date alone is midnight UTC); absent → null; anything else → invalid. */
export function dateOf(value: unknown, field: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const m = ISO_DATE.exec(text);
  const bad = () => new Invalid('invalid_date', `${field} ${JSON.stringify(value)} is not an ISO 8601 date`);
  if (!m) throw bad();
  const [, y, mo, d, h, mi, s] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  // Date.UTC rolls 2026-02-30 over to March; a real day round-trips.
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) throw bad();
  if (h === undefined) return day;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) throw bad();
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2') : `${text.replace(' ', 'T')}Z`;
  const at = new Date(withZone);
  if (Number.isNaN(at.getTime())) throw bad();
  return at;
}

/**
 * inLanguage as given: a BCP-47 tag (`en`, `en-US`, `pt_BR`, `es-419`) → its language subtag, lower case; a Language
 * object → its alternateName (or name) read the same way; other text (`English`) as given; nothing → null.
 */
export function normalizeLanguage(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? normalizeLanguage(value[0]) : null;
  if (isObject(value)) return normalizeLanguage(firstString(value.alternateName) ?? firstString(value.name));
  const text = firstString(value);
  if (text === null) return null;
  const tag = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(text);
  return tag ? tag[1].toLowerCase() : text.slice(0, 35);
}

function limited(value: string | null, field: string): string | null {
  if (value !== null && value.length > MAX_NAME_LENGTH) throw new Invalid('invalid_value', `${field} has ${value.length} characters; at most ${MAX_NAME_LENGTH}`);
  return value;
}

/** A non-empty trimmed string (the first of an array of strings), or null. */
function firstString(value: unknown): string | null {
  if (Array.isArray(value)) return value.length > 0 ? firstString(value[0]) : null;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
