/**
 * Which NLP base for the extractor (issue 11): our own splitter and tokenizer, wink-nlp (wink-eng-lite-web-model) and
 * compromise, compared on
 *  (a) sentence boundaries over every labelled set: gold quantity spans a splitter cuts in two, and how often the
 *      splitters agree on where sentences end;
 *  (b) part of speech on test/fixtures/pos-sample.json (our own news-style sentences, hand-tagged with Universal POS
 *      before any tagger ran): accuracy, verb vs non-verb, proper noun vs not (the decisions notAVerb, isTitleCase
 *      and isCapNP guess by hand);
 *  (c) speed on one core over the labelled sets' sentences.
 * `npx tsc -p tsconfig.build.json && node dist/bench/nlp-base.js`
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { splitSentences } from '../src/extractor/index.js';
import { isTitleCase, notAVerb } from '../src/extractor/stages/attribution/index.js';
import { SPEECH_VERBS as STRONG_SPEECH, WEAK_SPEECH } from '../src/extractor/resources/speech-verbs.js';
import { tagged, tokenize, type Upos } from '../src/extractor/stages/tokens/index.js';
import { nthIndexOf, repoRoot } from './corpus.js';
import { labelledSets } from './quality.js';
import { timeLoop } from './run.js';

type Span = [number, number];

/** `--errors`: list every token a tagger gets wrong on the POS sample. */
const SHOW_ERRORS = process.argv.includes('--errors');

// ---------- (a) sentence boundaries ----------

const winkFull = winkNLP(model);
const winkPos = winkNLP(model, ['pos']);

/** Sentence spans of wink: its sentences' token spans mapped back to characters. */
function winkSentences(text: string): Span[] {
  const doc = winkFull.readDoc(text);
  const words = doc.tokens().out(winkFull.its.value) as string[];
  const starts: number[] = [];
  let at = 0;
  for (const w of words) {
    const s = text.indexOf(w, at);
    starts.push(s < 0 ? at : s);
    at = s < 0 ? at : s + w.length;
  }
  const ends = words.map((w, i) => starts[i] + w.length);
  return (doc.sentences().out(winkFull.its.span) as unknown as Array<[number, number]>).map(([a, b]) => [starts[a], ends[b]]);
}

function compromiseSentences(text: string): Span[] {
  return (nlp(text).json({ offset: true }) as Array<{ offset: { start: number; length: number } }>).map((s) => [s.offset.start, s.offset.start + s.offset.length]);
}

const oursSentences = (text: string): Span[] => splitSentences(text).map((s) => [s.start, s.end]);

/** A library run line by line: a line break ends a sentence in every splitter (headlines and bullets have no stop). */
function byLine(split: (t: string) => Span[]): (t: string) => Span[] {
  return (text) => {
    const out: Span[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      if (line.trim()) for (const [a, b] of split(line)) out.push([a + at, b + at]);
      at += line.length + 1;
    }
    return out;
  };
}

/** Where a sentence ends, after trimming trailing spaces (so splitters that keep them compare equal). */
function ends(text: string, spans: Span[]): Set<number> {
  const out = new Set<number>();
  for (const [, b] of spans) {
    let e = b;
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    out.add(e);
  }
  return out;
}

const SPLITTERS: Array<[string, (t: string) => Span[]]> = [
  ['ours (splitSentences)', oursSentences],
  ['wink-nlp, whole text', winkSentences],
  ['wink-nlp, line by line', byLine(winkSentences)],
  ['compromise, whole text', compromiseSentences],
  ['compromise, line by line', byLine(compromiseSentences)],
];

