/** Reading ClaimReview documents for the fact-check import (src/fact-checks/claim-review-parser.ts); no database. */
import { describe, expect, test } from '@jest/globals';
import { dateOf, isClaimReviewType, normalizeLanguage, NotJsonError, parseClaimReviews } from '../../src/fact-checks/claim-review-parser.js';
import { articleTitle, importedClaim } from '../../src/fact-checks/fact-checks.service.js';
import { jsonLines, review } from '../fixtures/claim-reviews.js';

describe('parseClaimReviews: the three forms', () => {
  test('one object', () => {
    const parsed = parseClaimReviews(JSON.stringify(review(1)));
    expect(parsed).toMatchObject({ format: 'object', records: 1, invalid: [] });
    expect(parsed.found).toHaveLength(1);
    expect(parsed.found[0]).toMatchObject({
      position: 0, path: '$', url: 'https://checks.example.net/reviews/1', urlNormalized: 'https://checks.example.net/reviews/1',
      claimReviewed: 'Unemployment in the region fell to 4.1 percent in March.', ratingName: 'Mostly false', ratingValue: 2, bestRating: 5, worstRating: 1,
      authorName: 'Example Verification Desk', claimant: 'Speaker 1', language: 'en', headline: null,
    });
    expect(parsed.found[0].datePublished?.toISOString()).toBe('2026-02-11T00:00:00.000Z');
    expect(parsed.found[0].claimDate?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });

  test('an array (leading whitespace and a BOM allowed): positions are 0-based indexes', () => {
    const parsed = parseClaimReviews('\uFEFF  \n' + JSON.stringify([review(0), review(1), { '@type': 'WebPage' }]));
    expect(parsed.format).toBe('array');
    expect(parsed.records).toBe(3);
    expect(parsed.found.map((f) => f.position)).toEqual([0, 1]);
    expect(parsed.invalid).toEqual([expect.objectContaining({ position: 2, reason: 'not_claim_review', path: '$' })]);
  });

  test('JSON lines: positions are 1-based line numbers; blank lines are not records; a broken line is invalid_json, the others go on', () => {
    const text = JSON.stringify(review(0)) + '\n\n' + '{"@type": "ClaimReview", "url": \n' + JSON.stringify(review(3)) + '\r\n';
    const parsed = parseClaimReviews(text);
    expect(parsed.format).toBe('jsonl');
    expect(parsed.records).toBe(3);
    expect(parsed.found.map((f) => f.position)).toEqual([1, 4]);
    expect(parsed.invalid).toEqual([expect.objectContaining({ position: 3, reason: 'invalid_json', url: null })]);
    expect(parsed.invalid[0].detail).toMatch(/^line 3 is not JSON/);
  });

  test('a single-line JSON lines document is read as one object', () => {
    expect(parseClaimReviews(jsonLines([review(2)])).format).toBe('object');
  });

  test('not JSON at all, an empty document, a bare JSON string, a broken array: NotJsonError', () => {
    for (const text of ['this is not json', '', '   \n ', '"just a string"', '42', '[{"@type": "ClaimReview"},', 'a\nb\n']) {
      expect(() => parseClaimReviews(text)).toThrow(NotJsonError);
    }
  });
});

describe('parseClaimReviews: wrappers', () => {
  test('@graph: the ClaimReviews in it, other nodes ignored; paths say where', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'X' }, review(1), review(2)] };
    const parsed = parseClaimReviews(JSON.stringify([graph]));
    expect(parsed.found.map((f) => [f.position, f.path])).toEqual([[0, "$['@graph'][1]"], [0, "$['@graph'][2]"]]);
    expect(parsed.invalid).toEqual([]);
  });

  test('a DataFeed of DataFeedItems, and an ItemList of ListItems', () => {
    const feed = {
      '@type': 'DataFeed',
      dataFeedElement: [{ '@type': 'DataFeedItem', item: [review(1)] }, { '@type': 'DataFeedItem', item: review(2) }],
    };
    const list = { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', position: 1, item: review(3) }] };
    const parsed = parseClaimReviews(jsonLines([feed, list]));
    expect(parsed.found.map((f) => [f.position, f.path, f.url])).toEqual([
      [1, '$.dataFeedElement[0].item[0]', 'https://checks.example.net/reviews/1'],
      [1, '$.dataFeedElement[1].item', 'https://checks.example.net/reviews/2'],
      [2, '$.itemListElement[0].item', 'https://checks.example.net/reviews/3'],
    ]);
  });

  test('a wrapper without a ClaimReview is not_claim_review; a bad review inside a wrapper is reported with its path', () => {
    const parsed = parseClaimReviews(JSON.stringify([{ '@graph': [{ '@type': 'WebPage' }] }, { '@graph': [review(1, { url: undefined })] }]));
    expect(parsed.invalid).toEqual([
      expect.objectContaining({ position: 0, path: '$', reason: 'not_claim_review' }),
      expect.objectContaining({ position: 1, path: "$['@graph'][0]", reason: 'missing_url' }),
    ]);
  });

  test('@type: any case, schema: prefix, full IRI, or in an array', () => {
    for (const t of ['ClaimReview', 'claimreview', 'schema:ClaimReview', 'https://schema.org/ClaimReview', 'http://schema.org/ClaimReview', ['Review', 'ClaimReview']]) {
      expect(isClaimReviewType(t)).toBe(true);
    }
    for (const t of ['Review', 'NotAClaimReviewer', undefined, 3, ['Review']]) expect(isClaimReviewType(t)).toBe(false);
  });
});

