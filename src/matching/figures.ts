/**
 * Figures and years written in a text, read as evidence for matching: "$80M" is "$80 million", "3 in 5" is 60 %,
 * "100.000" may be 100,000, "four decades" are 40 years. Pure, no database.
 */
import type { Qualifier } from '../claims/claim-vocabulary.js';
import { mostlyEnglish } from './english-words.js';
import { perText } from './remembered.js';
import { APPROXIMATE_TOLERANCE, EXACT_TOLERANCE, exactInterval, intervalOf, type Interval, type MatchableClaim } from './matchable.js';


/** What a figure counts, so only like is compared with like: a share is not a sum of money, dollars are not euros. */
type FigureKind = 'percent' | `money:${string}` | `duration:${string}` | 'count';

interface Figure {
  kind: FigureKind;
  /** Readings of the figure ("100.000": 100 or 100,000), each an interval. */
  readings: Interval[];
  /** The values as written (before hedges widen them), one per reading. */
  values?: number[];
}

const SCALE: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, k: 1e3, lakh: 1e5, lakhs: 1e5, million: 1e6, millions: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  crore: 1e7, crores: 1e7, billion: 1e9, billions: 1e9, bn: 1e9, bln: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, trn: 1e12,
  // Other languages' scale words, met in posts that quote foreign figures ("1,5 millones", "3 Mrd").
  millones: 1e6, 'millón': 1e6, millon: 1e6, 'milhões': 1e6, milhoes: 1e6, 'milhão': 1e6, milhao: 1e6, millionen: 1e6, mio: 1e6,
  milliard: 1e9, milliards: 1e9, milliarde: 1e9, milliarden: 1e9, mrd: 1e9, 'bilhões': 1e9, bilhoes: 1e9, 'bilhão': 1e9, bilhao: 1e9,
  billones: 1e12, 'billón': 1e12, billon: 1e12,
  // Long-scale trillions: German "Billionen" ("Bio."), Dutch "biljoen", Brazilian "trilhões", European Portuguese "biliões".
  billionen: 1e12, bio: 1e12, biljoen: 1e12, biljoenen: 1e12, 'trilhões': 1e12, trilhoes: 1e12, 'trilhão': 1e12, trilhao: 1e12,
  'biliões': 1e12, bilioes: 1e12, 'bilião': 1e12, biliao: 1e12,
  // Italian and Dutch; "mil millones" (Spanish) and "mil milhões" (European Portuguese) are thousands of millions.
  milione: 1e6, milioni: 1e6, miliardo: 1e9, miliardi: 1e9, miljoen: 1e6, miljoenen: 1e6, miljard: 1e9, miljarden: 1e9,
  'mil millones': 1e9, 'mil millón': 1e9, 'mil millon': 1e9, 'mil milhões': 1e9, 'mil milhoes': 1e9,
  // Tonnes with an SI prefix, as trade and emissions figures are written: "33Mt" is 33 million tonnes, "2 Gt" 2 billion.
  kt: 1e3, mt: 1e6, gt: 1e9,
};
/** Signs, and ISO codes written before the amount ("CHF 1'000", "USD 5m"). */
const CURRENCY_CODES = ['usd', 'eur', 'gbp', 'chf', 'inr', 'jpy', 'cny', 'cad', 'aud'];
const CURRENCY_SIGN: Record<string, string> = {
  $: 'USD', 'us$': 'USD', 'r$': 'BRL', 'c$': 'CAD', 'a$': 'AUD', 'nz$': 'NZD', 'hk$': 'HKD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', rs: 'INR', ...Object.fromEntries(CURRENCY_CODES.map((c) => [c, c.toUpperCase()])),
};
/** Currency words after the amount, slang and other languages' included ("five bucks", "63.000 millones de dólares"). */
const CURRENCY_WORD: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', buck: 'USD', bucks: 'USD', 'dólar': 'USD', 'dólares': 'USD', dolar: 'USD', dolares: 'USD',
  euro: 'EUR', euros: 'EUR', eur: 'EUR', pound: 'GBP', pounds: 'GBP', quid: 'GBP', gbp: 'GBP', libras: 'GBP',
  franc: 'CHF', francs: 'CHF', franken: 'CHF', francos: 'CHF', chf: 'CHF',
  rupee: 'INR', rupees: 'INR', rupias: 'INR', yen: 'JPY', yuan: 'CNY', reais: 'BRL', 'réis': 'BRL',
};
/** A country's name before its currency's: "1,000 Swiss francs", "20 Canadian dollars" (otherwise the word after counts). */
const CURRENCY_QUALIFIED: Record<string, Record<string, string>> = {
  swiss: { francs: 'CHF', franc: 'CHF' }, us: { dollars: 'USD' }, american: { dollars: 'USD' }, canadian: { dollars: 'CAD' },
  australian: { dollars: 'AUD' }, kanadische: { dollar: 'CAD' }, kanadischen: { dollar: 'CAD' }, australische: { dollar: 'AUD' },
  australischen: { dollar: 'AUD' }, schweizer: { franken: 'CHF' }, canadese: { dollar: 'CAD' },
};
/** …and after it, as the Romance languages write it: "dollars canadiens", "dólares canadienses", "francs suisses". */
const DOLLARS_OF: Record<string, string> = {
  canadiens: 'CAD', canadienses: 'CAD', canadenses: 'CAD', canadesi: 'CAD', australiens: 'AUD', australianos: 'AUD', australiani: 'AUD',
  'américains': 'USD', americains: 'USD', estadounidenses: 'USD', americanos: 'USD', americani: 'USD',
};
const FRANCS_OF: Record<string, string> = { suisses: 'CHF', suizos: 'CHF', 'suíços': 'CHF', svizzeri: 'CHF' };
const CURRENCY_QUALIFIED_AFTER: Record<string, Record<string, string>> = {
  dollars: DOLLARS_OF, 'dólares': DOLLARS_OF, dolares: DOLLARS_OF, dollari: DOLLARS_OF, francs: FRANCS_OF, francos: FRANCS_OF, franchi: FRANCS_OF,
};
function currencyAfter(word: string | undefined, next: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const w = word.toLowerCase();
  const currency = CURRENCY_WORD[w];
  if (next === undefined) return currency;
  if (currency !== undefined) return CURRENCY_QUALIFIED_AFTER[w]?.[next.toLowerCase()] ?? currency;
  const qualified = CURRENCY_QUALIFIED[w];
  return qualified ? qualified[next.toLowerCase()] : undefined;
}
const FIGURE_RE = new RegExp(
  String.raw`(?<![\w.,])(?<sign>(?:US|NZ|HK|[RCA])\$\s?|[$€£¥₹]|rs\.?\s?|(?:${CURRENCY_CODES.join('|')})\s?(?=\d))?` +
  // 1,000 / 100.000 / 60 000 / 1'000 (Swiss) / 3.2 or 3,2
  String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|\d{1,3}(?: \d{3})+(?![\d,.])|\d{1,3}(?:['’]\d{3})+(?![\d,.])|\d+(?:[.,]\d+)?)` +
  String.raw`(?:\s?(?<scale>hundred|thousand|lakhs? crores?|lakhs?|millions?|crores?|billions?|trillion|mln|mn|bln|bn|trn|tn|mil\s+mill(?:ones|[oó]n)|mil\s+milh(?:õ|o)es|millones|mill[oó]n|milh(?:õ|o)es|milh[ãa]o|millionen|mio\.?|milliards?|milliarden?|mrd\.?|bilh(?:õ|o)es|bilh[ãa]o|billionen|bio\.|biljoen(?:en)?|trilh(?:õ|o)es|trilh[ãa]o|bili(?:õ|o)es|bili[ãa]o|billones|bill[oó]n|milion[ei]|miliard[io]|miljoen(?:en)?|miljard(?:en)?|mil|[kmg]t|[kmbt])(?![\p{L}]))?` +
  // "5.000 €", "1,2 Mrd. €": the sign after the amount, as most of Europe writes it.
  String.raw`(?:\s?(?<signAfter>[€£¥₹]|(?:US|R|C|A)?\$)(?!\s?\d))?` +
  String.raw`(?<pct>\s?(?:%|percent\b|per cent\b|pct\b|por ciento\b|pour cent\b|per cento\b|por cento\b|prozent\b|procent\b))?(?:\s+(?:in|out of)\s+(?<of>\d{1,3})\b(?![.,]?\d))?(?:\s+(?:de\s+|d['’])?(?<word>\p{L}+)(?:\s+(?<next>\p{L}+))?)?`,
  'giu',
);
/** Spans of time, in the unit they are compared in: "40 years" is "four decades", "15 weeks" is not "six weeks". */
const DURATIONS: Record<string, { kind: FigureKind; factor: number }> = {
  year: { kind: 'duration:year', factor: 1 }, years: { kind: 'duration:year', factor: 1 },
  decade: { kind: 'duration:year', factor: 10 }, decades: { kind: 'duration:year', factor: 10 },
  century: { kind: 'duration:year', factor: 100 }, centuries: { kind: 'duration:year', factor: 100 },
  month: { kind: 'duration:month', factor: 1 }, months: { kind: 'duration:month', factor: 1 },
  week: { kind: 'duration:day', factor: 7 }, weeks: { kind: 'duration:day', factor: 7 },
  day: { kind: 'duration:day', factor: 1 }, days: { kind: 'duration:day', factor: 1 },
  hour: { kind: 'duration:hour', factor: 1 }, hours: { kind: 'duration:hour', factor: 1 }, hr: { kind: 'duration:hour', factor: 1 },
  hrs: { kind: 'duration:hour', factor: 1 }, yr: { kind: 'duration:year', factor: 1 }, yrs: { kind: 'duration:year', factor: 1 },
  wk: { kind: 'duration:day', factor: 7 }, wks: { kind: 'duration:day', factor: 7 },
};
const durationOf = (word: string | undefined) => (word ? DURATIONS[word.toLowerCase()] ?? null : null);

/** Number words that state a count ("six weeks", "Fourteen soldiers"); one and two say too little to compare. */
const NUMBER_WORDS: Record<string, number> = {
  three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, dozen: 12,
};
const UNIT_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
/**
 * Number words of the glossary's other languages (Spanish, French, German, Portuguese, Italian, Dutch), read in a text in one
 * of them only: "Doce muertos" is twelve dead. Left out where a word means something else there too ("sei": six, and
 * "you are" or "I know"; "cent", "cento": a hundred, and "per cent"; "dez": ten, and December; "otto": eight, and a name;
 * "venti": twenty, and winds).
 */
const FOREIGN_NUMBER_WORDS: Record<string, number> = {
  tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13, catorce: 14,
  quince: 15, 'dieciséis': 16, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, treinta: 30,
  cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90, cien: 100,
  trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15,
  seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  drei: 3, vier: 4, 'fünf': 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, 'zwölf': 12, zwoelf: 12,
  dreizehn: 13, vierzehn: 14, 'fünfzehn': 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19, zwanzig: 20,
  'dreißig': 30, dreissig: 30, vierzig: 40, 'fünfzig': 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100,
  'três': 3, quatro: 4, sete: 7, oito: 8, nove: 9, doze: 12, treze: 13, catorze: 14, dezesseis: 16, dezessete: 17,
  dezoito: 18, dezenove: 19, vinte: 20, trinta: 30, quarenta: 40, cinquenta: 50, sessenta: 60, oitenta: 80, cem: 100,
  tre: 3, quattro: 4, cinque: 5, sette: 7, dieci: 10, undici: 11, dodici: 12, tredici: 13, quattordici: 14, quindici: 15,
  sedici: 16, diciassette: 17, diciotto: 18, diciannove: 19, trenta: 30, quaranta: 40, settanta: 70,
  ottanta: 80, novanta: 90,
  drie: 3, vijf: 5, zes: 6, zeven: 7, negen: 9, tien: 10, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16,
  zeventien: 17, achttien: 18, negentien: 19, twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70,
  tachtig: 80, negentig: 90, honderd: 100,
};
const FOREIGN_WORD_FIGURE_RE = new RegExp(
  String.raw`(?<![\p{L}-])(?<n>${Object.keys(FOREIGN_NUMBER_WORDS).join('|')})(?![\p{L}-])` +
    String.raw`(?:\s+(?<scale>mil millones|mil milh(?:õ|o)es|millones|mill[oó]n|milh(?:õ|o)es|milh[ãa]o|millionen|millions?|milioni|milione|milliards?|milliarden?|billionen|miliardi|miljoen|miljard|biljoen|trilh(?:õ|o)es|mil))?` +
    String.raw`(?<pct>\s+(?:por ciento|pour cent|per cento|por cento|prozent)(?![\p{L}]))?`,
  'giu',
);
const WORD_FIGURE_RE = new RegExp(
  String.raw`\b(?<n>${Object.keys(NUMBER_WORDS).join('|')})(?:[\s-](?<u>${Object.keys(UNIT_WORDS).join('|')}))?` +
    String.raw`(?:\s+(?<scale>hundred|thousand|million|billion|trillion))?\b(?!-)(?:\s+(?<word>[a-z]+))?`,
  'gi',
);
/**
 * Function words of the languages posts quote most after English (Spanish, Portuguese, French, German, Italian), and
 * English's own; words that are function words in English too ("a", "in", "die", "no") are in neither list.
 */
export const FOREIGN_FUNCTION_WORDS = new Set([
  'el', 'los', 'las', 'del', 'y', 'que', 'por', 'para', 'con', 'una', 'año', 'según', 'pero', 'muy', 'está', 'están', 'hay',
  'os', 'da', 'dos', 'em', 'na', 'nas', 'nos', 'um', 'uma', 'ano', 'não', 'são', 'foi', 'último', 'última',
  'le', 'les', 'des', 'du', 'et', 'est', 'pour', 'dans', 'sur', 'lors', 'il', 'elle', 'à', 'au', 'aux', 'été', 'sont', 'une', 'ont',
  'der', 'das', 'und', 'im', 'ist', 'hat', 'mit', 'von', 'den', 'dem', 'ein', 'eine', 'für', 'auf', 'nicht', 'zu', 'sind', 'wurden',
  'gli', 'della', 'di', 'che', 'nel', 'sono', 'è', 'anno',
]);
const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'is', 'are', 'was', 'were', 'for', 'on', 'with', 'by', 'from', 'at', 'that', 'this', 'has', 'have',
  'had', 'will', 'be', 'been', 'it', 'its', 'than', 'they', 'their', 'not', 'an', 'after', 'into', 'over', 'more', 'all', 'who',
]);