function boundaries(): void {
  const sets = labelledSets();
  const articles = sets.flatMap((s) => s.articles);
  const gold = articles.flatMap((a) =>
    a.claims.flatMap((g) => {
      const k = nthIndexOf(a.text, g.quantityText, g.nth);
      return k < 0 ? [] : [{ a, span: [k, k + g.quantityText.length] as Span }];
    }),
  );
  console.log(`## (a) Sentence boundaries: ${sets.length} labelled sets, ${articles.length} articles, ${gold.length} gold quantity spans\n`);
  console.log('| splitter | sentences | gold quantity spans cut in two | boundaries shared with ours (P / R vs ours) |');
  console.log('| --- | ---: | ---: | ---: |');
  const oursEnds = new Map(articles.map((a) => [a, ends(a.text, oursSentences(a.text))]));
  for (const [name, split] of SPLITTERS) {
    let sentences = 0;
    let cut = 0;
    let shared = 0;
    let theirs = 0;
    let ourTotal = 0;
    const byArticle = new Map(articles.map((a) => [a, split(a.text)]));
    for (const [a, ss] of byArticle) {
      sentences += ss.length;
      const e = ends(a.text, ss);
      const o = oursEnds.get(a)!;
      theirs += e.size;
      ourTotal += o.size;
      for (const x of e) if (o.has(x)) shared++;
    }
    if (SHOW_ERRORS && name !== SPLITTERS[0][0]) {
      for (const [a, ss] of byArticle) {
        const e = ends(a.text, ss);
        const o = oursEnds.get(a)!;
        const at = (x: number) => JSON.stringify(`${a.text.slice(Math.max(0, x - 30), x)}|${a.text.slice(x, x + 20)}`);
        for (const x of e) if (!o.has(x)) console.log(`  ${name} only: ${at(x)}`);
        for (const x of o) if (!e.has(x)) console.log(`  ours only (vs ${name}): ${at(x)}`);
      }
    }
    const cutExamples: string[] = [];
    for (const { a, span } of gold) {
      const ss = byArticle.get(a)!;
      if (!ss.some(([s, e]) => s <= span[0] && span[1] <= e)) {
        cut++;
        if (cutExamples.length < 3) cutExamples.push(a.text.slice(span[0], span[1]));
      }
    }
    console.log(`| ${name} | ${sentences} | ${cut}${cutExamples.length ? ` (e.g. ${cutExamples.map((x) => JSON.stringify(x)).join(', ')})` : ''} | ${pct(shared, theirs)} / ${pct(shared, ourTotal)} |`);
  }
}

// ---------- (b) part of speech ----------

interface PosSentence {
  text: string;
  tokens: Array<[string, Upos]>;
}

interface GoldTok {
  w: string;
  pos: Upos;
  s: number;
  e: number;
  sentence: number;
  first: boolean;
}

function goldTokens(sample: PosSentence[]): GoldTok[] {
  const out: GoldTok[] = [];
  sample.forEach((sen, n) => {
    let at = 0;
    sen.tokens.forEach(([w, pos], i) => {
      const s = sen.text.indexOf(w, at);
      if (s < 0) throw new Error(`pos-sample: ${w} not found in ${sen.text}`);
      at = s + w.length;
      out.push({ w, pos, s, e: at, sentence: n, first: i === 0 });
    });
  });
  return out;
}

type Tagger = (sentence: string) => Array<{ s: number; e: number; pos: Upos }>;

const winkTagger: Tagger = (sentence) => {
  const doc = winkPos.readDoc(sentence);
  const words = doc.tokens().out(winkPos.its.value) as string[];
  const tags = doc.tokens().out(winkPos.its.pos) as string[];
  const out: Array<{ s: number; e: number; pos: Upos }> = [];
  let at = 0;
  words.forEach((w, i) => {
    const s = sentence.indexOf(w, at);
    if (s < 0) return;
    at = s + w.length;
    out.push({ s, e: at, pos: tags[i] as Upos });
  });
  return out;
};

const CCONJ = new Set(['and', 'or', 'but', 'nor', 'yet', 'so']);
/** compromise's tags to Universal POS (compromise attaches punctuation to its terms, so it never says PUNCT). */
function compromiseUpos(text: string, tags: string[]): Upos {
  const has = (t: string) => tags.includes(t);
  if (has('Value') || has('Cardinal') || has('NumericValue') || has('Money') || has('Percent')) return 'NUM';
  if (has('Determiner')) return 'DET';
  if (has('Pronoun')) return 'PRON';
  if (has('Modal') || has('Auxiliary') || has('Copula')) return 'AUX';
  if (has('Negative')) return 'PART';
  if (has('Preposition')) return 'ADP';
  if (has('Conjunction')) return CCONJ.has(text.toLowerCase()) ? 'CCONJ' : 'SCONJ';
  if (has('Verb')) return 'VERB';
  if (has('ProperNoun')) return 'PROPN';
  if (has('Noun')) return 'NOUN';
  if (has('Adjective')) return 'ADJ';
  if (has('Adverb')) return 'ADV';
  if (has('Expression')) return 'INTJ';
  return 'X';
}

