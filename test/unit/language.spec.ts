/** The article language detector (src/articles/language.ts) and the extractor's supported languages. */
import { describe, expect, test } from '@jest/globals';
import { detectLanguage, isLanguageCode, LANGUAGE_CODES, UNDETERMINED } from '../../src/articles/language.js';
import { isSupportedLanguage, SUPPORTED_LANGUAGES } from '../../src/extractor/index.js';

// Own sentences, one paragraph and one short line per language.
const TEXTS: Array<[string, string, string]> = [
  ['en', 'The harbour authority said on Friday that 2,400 containers were delayed by the strike, and that ships would wait offshore until the weekend.', 'Floods forced 3,000 families from their homes.'],
  ['es', 'La autoridad portuaria informó el viernes de que 2.400 contenedores sufrieron retrasos por la huelga y de que los barcos esperarán frente a la costa.', 'Unos 100.000 soldados llegaron a la frontera.'],
  ['fr', 'L\'autorité portuaire a indiqué vendredi que 2 400 conteneurs avaient été retardés par la grève et que les navires attendraient au large.', 'Les inondations ont chassé 3 000 familles.'],
  ['de', 'Die Hafenbehörde teilte am Freitag mit, dass 2.400 Container wegen des Streiks verspätet seien und die Schiffe vor der Küste warten müssten.', 'Das Hochwasser vertrieb 3.000 Familien.'],
  ['it', 'L\'autorità portuale ha detto venerdì che 2.400 container sono stati bloccati dallo sciopero e che le navi aspetteranno al largo.', 'Le alluvioni hanno cacciato 3.000 famiglie.'],
  ['pt', 'A autoridade portuária disse na sexta-feira que 2.400 contentores foram atrasados pela greve e que os navios vão esperar ao largo.', 'As cheias desalojaram 3.000 famílias.'],
  ['nl', 'De havenautoriteit zei vrijdag dat 2.400 containers door de staking vertraagd waren en dat de schepen voor de kust moeten wachten.', 'De overstromingen verdreven 3.000 gezinnen.'],
  ['ru', 'Портовое управление в пятницу сообщило, что из-за забастовки задержаны 2400 контейнеров, а суда будут ждать на рейде до выходных.', 'Наводнение вынудило 3000 семей покинуть дома.'],
  ['uk', 'Портова адміністрація в пʼятницю повідомила, що через страйк затримано 2400 контейнерів, а судна чекатимуть на рейді до вихідних.', 'Повінь змусила 3000 родин залишити домівки.'],
  ['ar', 'قالت هيئة الميناء يوم الجمعة إن 2400 حاوية تأخرت بسبب الإضراب وإن السفن ستنتظر قبالة الساحل حتى نهاية الأسبوع.', 'أجبرت الفيضانات 3000 عائلة على مغادرة منازلها.'],
];

describe('detectLanguage', () => {
  test.each(TEXTS)('%s: a paragraph and a short line', (lang, paragraph, line) => {
    for (const text of [paragraph, line]) {
      const found = detectLanguage(text);
      expect(found).toMatchObject({ language: lang, reliable: true });
      expect(found.confidence).toBeGreaterThan(0.5);
      expect(found.confidence).toBeLessThanOrEqual(1);
    }
  });

  test.each([
    ['empty', ''],
    ['whitespace', '  \n\t '],
    ['numbers only', '12,000 300 4.5% 2026-11-25'],
    ['a word or two', 'Hello world'],
    ['punctuation', '— … !!! ???'],
  ])('%s: und with confidence 0', (_what, text) => {
    expect(detectLanguage(text)).toEqual({ language: UNDETERMINED, confidence: 0, reliable: false });
  });

  test('reads only the start of a long article (the cost stays flat)', () => {
    const english = TEXTS[0][1];
    const spanishTail = ` ${TEXTS[1][1]}`.repeat(200);
    expect(detectLanguage(english.repeat(40) + spanishTail).language).toBe('en');
  });
});

describe('language codes', () => {
  test('ISO 639-1: two lowercase letters from the list', () => {
    expect(LANGUAGE_CODES).toHaveLength(184);
    expect(isLanguageCode('es')).toBe(true);
    for (const bad of ['ES', 'spa', 'xx', 'e', '', 'und', 'en-GB']) expect(isLanguageCode(bad)).toBe(false);
  });

  test('the extractor reads English only', () => {
    expect(SUPPORTED_LANGUAGES).toEqual(['en']);
    expect(isSupportedLanguage('en')).toBe(true);
    expect(isSupportedLanguage('es')).toBe(false);
    expect(isSupportedLanguage(UNDETERMINED)).toBe(false);
  });
});