/** A text in another language: at least two of its words are another language's function words, and more than are English ones. */
export const otherLanguage: (text: string) => boolean = perText(readOtherLanguage);

function readOtherLanguage(text: string): boolean {
  let foreign = 0;
  let english = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FOREIGN_FUNCTION_WORDS.has(w)) foreign++;
    else if (ENGLISH_FUNCTION_WORDS.has(w)) english++;
  }
  return foreign >= 2 && foreign > english;
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2099;

export interface TextFigures {
  figures: Figure[];
  years: Set<number>;
}

/**
 * The figures and the years a text states. Remembered (a bounded cache, as otherLanguage): ranking meets each
 * candidate once per query claim, and a long article's claims meet the same candidates again. A fresh copy each
 * call: callers add to the lists.
 */
export function figuresIn(text: string): TextFigures {
  const known = figuresRead(text);
  return { figures: [...known.figures], years: new Set(known.years) };
}
const figuresRead = perText(readFigures);

function readFigures(text: string): TextFigures {
  const figures: Figure[] = [];
  // Spanish, Portuguese, French, German and Italian group thousands with a point: "100.000" there is 100,000 only.
  const foreign = otherLanguage(text);
  const years = new Set<number>();
  // Numbers that modify a word are not figures: a 30-year mortgage, 5G, the 3rd time.
  let scanned = text.replace(/(?<![\w.,])\d+(?:\.\d+)?(?:-(?=\p{L})|(?:st|nd|rd|th)\b|[AC-JLN-SU-Z]\b)/gu, (x) => ' '.repeat(x.length));
  const otherTongue = foreign || !mostlyEnglish(text);
  // Fractions of a scale and shares said in words go first, and are blanked once read: no later pass then reads a
  // part of them ("a quarter of" in "a quarter of a million" as a share, "three" in "three in ten" as a count).
  // (Each pass only where its words can be: most texts have none of them.)
  const lower = text.toLowerCase();
  if (lower.includes('illion')) scanned = readAndBlank(scanned, SCALED_FRACTION_RE, (m) => {
    const g = m.groups!;
    const part = g.half ? 1 / 2 : g.part ? 1 / PARTS[g.part.toLowerCase()] : g.quarters ? 3 / 4 : g.thirds ? 2 / 3 : UNIT_WORDS[g.whole.toLowerCase()] + 1 / 2;
    const value = part * SCALE[g.scale.toLowerCase()];
    const currency = currencyAfter(g.word, g.next);
    figures.push({ kind: currency ? `money:${currency}` : 'count', readings: [hedged(value, hedgeBefore(scanned, m.index!))], values: [value] });
  });
  const share = (value: number) => {
    figures.push({ kind: 'percent', readings: [widen(value, APPROXIMATE_TOLERANCE)], values: [value] });
  };
  if (FRACTION_WORD.test(lower)) for (const [re, value] of FRACTION_SHARES) scanned = readAndBlank(scanned, re, (m) => share(value((m[1] ?? m[2])?.toLowerCase())));
  if (lower.includes(' in ') || lower.includes(' out of ')) scanned = readAndBlank(scanned, WORD_SHARE_RE, (m) => {
    const [n, d] = [m.groups!.n, m.groups!.d].map((x) => SHARE_WORDS[x.toLowerCase()] ?? Number(x));
    if (!(d > 0 && n <= d)) return false;
    share((100 * n) / d);
  });
  if (lower.includes('/')) scanned = readAndBlank(scanned, SLASH_SHARE_RE, (m) => {
    const g = m.groups!;
    if ((!g.by && !g.of) || Number(g.n) >= Number(g.d)) return false;
    share((100 * Number(g.n)) / Number(g.d));
  });
  if (otherTongue) for (const [re, value] of FOREIGN_SHARES) scanned = readAndBlank(scanned, re, () => share(value));
  for (const m of scanned.matchAll(WORD_FIGURE_RE)) {
    const scale = m.groups!.scale ? SCALE[m.groups!.scale.toLowerCase()] ?? 1 : 1;
    const n = (NUMBER_WORDS[m.groups!.n.toLowerCase()] + (m.groups!.u ? UNIT_WORDS[m.groups!.u.toLowerCase()] : 0)) * scale;
    const span = durationOf(m.groups!.word);
    // "five bucks", "ten euros": an amount of money.
    const currency = currencyAfter(m.groups!.word, undefined);
    const kind: FigureKind = currency ? `money:${currency}` : span?.kind ?? 'count';
    figures.push({ kind, readings: [span ? widen(n * span.factor, EXACT_TOLERANCE) : exactInterval(n)], values: [n * (span?.factor ?? 1)] });
  }
  if (otherTongue) {
    for (const m of scanned.matchAll(FOREIGN_WORD_FIGURE_RE)) {
      const g = m.groups!;
      const scaleWord = g.scale?.toLowerCase();
      const n = FOREIGN_NUMBER_WORDS[g.n.toLowerCase()] * (scaleWord === 'mil' ? 1e3 : scaleWord ? SCALE[scaleWord] ?? 1 : 1);
      figures.push(g.pct ? { kind: 'percent', readings: [widen(n, APPROXIMATE_TOLERANCE)], values: [n] } : { kind: 'count', readings: [exactInterval(n)], values: [n] });
    }
  }
  for (const m of scanned.matchAll(FIGURE_RE)) {
    const g = m.groups!;
    const raw = g.num;
    const sign = g.sign?.toLowerCase().replace(/[.\s]/g, '');
    const scaleWord = g.scale?.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
    // "$34T" is trillions, "5 t" tonnes; "$3 mil" is millions, "3 mil km²" (Spanish, Portuguese) thousands.
    const scale = scaleWord?.startsWith('lakh') && scaleWord.includes(' ') ? 1e12 : scaleWord === 'mil' ? (sign ? 1e6 : 1e3) : scaleWord === 't' ? (sign ? 1e12 : 1) : scaleWord ? SCALE[scaleWord] : 1;
    let values: number[];
    if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(raw)) values = [Number(raw.replace(/,/g, ''))];
    else if (/^\d{1,3}(?:['’]\d{3})+$/.test(raw)) values = [Number(raw.replace(/['’]/g, ''))];
    else if (/^\d{1,3}(?:\.\d{3})+$/.test(raw)) values = raw.split('.').length > 2 || foreign ? [Number(raw.replace(/\./g, ''))] : [Number(raw), Number(raw.replace('.', ''))];
    else if (/^\d{1,3}(?: \d{3})+$/.test(raw)) values = [Number(raw.replace(/ /g, ''))];
    else if (/^\d+,\d+$/.test(raw)) values = [Number(raw.replace(',', '.'))]; // "1,5 millones"
    else values = [Number(raw)];
    const currency = sign ? CURRENCY_SIGN[sign] : g.signAfter ? CURRENCY_SIGN[g.signAfter.toLowerCase()] : currencyAfter(g.word, g.next);
    if (g.of && !g.pct && !g.scale && Number(g.of) > 0) {
      // "3 in 5", "one out of 4": a share.
      figures.push({ kind: 'percent', readings: values.map((v) => widen((100 * v) / Number(g.of), APPROXIMATE_TOLERANCE)) });
      continue;
    }
    const plain = !sign && !g.scale && !g.pct && values.length === 1 && /^\d{4}$/.test(raw);
    const hedge = hedgeBefore(scanned, m.index);
    // "in 2002", "2002 law": a year; "2000 workers" counts workers, and so does a hedged one ("over 2000 dead people").
    if (plain && hedge === 'exact' && values[0] >= YEAR_MIN && values[0] <= YEAR_MAX && !/^(?!years$)[a-z]+s$/.test(g.word ?? '')) {
      years.add(values[0]);
      continue;
    }
    const span = g.pct || currency || g.scale ? null : durationOf(g.word);
    const kind: FigureKind = g.pct ? 'percent' : currency ? `money:${currency}` : span?.kind ?? 'count';
    if (span) {
      figures.push({ kind, readings: values.map((v) => widen(v * span.factor, EXACT_TOLERANCE)), values: values.map((v) => v * span.factor) });
      continue;
    }
    // A lone "1" or "2" is an article's grammar as often as a figure ("1 of the", "2 sides"): no evidence either way.
    if (kind === 'count' && values.every((v) => v * scale < 3)) continue;
    figures.push({ kind, readings: values.map((v) => hedged(v * scale, hedge)), values: values.map((v) => v * scale) });
  }
  return { figures, years };
}

