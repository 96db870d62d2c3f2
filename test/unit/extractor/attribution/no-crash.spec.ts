/**
 * The attribution stage looks left and right of every speech verb; a look past the first or last token must read as
 * "nothing there", never throw. `extractClaims` is called without `onSentenceError`, so a throw fails the test.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { extractClaims } from '../../../../src/extractor/index.js';
import { npLeft, npLoose, npRight } from '../../../../src/extractor/stages/attribution/noun-phrases.js';
import { characterises, conditionalSpeech, isSpeechAt, isStanceVerb, notAVerb } from '../../../../src/extractor/stages/attribution/verbs.js';
import { tokenize } from '../../../../src/extractor/stages/tokens/index.js';
import { REPORTING_VERBS, SPEECH_VERBS, STANCE_VERBS, WEAK_SPEECH } from '../../../../src/extractor/resources/speech-verbs.js';

const VERBS = [...new Set([...SPEECH_VERBS, ...WEAK_SPEECH, ...REPORTING_VERBS, ...STANCE_VERBS, 'according', 'described'])].sort();
const SUBJECTS = ['I', 'You', 'He', 'she', 'They', 'It', 'We', 'Mara Quist', 'Deputy Mayor Tomas Vell', 'the harbour authority', 'Officials', 'The survey', 'one of the monitors'];
const LOWER = ['you', 'think', 'the', 'to', 'that', 'a', 'chief', 'forecaster', 'on', 'in', 'at', 'by', 'of', 'with', 'familiar', 'and', 'rebels', 'northern', 'last', 'week', 'claim', 'estimate', 'said', 'he', 'it', 'as', 'for', 'reporters'];
const ENDINGS = ['', '.', ',', ', ', '"', '."', ',"', '”', '?', ';', ' ('];
const OPENINGS = ['', '"', '“', 'But ', ', ', '"We will," '];

describe('attribution: no exception at either end of the tokens', () => {
  test('regression: a reporting verb followed by lowercase words to the end of a text with no final stop', () => {
    expect(() => extractClaims('I hope you think')).not.toThrow();
    expect(() => extractClaims('He said you think')).not.toThrow();
    expect(() => extractClaims('Officials reported that')).not.toThrow();
    expect(() => extractClaims('said chief forecaster')).not.toThrow();
    expect(() => extractClaims('according to')).not.toThrow();
  });

  test('property: <subject> <speech or reporting verb> <lowercase words…> with any ending', () => {
    const sentence = fc
      .tuple(
        fc.constantFrom(...OPENINGS),
        fc.constantFrom(...SUBJECTS),
        fc.constantFrom(...VERBS),
        fc.array(fc.constantFrom(...LOWER), { maxLength: 6 }),
        fc.constantFrom(...ENDINGS),
      )
      .map(([open, subject, verb, words, end]) => `${open}${[subject, verb, ...words].join(' ')}${end}`);
    fc.assert(
      fc.property(sentence, (text) => {
        extractClaims(text);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  test('property: the verb first, the speaker after it, cut anywhere', () => {
    const sentence = fc
      .tuple(fc.constantFrom(...VERBS), fc.constantFrom(...SUBJECTS), fc.array(fc.constantFrom(...LOWER), { maxLength: 4 }), fc.constantFrom(...ENDINGS))
      .map(([verb, subject, words, end]) => `"It rose," ${[verb, ...words, subject].join(' ')}${end}`);
    fc.assert(
      fc.property(sentence, fc.nat(), (text, cut) => {
        extractClaims(text);
        extractClaims(text.slice(0, cut % (text.length + 1)));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  test('property: the stage helpers that look around an index accept one past either end', () => {
    const helpers: Array<(toks: ReturnType<typeof tokenize>, i: number) => unknown> = [
      (t, i) => npLeft(t, i, 0), npRight, npLoose, (t, i) => notAVerb(t, i, false), isSpeechAt, conditionalSpeech, characterises, isStanceVerb,
    ];
    const sentence = fc
      .tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...VERBS), fc.array(fc.constantFrom(...LOWER), { maxLength: 4 }), fc.constantFrom(...ENDINGS))
      .map(([subject, verb, words, end]) => `${[subject, verb, ...words].join(' ')}${end}`);
    fc.assert(
      fc.property(sentence, (text) => {
        const toks = tokenize(text);
        for (const helper of helpers) for (let i = -2; i <= toks.length + 2; i++) helper(toks, i);
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
