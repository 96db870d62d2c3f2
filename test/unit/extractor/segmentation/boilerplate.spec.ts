/** Page furniture is dropped before any rule reads it (stages/segmentation/boilerplate.ts, filters.ts). */
import { describe, expect, test } from '@jest/globals';
import { BOILERPLATE_RULES, isBoilerplate, isNavHeader } from '../../../../src/extractor/stages/segmentation/index.js';
import { traceExtraction } from '../../../../src/extractor/index.js';

describe('boilerplate filters', () => {
  test.each([
    'Oops! We could not load this page.',
    'Share',
    'Advertisement',
    'Follow us on Instagram',
    'By Lena Marsh and Oskar Dahl',
    'By Prof. Lena Marsh, Education Correspondent',
    'Reporting by Lena Marsh',
    'Hugo Brandt contributed to this report.',
    'Read more: Why ferries are late again',
    'list of 6 items',
    '► Ferry strike ends after 9 days',
    '12.4k views',
    'Comments (31)',
    '© 2026 Harbour Post. All rights reserved.',
    'Photo: Harbour Authority',
    'Image 4 of 9',
    'Last updated 14 minutes ago',
    'This article has been corrected to fix a date.',
    'We use cookies to improve your experience; see our policy.',
    'Sign up for the harbour newsletter',
    '6 min read',
    'Listen to this article | 7 mins',
  ])('drops %j', (line) => {
    expect(isBoilerplate(line)).toBe(true);
  });

  test.each([
    'The ferry carried 480 passengers on Sunday.',
    'By Monday, 31 ferries had sailed.',
    'Shares in the ferry operator fell 4% on Friday.',
    'Updated figures showed 12 ferries were late in the first week of the month, the harbour authority said on Tuesday.',
    'The photo agency sold 2,000 images last year.',
  ])('keeps %j', (line) => {
    expect(isBoilerplate(line)).toBe(false);
  });

  test('an empty sentence counts as boilerplate', () => {
    expect(isBoilerplate('   ')).toBe(true);
  });

  test('every filter is in the ordered configuration once', () => {
    expect(new Set(BOILERPLATE_RULES.map((r) => r.id)).size).toBe(BOILERPLATE_RULES.length);
  });

  test('a filter records its firing on the sentence span', () => {
    const text = 'The ferry left.\nAdvertisement\nIt docked.';
    const { firings } = traceExtraction(text);
    const start = text.indexOf('Advertisement');
    expect(firings).toContainEqual({ rule: 'segmentation.widget-label', start, end: start + 'Advertisement'.length });
  });
});

describe('navigation blocks', () => {
  test.each(['Most read', 'Related stories:', 'Keep reading', 'You may also like'])('%j opens one', (line) => {
    expect(isNavHeader(line)).toBe(true);
  });

  test('a sentence that starts like a header does not', () => {
    expect(isNavHeader('Most readers agreed.')).toBe(false);
  });

  test('the headlines under a header give no claims, up to a blank line', () => {
    const text = 'Ferry fares rose 8% this year.\n\nMost read\nTown hires 40 new lifeguards\nPier closed for 3 weeks\n\nThe harbour took 2 million euros in fees.';
    const claims = traceExtraction(text).claims.map((c) => c.quantity?.text);
    expect(claims).toContain('8%');
    expect(claims).toContain('2 million euros');
    expect(claims).not.toContain('40');
    expect(claims).not.toContain('3 weeks');
  });
});
