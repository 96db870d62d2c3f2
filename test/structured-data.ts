import { createRequire } from 'node:module';

/**
 * Validates JSON-LD the way a consumer would: `structured-data-testing-tool` (sdtt) with its Google preset (the
 * `sdtt --presets Google` check), plus a preset of our own with what Google's fact-check guidance documents for
 * ClaimReview beyond that preset: the url, the rating's name and alternateName, the claim's author with a type and a
 * name, its appearance, the language. sdtt runs in Node on a string; no browser, no network.
 */
const require = createRequire(import.meta.url);
const { structuredDataTest } = require('structured-data-testing-tool') as {
  structuredDataTest: (input: string, options: object) => Promise<SdttResult>;
};
const { Google } = require('structured-data-testing-tool/presets') as { Google: object };

interface SdttTest { test: string; description?: string; error?: { message?: string } }
interface SdttResult { passed: SdttTest[]; failed: SdttTest[]; warnings: SdttTest[]; schemas: string[] }

const CR = 'ClaimReview[*]';
/**
 * Google's documented ClaimReview properties (developers.google.com/search/docs/appearance/structured-data/factcheck):
 * required ones fail, recommended ones warn, as sdtt's own presets do.
 */
export const GOOGLE_CLAIM_REVIEW_GUIDANCE = {
  name: 'Google fact-check guidance',
  description: 'ClaimReview properties Google documents as required or recommended',
  schema: 'ClaimReview',
  conditional: { test: 'ClaimReview' },
  tests: [
    // Required by Google: an error when missing.
    { test: `${CR}.url`, description: 'url: the fact-check article' },
    { test: `${CR}.claimReviewed` },
    { test: `${CR}.reviewRating.alternateName` },
    // Recommended: a warning when missing (our tests ask for none).
    { test: `${CR}.reviewRating.name`, warning: true },
    { test: `${CR}.author.name`, warning: true },
    { test: `${CR}.author."@type"`, warning: true },
    { test: `${CR}.datePublished`, warning: true },
    { test: `${CR}.inLanguage`, warning: true },
    { test: `${CR}.itemReviewed."@type"`, expect: 'Claim' },
    { test: `${CR}.itemReviewed.author.name`, warning: true },
    { test: `${CR}.itemReviewed.author."@type"`, warning: true },
    { test: `${CR}.itemReviewed.datePublished`, warning: true },
    { test: `${CR}.itemReviewed.appearance`, warning: true },
    { test: `${CR}.itemReviewed.firstAppearance`, warning: true },
  ],
};

export interface Validation { ok: boolean; passed: number; errors: string[]; warnings: string[]; schemas: string[] }

/** Runs sdtt over a page holding `jsonLd` in a <script type="application/ld+json">, as a search engine finds it. */
export async function validateJsonLd(jsonLd: unknown): Promise<Validation> {
  const html = `<!doctype html><html><head><title>fact check</title><script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script></head><body></body></html>`;
  let result: SdttResult;
  try {
    result = await structuredDataTest(html, { presets: [Google, GOOGLE_CLAIM_REVIEW_GUIDANCE] });
  } catch (err) {
    const e = err as { type?: string; res?: SdttResult };
    if (e.type !== 'VALIDATION_FAILED' || !e.res) throw err;
    result = e.res;
  }
  const describe = (t: SdttTest) => `${t.test}${t.error?.message ? `: ${t.error.message}` : ''}`;
  return {
    ok: result.failed.length === 0,
    passed: result.passed.length,
    errors: result.failed.map(describe),
    warnings: result.warnings.map(describe),
    schemas: result.schemas,
  };
}