/**
 * Reads each match of `re` in `text`; returns the text with the matches it read blanked, for the passes after it
 * (`read` returns false for a match it leaves).
 */
function readAndBlank(text: string, re: RegExp, read: (m: RegExpMatchArray) => boolean | void): string {
  let out = text;
  for (const m of text.matchAll(re)) {
    if (read(m) === false) continue;
    out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index! + m[0].length);
  }
  return out;
}

const PARTS: Record<string, number> = { half: 2, third: 3, quarter: 4, fifth: 5, tenth: 10 };
/** A word every FRACTION_SHARES pattern holds. */
const FRACTION_WORD = /half|halv|third|quarter|fifth|tenth/;
/** A fraction of a scale: "half a billion dollars", "a quarter of a million", "three quarters of a million", "one and a half million". */
const SCALED_FRACTION_RE = new RegExp(
  String.raw`\b(?:(?<half>half)|(?:a|one)[-\s](?<part>quarter|third|fifth|tenth)(?:\s+of)?|three[-\s](?<quarters>quarters)(?:\s+of)?|two[-\s](?<thirds>thirds)(?:\s+of)?|(?<whole>${Object.keys(UNIT_WORDS).join('|')})\s+and\s+a\s+half)` +
    String.raw`\s+(?:an?\s+)?(?<scale>million|billion|trillion)\b(?:\s+(?<word>\p{L}+)(?:\s+(?<next>\p{L}+))?)?`,
  'giu',
);
const SHARE_WORDS: Record<string, number> = { ...UNIT_WORDS, ten: 10 };
/** "one in four", "nine out of ten", "one in 10": a share (digits over digits are FIGURE_RE's). */
const WORD_SHARE_RE = new RegExp(
  String.raw`\b(?<n>${Object.keys(SHARE_WORDS).join('|')})\s+(?:in|out\s+of)\s+(?<d>${Object.keys(SHARE_WORDS).join('|')}|\d{1,3})\b(?![.,]?\d)`,
  'gi',
);
/** "1/3 of", "2/3 des", "cut by 1/4": a share (not a date: a fraction below one, with "of" after it or "by" before it). */
const SLASH_SHARE_RE = /(?<by>\bby\s+)?(?<![\w/.,])(?<n>[1-9])\s?\/\s?(?<d>[2-9]|10)(?![\w/.,])(?<of>\s+(?:of|de|des|der|die|dos|das|del|della|van)\b)?/giu;
/**
 * Shares said in words in the glossary's other languages, read in a text in one of them only: "la mitad", "die Hälfte",
 * "deux tiers", "un tercio", "drei Viertel", "een kwart" (not "un quart d'heure", a quarter of an hour; not Portuguese
 * "um quarto", which is also a room).
 */