const compromiseTagger: Tagger = (sentence) =>
  (nlp(sentence).json({ offset: true, terms: { offset: true } }) as Array<{ terms: Array<{ text: string; tags: string[]; offset: { start: number; length: number } }> }>)
    .flatMap((s) => s.terms)
    .map((t) => ({ s: t.offset.start, e: t.offset.start + t.offset.length, pos: compromiseUpos(t.text, t.tags) }));

/** The extractor's own tokens with tags.ts's tags (wink aligned onto our tokens): what the rules would see. */
const oursTagged: Tagger = (sentence) => tagged(tokenize(sentence), sentence).map((t) => ({ s: t.s, e: t.e, pos: t.pos }));

interface PosScore {
  tokensAligned: number;
  correct: number;
  words: number;
  verb: Binary;
  propn: Binary;
  capitalisedPropn: Binary;
}

interface Binary {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const binary = (): Binary => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function count(b: Binary, gold: boolean, said: boolean): void {
  if (gold && said) b.tp++;
  else if (said) b.fp++;
  else if (gold) b.fn++;
  else b.tn++;
}
const accuracy = (b: Binary) => pct(b.tp + b.tn, b.tp + b.tn + b.fp + b.fn);
const f1 = (b: Binary) => (b.tp === 0 ? '0.000' : ((2 * b.tp) / (2 * b.tp + b.fp + b.fn)).toFixed(3));

/** Scores a tagger on the words of the sample (punctuation left out: compromise does not tag it). */
function scorePos(sample: PosSentence[], gold: GoldTok[], tagger: Tagger): PosScore {
  const out: PosScore = { tokensAligned: 0, correct: 0, words: 0, verb: binary(), propn: binary(), capitalisedPropn: binary() };
  const tagsBySentence = sample.map((s) => tagger(s.text));
  for (const g of gold) {
    if (g.pos === 'PUNCT') continue;
    const tags = tagsBySentence[g.sentence];
    const exact = tags.find((t) => t.s === g.s && t.e === g.e);
    const cover = exact ?? tags.find((t) => t.s <= g.s && g.s < t.e);
    const pos = cover?.pos ?? 'X';
    out.words++;
    if (pos !== g.pos && SHOW_ERRORS) console.log(`  ${JSON.stringify(sample[g.sentence].text.slice(0, 40))}… ${g.w}: gold ${g.pos}, tagger ${pos}`);
    if (exact) out.tokensAligned++;
    if (pos === g.pos) out.correct++;
    count(out.verb, g.pos === 'VERB', pos === 'VERB');
    count(out.propn, g.pos === 'PROPN', pos === 'PROPN');
    if (/^\p{Lu}/u.test(g.w)) count(out.capitalisedPropn, g.pos === 'PROPN', pos === 'PROPN');
  }
  return out;
}

/**
 * The hand-written guesses of today's extractor on the same sample: a capitalised word that does not open the
 * sentence, in a sentence not in title case, is a name (isCapNP + isTitleCase); a speech word is a verb unless
 * notAVerb says otherwise.
 */
function handWritten(sample: PosSentence[], gold: GoldTok[]): { propn: Binary; capitalisedPropn: Binary; speechVerb: Binary; speechVerbWink: Binary; speechWords: number } {
  const propn = binary();
  const capitalisedPropn = binary();
  const speechVerb = binary();
  const speechVerbWink = binary();
  let speechWords = 0;
  sample.forEach((sen, n) => {
    const toks = tokenize(sen.text);
    const titleCase = isTitleCase(toks);
    const tags = tagged(tokenize(sen.text), sen.text);
    for (const g of gold.filter((x) => x.sentence === n && x.pos !== 'PUNCT')) {
      const i = toks.findIndex((t) => t.s <= g.s && g.s < t.e);
      if (i < 0) continue;
      const t = toks[i];
      const guess = t.k === 'word' && t.cap && i > 0 && !titleCase;
      count(propn, g.pos === 'PROPN', guess);
      if (/^\p{Lu}/u.test(g.w)) count(capitalisedPropn, g.pos === 'PROPN', guess);
      if (STRONG_SPEECH.has(t.l) || WEAK_SPEECH.has(t.l)) {
        speechWords++;
        count(speechVerb, g.pos === 'VERB', !notAVerb(toks, i, titleCase));
        count(speechVerbWink, g.pos === 'VERB', tags[i].pos === 'VERB');
      }
    }
  });
  return { propn, capitalisedPropn, speechVerb, speechVerbWink, speechWords };
}

function partOfSpeech(): void {
  const file = join(repoRoot(), 'test', 'fixtures', 'pos-sample.json');
  const sample = (JSON.parse(readFileSync(file, 'utf8')) as { sentences: PosSentence[] }).sentences;
  const gold = goldTokens(sample);
  const words = gold.filter((g) => g.pos !== 'PUNCT').length;
  console.log(`\n## (b) Part of speech: test/fixtures/pos-sample.json, ${sample.length} sentences, ${gold.length} tokens (${words} words)\n`);
  console.log('| tagger | token boundaries = gold | UPOS accuracy (words) | verb vs not: accuracy / F1 | proper noun vs not: accuracy / F1 | capitalised words: name or not |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, tagger] of [
    ['wink-nlp (wink-eng-lite-web-model)', winkTagger],
    ['compromise (tags mapped to UPOS)', compromiseTagger],
    ['tags.ts: wink tags on our tokens', oursTagged],
  ] as Array<[string, Tagger]>) {
    if (SHOW_ERRORS) console.log(`${name}:`);
    const r = scorePos(sample, gold, tagger);
    console.log(`| ${name} | ${pct(r.tokensAligned, r.words)} | ${pct(r.correct, r.words)} | ${accuracy(r.verb)} / ${f1(r.verb)} | ${accuracy(r.propn)} / ${f1(r.propn)} | ${accuracy(r.capitalisedPropn)} (${f1(r.capitalisedPropn)} F1) |`);
  }
  const h = handWritten(sample, gold);
  console.log(`| hand-written (capitalised, not first, not title case = name) | n/a | n/a | n/a | ${accuracy(h.propn)} / ${f1(h.propn)} | ${accuracy(h.capitalisedPropn)} (${f1(h.capitalisedPropn)} F1) |`);
  console.log(`\nSpeech words of the sample (${h.speechWords}: said, told, claims, estimate, reports, …) — is it a verb here?`);
  console.log(`- notAVerb (hand-written): accuracy ${accuracy(h.speechVerb)}, F1 ${f1(h.speechVerb)} (${h.speechVerb.fp} nouns taken for verbs, ${h.speechVerb.fn} verbs missed)`);
  console.log(`- wink tag = VERB: accuracy ${accuracy(h.speechVerbWink)}, F1 ${f1(h.speechVerbWink)} (${h.speechVerbWink.fp} nouns taken for verbs, ${h.speechVerbWink.fn} verbs missed)`);
}