describe('checkClaimReview: each rule, with its reason', () => {
  const reasonOf = (record: unknown) => {
    const parsed = parseClaimReviews(JSON.stringify([record]));
    return parsed.invalid.length ? `${parsed.invalid[0].reason}: ${parsed.invalid[0].detail}` : 'valid';
  };

  test.each([
    ['no @type', { ...review(1), '@type': undefined }, /^not_claim_review: the record has no @type/],
    ['another @type', review(1, { '@type': 'Review' }), /^not_claim_review: the record's @type is "Review"/],
    ['a number', 7, /^not_claim_review: the record is a number/],
    ['no url', review(1, { url: undefined }), /^missing_url/],
    ['an empty url', review(1, { url: '  ' }), /^missing_url/],
    ['a relative url', review(1, { url: '/reviews/1' }), /^invalid_url: url "\/reviews\/1" is not an absolute URL/],
    ['an ftp url', review(1, { url: 'ftp://checks.example.net/1' }), /^invalid_url: url must be http or https/],
    ['a url too long', review(1, { url: `https://checks.example.net/${'a'.repeat(2100)}` }), /^invalid_url: url has 2127 characters/],
    ['no claimReviewed', review(1, { claimReviewed: undefined }), /^missing_claim_reviewed/],
    ['an empty claimReviewed', review(1, { claimReviewed: ' \n ' }), /^missing_claim_reviewed/],
    ['claimReviewed too long', review(1, { claimReviewed: 'x'.repeat(10_001) }), /^invalid_value: claimReviewed has 10001 characters/],
    ['no reviewRating', review(1, { reviewRating: undefined }), /^missing_review_rating/],
    ['reviewRating a string', review(1, { reviewRating: 'False' }), /^missing_review_rating/],
    ['reviewRating without name or value', review(1, { reviewRating: { '@type': 'Rating', bestRating: 5 } }), /^invalid_review_rating: reviewRating has neither/],
    ['ratingValue not a number', review(1, { reviewRating: { ratingValue: 'two' } }), /^invalid_review_rating: reviewRating.ratingValue "two"/],
    ['bestRating not a number', review(1, { reviewRating: { alternateName: 'False', bestRating: {} } }), /^invalid_review_rating: reviewRating.bestRating/],
    ['a date that is not ISO', review(1, { datePublished: 'last Tuesday' }), /^invalid_date: datePublished "last Tuesday"/],
    ['a day that does not exist', review(1, { datePublished: '2026-02-30' }), /^invalid_date/],
    ['a bad claim date', review(1, { itemReviewed: { datePublished: '2026-13-01' } }), /^invalid_date: itemReviewed.datePublished/],
    ['a NUL character', review(1, { author: { name: 'Desk\u0000' } }), /^invalid_value: author.name contains a NUL character/],
    ['an unpaired surrogate', review(1, { claimReviewed: 'broken \ud800 text' }), /^invalid_value: claimReviewed contains an unpaired surrogate/],
    ['an author name too long', review(1, { author: { name: 'n'.repeat(1001) } }), /^invalid_value: author.name has 1001 characters/],
  ])('%s', (_name, record, expected) => {
    expect(reasonOf(record)).toMatch(expected);
  });

  test('a record nested absurdly deep (a file given to the CLI; the API refuses it before parsing) is invalid, not a stack overflow', () => {
    const text = `[${JSON.stringify(review(1)).slice(0, -1)},"extra":${'['.repeat(20_000)}${']'.repeat(20_000)}}]`;
    expect(parseClaimReviews(text).invalid).toEqual([expect.objectContaining({ position: 0, reason: 'invalid_value', detail: 'the record is nested deeper than 32 levels' })]);
  });

  test('valid variations: rating name only, value only (also as a numeric string), author as a string or an array, no dates, no itemReviewed', () => {
    expect(reasonOf(review(1, { reviewRating: { alternateName: 'Pants on fire' } }))).toBe('valid');
    expect(reasonOf(review(1, { reviewRating: { ratingValue: '1', bestRating: '5' } }))).toBe('valid');
    expect(reasonOf(review(1, { author: 'Desk', itemReviewed: undefined, datePublished: undefined }))).toBe('valid');
    const parsed = parseClaimReviews(JSON.stringify(review(1, { author: [{ '@type': 'Organization' }, { name: 'Second Desk' }], reviewRating: { ratingValue: '1.5' } })));
    expect(parsed.found[0]).toMatchObject({ authorName: 'Second Desk', ratingValue: 1.5, ratingName: null, bestRating: null });
  });

  test('the raw record is kept as it came; headline or name become the headline', () => {
    const record = review(4, { headline: '  Did the state plant two million trees?  ', 'x-extra': [1, 2] });
    const [found] = parseClaimReviews(JSON.stringify(record)).found;
    expect(found.raw).toEqual(record);
    expect(found.headline).toBe('Did the state plant two million trees?');
    expect(parseClaimReviews(JSON.stringify(review(4, { name: 'A title' }))).found[0].headline).toBe('A title');
  });

  test('urls are normalised like article urls (tracking parameters, www, fragment, trailing slash)', () => {
    const [found] = parseClaimReviews(JSON.stringify(review(1, { url: 'https://WWW.Checks.example.net/reviews/1/?utm_source=feed#top' }))).found;
    expect(found.urlNormalized).toBe('https://checks.example.net/reviews/1');
    expect(found.url).toBe('https://WWW.Checks.example.net/reviews/1/?utm_source=feed#top');
  });
});

describe('small readers', () => {
  test('normalizeLanguage: BCP-47 tags to their language subtag; Language objects; other text as given', () => {
    expect(normalizeLanguage('en')).toBe('en');
    expect(normalizeLanguage('en-US')).toBe('en');
    expect(normalizeLanguage('pt_BR')).toBe('pt');
    expect(normalizeLanguage('es-419')).toBe('es');
    expect(normalizeLanguage('ES')).toBe('es');
    expect(normalizeLanguage('zh-Hant-TW')).toBe('zh');
    expect(normalizeLanguage('fil')).toBe('fil');
    expect(normalizeLanguage({ '@type': 'Language', name: 'French', alternateName: 'fr-CA' })).toBe('fr');
    expect(normalizeLanguage({ '@type': 'Language', name: 'French' })).toBe('French');
    expect(normalizeLanguage(['de-AT', 'en'])).toBe('de');
    expect(normalizeLanguage('English')).toBe('English');
    expect(normalizeLanguage(undefined)).toBeNull();
    expect(normalizeLanguage('')).toBeNull();
  });

  test('dateOf: dates are midnight UTC, date-times keep their zone (none given: UTC)', () => {
    expect(dateOf('2026-03-01', 'd')?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(dateOf('2026-03-01T10:30:00+02:00', 'd')?.toISOString()).toBe('2026-03-01T08:30:00.000Z');
    expect(dateOf('2026-03-01T10:30:00.250Z', 'd')?.toISOString()).toBe('2026-03-01T10:30:00.250Z');
    expect(dateOf('2026-03-01 10:30', 'd')?.toISOString()).toBe('2026-03-01T10:30:00.000Z');
    expect(dateOf('2026-03-01T10:30:00+0530', 'd')?.toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(dateOf(undefined, 'd')).toBeNull();
    for (const bad of ['2026-3-1', '01/03/2026', '2026-03-01T25:00', 2026, '2026-02-29']) expect(() => dateOf(bad, 'd')).toThrow(/not an ISO 8601 date/);
  });

  test('articleTitle: the headline when there is one, else claimReviewed cut at a word boundary', () => {
    expect(articleTitle({ headline: 'Short headline', claimReviewed: 'x' })).toBe('Short headline');
    expect(articleTitle({ headline: null, claimReviewed: 'A short claim.' })).toBe('A short claim.');
    const long = articleTitle({ headline: null, claimReviewed: 'word '.repeat(60) });
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long).toMatch(/word…$/);
  });
});

describe('importedClaim: the stored claim of a fact-check', () => {
  const recordOf = (overrides: Record<string, unknown>) => parseClaimReviews(JSON.stringify(review(0, overrides))).found[0];

  test('the whole claimReviewed, with the figure the extractor finds, and the claimant as speaker', () => {
    const claim = importedClaim(recordOf({ claimReviewed: 'The city spent 45 million dollars on the new tram line last year.' }));
    expect(claim).toMatchObject({
      text: 'The city spent 45 million dollars on the new tram line last year.', start: 0, end: 65,
      category: 'money', attribution: { speaker: 'Speaker 0', role: null }, checkworthiness: 1,
    });
    expect(claim.quantity).toMatchObject({ text: expect.stringContaining('45 million'), value: 45_000_000 });
    expect(claim.text.slice(claim.quantity!.start, claim.quantity!.end)).toBe(claim.quantity!.text);
    // "last year" is read against the claim's date (2026-02-01), not today.
    expect(claim.timeRef).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(claim.checkworthinessReasons[0]).toBe('imported_fact_check');
  });

  test('no figure: a statement without quantity', () => {
    const claim = importedClaim(recordOf({ claimReviewed: 'Drinking cold water after meals causes heart disease.' }));
    expect(claim).toMatchObject({ category: 'statement', quantity: null, timeRef: null, attribution: { speaker: 'Speaker 0' } });
  });

  test('no claimant: the speaker the extractor found, if any', () => {
    const claim = importedClaim(recordOf({ itemReviewed: undefined, claimReviewed: 'The mayor said 40,000 people lost their jobs in the city last year.' }));
    expect(claim.attribution?.speaker).toMatch(/mayor/i);
  });

  test('a claim in a language the extractor does not read is not read by it: a statement', () => {
    const claim = importedClaim(recordOf({ inLanguage: 'es', claimReviewed: 'El gobierno gastó 45 millones de dólares en el tranvía el año pasado.' }));
    expect(claim).toMatchObject({ category: 'statement', quantity: null });
  });
});
