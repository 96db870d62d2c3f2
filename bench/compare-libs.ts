/**
 * Library comparison on the labeled corpus (numbers: detection and value; dates; sentence splitting; speed).
 * `npm run build && node dist/bench/compare-libs.js`. The libraries are devDependencies: only the extractor's
 * own grammar and chrono-node ship in production.
 */
import { Culture, recognizeNumber } from '@microsoft/recognizers-text-number';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractClaims, splitSentences } from '../src/extractor/index.js';
import { findTimes, ymdOf } from '../src/extractor/stages/time/time.js';
import { loadCorpus, nthIndexOf, type Article } from './corpus.js';
import { timeLoop } from './run.js';

interface NumEntity {
  s: number;
  e: number;
  value: number | null;
}

type NumberLib = (text: string) => NumEntity[];

const recognizers: NumberLib = (text) =>
  recognizeNumber(text, Culture.English).map((r) => ({ s: r.start, e: r.end + 1, value: Number(r.resolution?.value) }));

const compromiseLib: NumberLib = (text) =>
  (nlp(text).numbers().json({ offset: true }) as Array<{ offset?: { start: number; length: number }; number?: number | { num?: number } }>).map((n) => {
    const v = typeof n.number === 'number' ? n.number : n.number?.num ?? null;
    return { s: n.offset?.start ?? 0, e: (n.offset?.start ?? 0) + (n.offset?.length ?? 0), value: v };
  });

const wink = winkNLP(model);
const winkLib: NumberLib = (text) => {
  const doc = wink.readDoc(text);
  const out: NumEntity[] = [];
  let from = 0;
  for (const d of doc.entities().out(wink.its.detail) as unknown as Array<{ value: string; type: string }>) {
    if (!['CARDINAL', 'MONEY', 'PERCENT'].includes(d.type)) continue;
    const k = text.indexOf(d.value, from);
    if (k < 0) continue;
    from = k + d.value.length;
    out.push({ s: k, e: k + d.value.length, value: null });
  }
  return out;
};

const ours: NumberLib = (text) =>
  extractClaims(text, { publishedAt: new Date('2024-01-01T00:00:00Z') })
    .filter((c) => c.quantity)
    .flatMap((c) => {
      const q = c.quantity!;
      if (q.low !== null && q.high !== null) return [{ s: q.start, e: q.end, value: q.low }, { s: q.start, e: q.end, value: q.high }];
      return [{ s: q.start, e: q.end, value: q.value ?? q.low ?? q.high }];
    });

function near(a: number | null, b: number | null): boolean {
  if (a === null || b === null || !isFinite(a) || !isFinite(b)) return false;
  return Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.005) || Math.abs(a * 100 - b) <= Math.max(0.011, Math.abs(b) * 0.005);
}

interface NumScore {
  found: number;
  valueOk: number;
  spurious: number;
  gold: number;
  sentPerSec: number;
}

