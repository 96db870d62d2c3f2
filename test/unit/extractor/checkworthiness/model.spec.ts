/**
 * The check-worthiness model (src/extractor/stages/checkworthiness): sentence features read on their own, the
 * score as a sum of documented weights, and what a speaker's own question, promise or hypothetical does to a figure.
 */
import { describe, expect, it } from '@jest/globals';
import { extractClaims } from '../../../../src/extractor/index.js';
import { readSentence, SENTENCE_WEIGHTS, CATEGORY_BASE, FIGURE_WEIGHTS, CONTEXT_WEIGHTS } from '../../../../src/extractor/stages/checkworthiness/index.js';
import { spokenText } from '../../../../src/extractor/stages/claims/factual-statements.js';
import { tokenize } from '../../../../src/extractor/stages/tokens/index.js';

const PUB = new Date('2026-03-10T12:00:00Z');
const whole = (s: string) => readSentence(tokenize(s, 0, s.length)).whole;
const best = (s: string) => extractClaims(s, { publishedAt: PUB }).reduce((m, c) => Math.max(m, c.checkworthiness), 0);

describe('sentence features', () => {
  it.each([
    ['Why does the city spend a billion dollars on consultants?', 'question'],
    ['You could have lost 20 million people.', 'hypothetical'],
    ['If the levy passes, rents will rise.', 'hypothetical'],
    ['I want every family to have a $5,000 credit.', 'promise'],
    ["We're going to cap rents at 3 percent.", 'promise'],
    ["I'm not looking for a $5 trillion tax cut.", 'negated'],
    ['I think the plan is a gimmick.', 'opinion'],
    ['They are stronger now than at any time since the war.', 'comparison'],
    ['The trade deficit went way down.', 'trend'],
    ['The senator voted against the bill.', 'record'],
    ['She has never balanced a budget.', 'never'],
    ['Okafor closed the plant.', 'pastAction'],
  ] as const)('%j reads as %s', (sentence, feature) => {
    expect(whole(sentence)[feature]).toBe(true);
  });

  it.each([
    ['The city spent a billion dollars on consultants.', ['question', 'hypothetical', 'promise', 'negated', 'opinion']],
    ["We didn't block it; the House never got a vote.", ['negated']],
    ['The three largest banks met on Monday.', ['comparison']],
    ['The ministry declined to comment.', ['trend']],
    ['The debate is sponsored by a bank.', ['record']],
    ['Only US troops guard the base.', ['promise', 'opinion']],
  ] as const)('%j does not read as %j', (sentence, features) => {
    for (const f of features) expect(whole(sentence)[f]).toBe(false);
  });

  it('reads each clause on its own: a factual clause before a hypothetical one keeps its figure', () => {
    const s = "I voted against a budget that cut youth programs by 40 percent, and I'd do it again.";
    const reading = readSentence(tokenize(s, 0, s.length));
    expect(reading.segments).toHaveLength(2);
    expect(reading.segments[0].mood.hypothetical).toBe(false);
    expect(reading.segments[1].mood.hypothetical).toBe(true);
    const [c] = extractClaims(s, { publishedAt: PUB });
    expect(c.quantity?.text).toBe('40 percent');
    expect(c.checkworthinessReasons).not.toContain('hypothetical');
  });
});

describe('the score', () => {
  it('is the sum of the weights of its reasons, clipped to [0, 1]', () => {
    const all: Record<string, number> = { ...Object.fromEntries(Object.values(CATEGORY_BASE)), ...FIGURE_WEIGHTS, ...CONTEXT_WEIGHTS, ...SENTENCE_WEIGHTS, factual_statement: 0.2 };
    for (const s of ['Inflation fell from 9 percent to 3 percent in eighteen months.', 'We might raise $60 million a year that way.', 'The senator voted against the water bill twice.']) {
      for (const c of extractClaims(s, { publishedAt: PUB })) {
        const sum = c.checkworthinessReasons.reduce((t, r) => t + all[r], 0);
        expect(c.checkworthiness).toBeCloseTo(Math.min(1, Math.max(0, sum)), 2);
      }
    }
  });

  it('ranks a checkable figure above the same figure promised, supposed or asked about', () => {
    const fact = best('The city spent $40 million on the stadium.');
    for (const s of ['I will spend $40 million on the stadium.', 'We might spend $40 million on the stadium.', 'Would you spend $40 million on the stadium?']) {
      expect(best(s)).toBeLessThan(fact);
    }
  });

  it('gives a factual claim without a number a statement claim at or above the review threshold', () => {
    const [c] = extractClaims('My opponent voted against the farm relief bill twice.', { publishedAt: PUB });
    expect(c).toMatchObject({ category: 'statement', attribution: null, quantity: null });
    expect(c.checkworthiness).toBeGreaterThanOrEqual(0.3);
    expect(c.checkworthinessReasons).toEqual(expect.arrayContaining(['factual_statement', 'voting_record']));
  });

  it('yields no figure from a speaker\'s own question, counterfactual or promise', () => {
    expect(extractClaims('Why do you spend a billion dollars on consultants?', { publishedAt: PUB })).toEqual([]);
    expect(extractClaims('If we had listened to her, we would have lost 4 million jobs.', { publishedAt: PUB })).toEqual([]);
    expect(extractClaims('I will hire 200 new police officers.', { publishedAt: PUB })).toEqual([]);
  });

  it('keeps reported plans and the narration of news copy as they were', () => {
    const news = 'The company announced on Monday that it would cut about 4,500 jobs. Its shares fell 6%. Analysts said the cuts would save $2 billion a year. The plant opened in 1998.';
    const claims = extractClaims(news, { publishedAt: PUB });
    expect(claims.map((c) => c.quantity?.text).filter(Boolean)).toEqual(expect.arrayContaining(['about 4,500 jobs', '6%', '$2 billion']));
    for (const c of claims) expect(c.checkworthinessReasons).not.toEqual(expect.arrayContaining(['hypothetical']));
    expect(claims.some((c) => c.category === 'statement' && c.attribution === null)).toBe(false);
  });
});

describe('spoken text', () => {
  it('is a transcript, an interview or a lone sentence; news copy is not', () => {
    expect(spokenText('Violent crime fell last year.')).toBe(true);
    expect(spokenText('We cut taxes. You raised them. I will cut them again. Our state is growing.')).toBe(true);
    expect(spokenText('The council met on Monday. It approved the budget. "We are proud," the mayor said. The vote was 7-2.')).toBe(false);
  });
});