const FOREIGN_SHARES: Array<[RegExp, number]> = [
  [/(?<![\p{L}])(?:la\s+mitad|la\s+moiti[ée]|die\s+h[äa]lfte|a\s+metade|la\s+met[àa]|de\s+helft)(?![\p{L}])/giu, 50],
  [/(?<![\p{L}])(?:dos|deux|zwei|dois|due|twee)\s+(?:tercios|tiers|drittel|ter[çc]os|terzi|derde)(?![\p{L}])/giu, 200 / 3],
  [/(?<![\p{L}])(?:un|una|um|uma|ein|eine|een)\s+(?:tercio|tiers|drittel|ter[çc]o|terzo|derde)(?![\p{L}])/giu, 100 / 3],
  [/(?<![\p{L}])(?:tres|trois|drei|tr[êe]s|tre|drie)\s+(?:cuartos|quarts|viertel|quartos|quarti|kwart)(?![\p{L}])/giu, 75],
  [/(?<![\p{L}])(?:un|ein|een)\s+(?:cuarto|quart|viertel|kwart)(?![\p{L}]|\s+d['’])/giu, 25],
];
/**
 * Shares said in words: a change "in half", "halved", "by a third"; "a quarter of", "one-third", "two-thirds". Not "half
 * a million" (a fraction of a scale, SCALED_FRACTION_RE, read before these), "in half an hour", or "a third term" (an
 * ordinal).
 */
const FRACTION_SHARES: Array<[RegExp, (part: string | undefined) => number]> = [
  [/\b(?:by|in)\s+half\b(?!\s+an?\b)|\bhalv(?:ed|es|ing)\b/gi, () => 50],
  [/\bby\s+(?:a|one)[-\s]?(half|third|quarter|fifth|tenth)\b/gi, (p) => 100 / PARTS[p!]],
  [/\b(?:a|one)\s+(third|quarter|fifth|tenth)\s+of\b|(?<!by\s+)\bone-(third|quarter|fifth|tenth)\b/gi, (p) => 100 / PARTS[p!]],
  [/\btwo[-\s]thirds\b/gi, () => 200 / 3],
  [/\bthree[-\s]quarters\b/gi, () => 75],
];

/** The hedge written just before a figure: "more than 550,000", "some 600,000", "up to 40 %". */
function hedgeBefore(text: string, at: number): Qualifier {
  const before = text.slice(Math.max(0, at - 24), at).toLowerCase();
  // English, then the hedges of posts in Spanish, Portuguese, French, German and Italian ("plus de 60 000", "etwa 26.000").
  if (/(?:more than|over|at least|upwards of|in excess of|\+|m[aá]s de|mais de|plus de|au moins|al menos|pelo menos|mehr als|[uü]ber|mindestens|oltre|pi[uù] di)\s*$/.test(before)) return 'lower_bound';
  if (/(?:up to|fewer than|less than|under|at most|nearly|almost|just under|menos de|moins de|weniger als|bis zu|casi|quase|presque|quasi|meno di)\s*$/.test(before)) return 'upper_bound';
  if (/(?:about|around|some|roughly|approximately|an estimated|estimated|~|circa|environ|pr[eè]s de|unos|unas|alrededor de|cerca de|aproximadamente|etwa|rund|ungef[aä]hr|circa)\s*$/.test(before)) return 'approximate';
  return 'exact';
}

/**
 * A stated figure as an interval. Bounds stay near the bound (a quarter beyond it at most): "at least 212" is not a
 * toll of 312, while "more than 550,000" and "some 600,000" may be one figure.
 */
function hedged(v: number, hedge: Qualifier): Interval {
  switch (hedge) {
    case 'lower_bound':
      return v >= 0 ? [v, v * TEXT_BOUND_FACTOR] : [v * TEXT_BOUND_FACTOR, v];
    case 'upper_bound':
      return v >= 0 ? [v / TEXT_BOUND_FACTOR, v] : [v, v / TEXT_BOUND_FACTOR];
    case 'approximate':
      return widen(v, TEXT_APPROXIMATE_TOLERANCE);
    default:
      return exactInterval(v);
  }
}
const TEXT_BOUND_FACTOR = 1.1;
const TEXT_APPROXIMATE_TOLERANCE = 0.08;

/**
 * A text's figures as the retrieval terms `#<value>` that claims.match_terms holds for extracted figures: a post in
 * another language or with another spelling ("1,5 millones", "100.000") still finds the claim by its number.
 */
export function figureTerms(text: string): string[] {
  return [...new Set(figuresIn(text).figures.flatMap((f) => f.values ?? []).map((v) => `#${v}`))];
}

function widen(v: number, tol: number): Interval {
  const a = v * (1 - tol);
  const b = v * (1 + tol);
  return a <= b ? [a, b] : [b, a];
}

/**
 * The claim's figures: those its text states, and the extracted quantity (it reads what the text scan does not:
 * "a quarter of a million"). The text's own reading wins where both read one figure ("at least 212" is 212, not the
 * open interval up to 318 that the quantity stands for); a range the extractor read ("between 8,000 and 12,000") wins
 * over its two ends.
 */
export function claimFigures(c: MatchableClaim, unit: string | null): TextFigures {
  const found = figuresIn(c.text);
  const interval = intervalOf(c.quantity);
  // The extractor reads English conventions: in another language its figure is often a part of one ("100" of "100.000").
  if (!interval || (found.figures.length > 0 && otherLanguage(c.text))) return found;
  const kind: FigureKind = unit === 'percent' ? 'percent' : unit && /^[A-Z]{3}$/.test(unit) ? `money:${unit}` : 'count';
  if (kind === 'count' && interval[0] >= YEAR_MIN * 0.98 && interval[1] <= YEAR_MAX * 1.02 && found.years.size > 0) return found;
  const inside = (f: Figure) => f.kind === kind && f.readings.some((r) => overlaps(r, interval));
  if (c.quantity?.qualifier === 'range') {
    found.figures = found.figures.filter((f) => !inside(f));
  } else if (found.figures.some(inside)) {
    return found;
  } else {
    // The text states the extracted number with a scale word the extractor did not read ("R$ 2 bilhões" read as 2), or
    // reads it as a count where the extractor knew the currency ("450.000 pesos"): one figure, the text's reading of
    // it, of the kind the better informed of the two gives.
    const i = found.figures.findIndex((f) => (f.kind === 'count' && scaleOf(f, interval, UP_TO_TRILLIONS))
      || ((f.kind === kind || kind === 'count') && scaleOf(f, interval, SCALES_ONLY)));
    if (i >= 0) {
      if (found.figures[i].kind === 'count') found.figures[i] = { ...found.figures[i], kind };
      return found;
    }
  }
  found.figures.push({ kind, readings: [interval] });
  return found;
}

const SCALES_ONLY = [1e3, 1e6, 1e9, 1e12];
const UP_TO_TRILLIONS = [1, ...SCALES_ONLY];
/** A reading of the figure is the interval's number times one of the scales. */
function scaleOf(f: Figure, interval: Interval, scales: readonly number[]): boolean {
  for (const v of f.values ?? []) {
    for (const scale of scales) {
      const n = v / scale;
      if (n >= interval[0] * 0.999 && n <= interval[1] * 1.001) return true;
    }
  }
  return false;
}

/** (`value`: the figure both state, the middle of the query's reading, to two decimals; `detail()`: what differs, for a reason.) */
export type FigureEvidence =
  | { verdict: 'same'; value: number }
  | { verdict: 'contradicts'; detail(): string }
  | { verdict: 'one_side' | 'none' | 'unrelated' };

const overlaps = (a: Interval, b: Interval) => Math.max(a[0], b[0]) <= Math.min(a[1], b[1]);
const middle = (i: Interval) => Math.round(((i[0] + i[1]) / 2) * 100) / 100;
/** Two figures of one kind with readings that overlap (`kind`: b's kind taken as this one). */
function alike(a: Figure, b: Figure, kind = b.kind): boolean {
  if (a.kind !== kind) return false;
  for (const ra of a.readings) for (const rb of b.readings) if (overlaps(ra, rb)) return true;
  return false;
}
function statesAlike(figures: readonly Figure[], b: Figure): boolean {
  for (const a of figures) if (alike(a, b)) return true;
  return false;
}
const NO_FIGURES: FigureEvidence = Object.freeze({ verdict: 'none' });
const ONE_SIDE: FigureEvidence = Object.freeze({ verdict: 'one_side' });
const UNRELATED: FigureEvidence = Object.freeze({ verdict: 'unrelated' });

/**
 * Figures of one kind that each claim states and the other does not: the two claims give different numbers for
 * something (100,000 against 10,000 troops; 3,000 against 300 birds, whatever else they share). The same amount in
 * two currencies contradicts too. Otherwise a figure both state is evidence for the match.
 * (Loops without closures, and a refusal's detail written only when asked for: this runs for every pair extraction
 * ranks, and most are refused.)
 */
export function compareFigures(q: TextFigures, c: TextFigures): FigureEvidence {
  if (q.figures.length === 0 && c.figures.length === 0) return NO_FIGURES;
  if (q.figures.length === 0 || c.figures.length === 0) return ONE_SIDE;
  // A figure of the query the candidate does not state, against the first of its kind that the candidate states alone.
  for (const a of q.figures) {
    if (statesAlike(c.figures, a)) continue;
    for (const b of c.figures) {
      if (b.kind === a.kind && !statesAlike(q.figures, b)) {
        return { verdict: 'contradicts', detail: () => `${middle(a.readings[0])}≠${middle(b.readings[0])}` };
      }
    }
  }
  for (const a of q.figures) {
    for (const b of c.figures) {
      if (a.kind !== b.kind && a.kind.startsWith('money:') && b.kind.startsWith('money:') && alike(a, b, a.kind)) {
        return { verdict: 'contradicts', detail: () => `${a.kind}≠${b.kind}` };
      }
    }
  }
  for (const a of q.figures) {
    for (const b of c.figures) {
      if (a.kind !== b.kind) continue;
      for (const ra of a.readings) for (const rb of b.readings) if (overlaps(ra, rb)) return { verdict: 'same', value: middle(ra) };
    }
  }
  return UNRELATED;
}