function scoreNumbers(lib: NumberLib, corpus: Article[], perSentence: boolean): NumScore {
  let found = 0;
  let valueOk = 0;
  let spurious = 0;
  let gold = 0;
  for (const a of corpus) {
    const ents: NumEntity[] = [];
    if (perSentence) {
      for (const s of splitSentences(a.text)) for (const e of lib(s.text)) ents.push({ s: e.s + s.start, e: e.e + s.start, value: e.value });
    } else ents.push(...lib(a.text));
    const spans = a.claims.map((g) => {
      const s = nthIndexOf(a.text, g.quantityText, g.nth);
      return [s, s + g.quantityText.length] as const;
    });
    a.claims.forEach((g, i) => {
      gold++;
      const [gs, ge] = spans[i];
      const hits = ents.filter((e) => e.s < ge && gs < e.e);
      if (hits.length === 0) return;
      found++;
      if (g.qualifier === 'range' || (g.low !== null && g.high !== null)) {
        if (hits.some((h) => near(h.value, g.low)) && hits.some((h) => near(h.value, g.high))) valueOk++;
      } else if (hits.some((h) => near(h.value, g.value ?? g.low ?? g.high))) valueOk++;
    });
    const seen = new Set<string>();
    for (const e of ents) {
      const key = `${e.s}:${e.e}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!spans.some(([gs, ge]) => e.s < ge && gs < e.e)) spurious++;
    }
  }
  const sentences = corpus.flatMap((a) => splitSentences(a.text).map((s) => s.text));
  const { iterations, elapsed } = timeLoop(() => {
    for (const s of sentences) lib(s);
  }, 1500, 200);
  return { found, valueOk, spurious, gold, sentPerSec: Math.round((sentences.length * iterations) / (elapsed / 1000)) };
}

function pct(a: number, b: number): string {
  return `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
}

const TRICKY_SPLITS: Array<[string, number]> = [
  ['About 6.8 million people fled. Aid arrived.', 2],
  ['Gen. Mark Milley spoke. He left.', 2],
  ['Talks began Jan. 10 in Geneva. They failed.', 2],
  ['The U.S. Senate voted. It passed.', 2],
  ['He visited the U.S. The trip was short.', 2],
  ['"Is it over?" he asked. No one answered.', 2],
  ['Sen. Jane Doe met Dr. John Roe at 3 p.m. on Friday.', 1],
  ['The U.N. refugee agency said 1.2 million had fled.', 1],
];

function main(): void {
  const corpus = loadCorpus();
  console.log(`corpus: ${corpus.length} articles, ${corpus.reduce((n, a) => n + a.claims.length, 0)} gold quantity claims\n`);
  console.log('## Numbers (per sentence): gold claims overlapped / value correct / spurious number hits / speed');
  console.log('| library | detected | value correct | spurious hits | sentences/s |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  const rows: Array<[string, NumberLib]> = [
    ['@microsoft/recognizers-text-number', recognizers],
    ['compromise (numbers())', compromiseLib],
    ['wink-nlp + wink-eng-lite-web-model (entities, no values)', winkLib],
    ['this extractor (full pipeline, incl. attribution/time)', ours],
  ];
  for (const [name, lib] of rows) {
    const r = scoreNumbers(lib, corpus, true);
    console.log(`| ${name} | ${pct(r.found, r.gold)} | ${name.startsWith('wink') ? 'n/a' : pct(r.valueOk, r.gold)} | ${r.spurious} | ${r.sentPerSec.toLocaleString('en-US')} |`);
  }

  console.log('\n## Time expressions: gold timeRefText overlapped by a detected time / speed');
  const goldTimes = corpus.flatMap((a) => a.claims.filter((g) => g.timeRefText).map((g) => ({ a, g })));
  const chronoHits = (a: Article, text: string) => chrono.casual.parse(a.text, new Date(a.publishedAt)).some((r) => r.index < a.text.indexOf(text) + text.length && a.text.indexOf(text) < r.index + r.text.length);
  const ourHits = (a: Article, text: string) => findTimes(a.text, 0, ymdOf(new Date(a.publishedAt))).some((r) => r.start < a.text.indexOf(text) + text.length && a.text.indexOf(text) < r.end);
  const sentences = corpus.flatMap((a) => splitSentences(a.text).map((s) => s.text));
  const ref = new Date('2024-01-01T12:00:00Z');
  const chronoSpeed = timeLoop(() => {
    for (const s of sentences) chrono.casual.parse(s, ref);
  }, 1500, 200);
  const ourSpeed = timeLoop(() => {
    for (const s of sentences) findTimes(s, 0, ymdOf(ref));
  }, 1500, 200);
  const unique = new Map(goldTimes.map(({ a, g }) => [`${a.id}|${g.timeRefText}`, { a, t: g.timeRefText! }]));
  let ch = 0;
  let oh = 0;
  for (const { a, t } of unique.values()) {
    if (chronoHits(a, t)) ch++;
    if (ourHits(a, t)) oh++;
  }
  console.log('| library | gold time expressions found | sentences/s |');
  console.log('| --- | ---: | ---: |');
  console.log(`| chrono-node casual | ${pct(ch, unique.size)} | ${Math.round((sentences.length * chronoSpeed.iterations) / (chronoSpeed.elapsed / 1000)).toLocaleString('en-US')} |`);
  console.log(`| time.ts (chrono for calendar dates + custom grammar) | ${pct(oh, unique.size)} | ${Math.round((sentences.length * ourSpeed.iterations) / (ourSpeed.elapsed / 1000)).toLocaleString('en-US')} |`);

  console.log('\n## Sentence splitting on tricky cases (abbreviations, decimals, quotes)');
  const winkSplit = (t: string) => wink.readDoc(t).sentences().out().length;
  const oursSplit = (t: string) => splitSentences(t).length;
  const compSplit = (t: string) => nlp(t).sentences().length;
  console.log('| splitter | correct | corpus sentences/s |');
  console.log('| --- | ---: | ---: |');
  const texts = corpus.map((a) => a.text);
  for (const [name, f] of [['wink-nlp', winkSplit], ['compromise', compSplit], ['text.ts splitSentences', oursSplit]] as Array<[string, (t: string) => number]>) {
    const ok = TRICKY_SPLITS.filter(([t, n]) => f(t) === n).length;
    const sp = timeLoop(() => {
      for (const t of texts) f(t);
    }, 1000, 100);
    const total = texts.reduce((n, t) => n + splitSentences(t).length, 0);
    console.log(`| ${name} | ${ok}/${TRICKY_SPLITS.length} | ${Math.round((total * sp.iterations) / (sp.elapsed / 1000)).toLocaleString('en-US')} |`);
  }
}

main();
