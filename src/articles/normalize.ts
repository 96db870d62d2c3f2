import { createHash } from 'node:crypto';

const TRACKING_PARAM = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

/** Canonical url for de-duplication: lower-case scheme and host, no fragment, no tracking parameters, no trailing slash. */
export function normalizeUrl(raw: string): string {
  const url = new URL(raw.trim());
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM.test(key));
  kept.sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  if ((url.protocol === 'https:' && url.port === '443') || (url.protocol === 'http:' && url.port === '80')) url.port = '';
  return url.toString();
}

/** Hash of the text with Unicode and whitespace differences folded away: the same article pasted twice hashes the same. */
export function textHash(text: string): string {
  const normalized = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalized).digest('hex');
}
