/** The ClaimReview we publish (src/verdicts/claim-review.ts) and the speaker's kind; validated with structured-data-testing-tool. */
import { describe, expect, test } from '@jest/globals';
import type { ClaimDto } from '../../src/claims/claims.dto.js';
import { buildClaimReview, type ClaimReviewInput } from '../../src/verdicts/claim-review.js';
import { speakerKind } from '../../src/verdicts/speaker-kind.js';
import { validateJsonLd } from '../structured-data.js';

const claim = (speaker: string | null, role: string | null = null): ClaimDto => ({
  id: '0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10', articleId: '1b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10',
  text: 'The defence ministry said on Monday that about 100,000 soldiers were stationed near the frontier.',
  start: 0, end: 96, category: 'troop_count',
  quantity: { text: 'about 100,000 soldiers', start: 40, end: 62, value: 100000, low: null, high: null, unit: 'troops', qualifier: 'approximate' },
  subject: null, location: null, timeRef: null, attribution: speaker ? { speaker, role } : null,
  checkworthiness: 0.8, checkworthinessReasons: [], status: 'published', statusReason: null, verdict: null, match: null,
  createdAt: '2026-11-25T09:00:00.000Z',
  revision: 1, goneInRevision: null, supersedesClaimId: null,
});

const input = (c: ClaimDto, publication: ClaimReviewInput['verdict']['publication'] = {
  url: 'https://news.example.org/fact-checks/border-troops', headline: 'Fact check: are 100,000 troops at the border?', language: 'en-GB', imageUrl: 'https://news.example.org/img/b.jpg',
}, claimReviewed: string | null = '100,000 troops are at the border'): ClaimReviewInput => ({
  claim: c,
  article: { url: 'https://wire.example.com/2026/11/25/border', title: 'Buildup at the border', publisher: 'Example Wire', publishedAt: '2026-11-25T09:00:00.000Z', language: 'en' },
  verdict: { rating: 'mostly_true', summary: 'The ministry counts 102,000.', publishedAt: '2026-11-26T10:00:00.000Z', firstPublishedAt: '2026-11-26T10:00:00.000Z', corrected: false, publication, claimReviewed },
  sources: [], publicBaseUrl: 'https://api.example.org/', publisherName: 'Example Fact Desk',
});

describe('speakerKind: Organization or Person, by a general rule', () => {
  test.each([
    ['the defence ministry', null], ['Western officials', null], ['the U.N. refugee agency', null], ["Ukraine's air force", null],
    ["Russia's defence ministry", null], ['UNHCR', null], ['The Pentagon', null], ['the Treasury', null], ['residents', null],
    ['the International Organization for Migration', null], ['firm Canalys', null], ['the IOM report', null], ["Ukraine's general staff", null],
    ['Israel', null], ['Reuters', null], ['Police', null], ['the U.N.', null], ['Mumbai-based Sarvodaya Textiles', null],
  ])('%s is an organisation', (speaker, role) => expect(speakerKind(speaker, role)).toBe('Organization'));

  test.each([
    ['Anna Berg', 'chief executive'], ['Volodymyr Zelensky', null], ['Finance Minister Jane Doe', null], ['a spokesman for the hospital association', null],
    ['the defence ministry spokesman', null], ['a senior official', null], ['a source familiar with the deal', null], ['Zelensky', 'President'],
  ])('%s is a person', (speaker, role) => expect(speakerKind(speaker, role)).toBe('Person'));
});

describe('buildClaimReview', () => {
  test("url is the fact-check article, the API address only the @id; the short claim, the languages, the rating's name", () => {
    const review = buildClaimReview(input(claim('the defence ministry'))) as Record<string, any>;
    expect(review).toMatchObject({
      '@id': 'https://api.example.org/v1/claims/0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10/claim-review',
      url: 'https://news.example.org/fact-checks/border-troops',
      headline: 'Fact check: are 100,000 troops at the border?',
      inLanguage: 'en-GB',
      image: 'https://news.example.org/img/b.jpg',
      claimReviewed: '100,000 troops are at the border',
      reviewRating: { '@type': 'Rating', name: 'Mostly true', alternateName: 'Mostly true', ratingValue: 4 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'the defence ministry' },
        appearance: { '@type': 'CreativeWork', url: 'https://wire.example.com/2026/11/25/border', inLanguage: 'en', datePublished: '2026-11-25T09:00:00.000Z' },
        firstAppearance: { url: 'https://wire.example.com/2026/11/25/border' },
      },
    });
  });

  test('a person speaker keeps their title as jobTitle; no short form: the sentence; no publication: no url', () => {
    const review = buildClaimReview(input(claim('Anna Berg', 'chief executive'), null, null)) as Record<string, any>;
    expect(review.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Anna Berg', jobTitle: 'chief executive' });
    expect(review.claimReviewed).toBe(claim(null).text);
    expect(review).not.toHaveProperty('url');
    expect(review).not.toHaveProperty('inLanguage');
  });

  test.each([
    ['an organisation', 'the defence ministry', null, 'Organization'],
    ['a person', 'Anna Berg', 'chief executive', 'Person'],
  ])('with %s as the speaker it passes sdtt --presets Google and the fact-check guidance with no errors and no warnings', async (_kind, speaker, role, type) => {
    const review = buildClaimReview(input(claim(speaker, role)));
    const result = await validateJsonLd(review);
    expect(result).toMatchObject({ ok: true, errors: [], warnings: [], schemas: ['ClaimReview'] });
    expect(result.passed).toBeGreaterThanOrEqual(20);
    expect((review as any).itemReviewed.author['@type']).toBe(type);
  });

  test('the validator fails what Google requires (a url: no publication, no url) and warns on what it recommends (the speaker)', async () => {
    const result = await validateJsonLd(buildClaimReview(input(claim(null), null)));
    expect(result.ok).toBe(false);
    // Both presets (sdtt's Google one and the guidance) require the url, and nothing else is missing.
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => /^ClaimReview\[0\]\.url:/.test(e))).toBe(true);
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/itemReviewed\.author\.name/), expect.stringMatching(/inLanguage/)]));
  });
});