// ---------- (c) speed ----------

function speed(): void {
  const sentences = labelledSets().flatMap((s) => s.articles.flatMap((a) => splitSentences(a.text).map((x) => x.text)));
  const articles = labelledSets().flatMap((s) => s.articles.map((a) => a.text));
  console.log(`\n## (c) Speed, one core: ${sentences.length} sentences of the labelled sets (median of 3 runs of 1.5 s)\n`);
  console.log('| what | sentences/s |');
  console.log('| --- | ---: |');
  const rate = (fn: () => void, n: number) => {
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const { iterations, elapsed } = timeLoop(fn, 1500, 200);
      runs.push((n * iterations) / (elapsed / 1000));
    }
    return Math.round(runs.sort((a, b) => a - b)[1]).toLocaleString('en-US');
  };
  const rows: Array<[string, () => void]> = [
    ['ours: splitSentences (whole articles)', () => articles.forEach((t) => splitSentences(t))],
    ['ours: tokenize (per sentence)', () => sentences.forEach((s) => tokenize(s))],
    ['wink-nlp: full pipeline, whole articles (sentences, POS, entities…)', () => articles.forEach((t) => winkFull.readDoc(t).sentences().out())],
    ['wink-nlp: POS only, per sentence', () => sentences.forEach((s) => winkPos.readDoc(s).tokens().out(winkPos.its.pos))],
    ['tags.ts: tokenize + tagged (wink POS aligned to our tokens)', () => sentences.forEach((s) => tagged(tokenize(s), s))],
    ['compromise: sentences, whole articles', () => articles.forEach((t) => nlp(t).sentences().length)],
    ['compromise: tags, per sentence', () => sentences.forEach((s) => nlp(s).json({ terms: { offset: true } }))],
  ];
  for (const [name, fn] of rows) console.log(`| ${name} | ${rate(fn, sentences.length)} |`);
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`;
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (!only || only === 'boundaries') boundaries();
if (!only || only === 'pos') partOfSpeech();
if (!only || only === 'speed') speed();
