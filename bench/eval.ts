/**
 * Accuracy of the extractor on the labeled corpus: precision / recall / F1 per field, then the errors.
 *
 * Matching: each gold quantity claim has a span (the nth occurrence of quantityText). Predicted claims with a
 * quantity are matched one-to-one to gold claims by largest character overlap of the quantity spans (greedy).
 * For a field, TP = matched pairs whose field is correct; precision = TP / predicted quantity claims;
 * recall = TP / gold quantity claims. Spurious predictions and missed gold claims therefore count against
 * every field. Field rules:
 *  - value: value, low and high all equal (relative tolerance 0.5%, nulls must agree)
 *  - qualifier, category: equal
 *  - unit: equal after lowercasing and naive singularisation, or same head noun (last word)
 *  - speaker: null=null, or equal / one contains the other after lowercasing and dropping a leading "the"
 *  - timeRef: null=null, or the predicted span overlaps the gold text and (when the gold has from/to) the
 *    resolved interval is equal
 * Statements and events are matched to gold `other` claims by span overlap and category (detection P/R/F1).
 * Every error names the rules behind it (the trace): the predicted claim's rules, or for a missed figure the rules
 * that fired on its span (a filter that dropped it, say).
 */
import { extractClaims, traceExtraction, type ExtractedClaim, type Firing } from '../src/extractor/index.js';
import { loadCorpus, nthIndexOf, type Article, type GoldOtherClaim, type GoldQuantityClaim } from './corpus.js';

export const FIELDS = ['detection', 'value', 'qualifier', 'category', 'unit', 'speaker', 'timeRef'] as const;
export type Field = (typeof FIELDS)[number];

function numEq(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.005);
}

function sing(w: string): string {
  return w.replace(/ies$/, 'y').replace(/(ss|us)$/, '$1').replace(/s$/, '');
}
function unitNorm(u: string | null): string | null {
  if (u === null) return null;
  return u.toLowerCase().replace(/[-_]/g, ' ').split(/\s+/).map(sing).join(' ');
}
export function unitEq(gold: string | null, pred: string | null): boolean {
  const g = unitNorm(gold);
  const p = unitNorm(pred);
  if (g === null || p === null) return g === p;
  if (g === p) return true;
  const gl = g.split(' ').pop();
  const pl = p.split(' ').pop();
  return gl === pl;
}

function spkNorm(s: string): string {
  return s.toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/[’']s\b/g, '').replace(/\s+/g, ' ').trim();
}
export function speakerEq(gold: string | null, pred: string | null): boolean {
  if (gold === null || pred === null) return gold === pred;
  const g = spkNorm(gold);
  const p = spkNorm(pred);
  if (g === p) return true;
  const re = (x: string) => new RegExp(`(^|\\W)${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\W)`);
  return re(p).test(g) || re(g).test(p);
}

function timeEq(text: string, gold: GoldQuantityClaim | GoldOtherClaim, near: number, c: ExtractedClaim): boolean {
  const t = c.timeRef;
  if (!gold.timeRefText) return t === null;
  if (!t) return false;
  // nearest occurrence of the gold time text to the claim
  let best = -1;
  for (let k = text.indexOf(gold.timeRefText); k >= 0; k = text.indexOf(gold.timeRefText, k + 1)) {
    if (best < 0 || Math.abs(k - near) < Math.abs(best - near)) best = k;
  }
  const gs = best;
  const ge = best + gold.timeRefText.length;
  if (!(t.start < ge && gs < t.end)) return false;
  if (gold.timeFrom === null && gold.timeTo === null) return true;
  return t.from === gold.timeFrom && t.to === gold.timeTo;
}

interface Counts {
  tp: Record<Field, number>;
  pred: number;
  gold: number;
}

interface ErrorLine {
  id: string;
  kind: string;
  detail: string;
  /** ids of the rules behind the error */
  rules: string[];
}

export interface EvalResult {
  counts: Counts;
  other: { tp: number; pred: number; gold: number; speakerTp: number };
  errors: ErrorLine[];
  perArticleMs: number;
}

function fmt(x: unknown): string {
  return JSON.stringify(x);
}

export function evaluate(articles: Article[]): EvalResult {
  const counts: Counts = { tp: Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>, pred: 0, gold: 0 };
  const other = { tp: 0, pred: 0, gold: 0, speakerTp: 0 };
  const errors: ErrorLine[] = [];
  let ms = 0;
  // warm up (module initialisation and JIT) so the per-article time reflects steady state
  if (articles[0]) extractClaims(articles[0].text, { publishedAt: new Date(articles[0].publishedAt) });
  for (const a of articles) {
    const t0 = performance.now();
    extractClaims(a.text, { publishedAt: new Date(a.publishedAt) });
    ms += performance.now() - t0;
    const { claims, firings } = traceExtraction(a.text, { publishedAt: new Date(a.publishedAt) });
    const spanRules = (s: number, e: number) => rulesOn(firings, s, e);
    const preds = claims.filter((c) => c.quantity !== null);
    counts.pred += preds.length;
    counts.gold += a.claims.length;
    const gspans = a.claims.map((g) => {
      const s = nthIndexOf(a.text, g.quantityText, g.nth);
      if (s < 0) throw new Error(`${a.id}: gold text not found: ${g.quantityText}`);
      return [s, s + g.quantityText.length] as const;
    });
    // all overlapping pairs, largest overlap first
    const pairs: Array<[number, number, number]> = [];
    gspans.forEach(([gs, ge], gi) => {
      preds.forEach((p, pi) => {
        const q = p.quantity!;
        const ov = Math.min(ge, q.end) - Math.max(gs, q.start);
        if (ov > 0) pairs.push([ov, gi, pi]);
      });
    });
    pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
    const gUsed = new Map<number, number>();
    const pUsed = new Set<number>();
    for (const [, gi, pi] of pairs) {
      if (gUsed.has(gi) || pUsed.has(pi)) continue;
      gUsed.set(gi, pi);
      pUsed.add(pi);
    }
    a.claims.forEach((g, gi) => {
      const pi = gUsed.get(gi);
      if (pi === undefined) {
        errors.push({ id: a.id, kind: 'missed', detail: `${fmt(g.quantityText)} (${g.category})`, rules: spanRules(...gspans[gi]) });
        return;
      }
      const p = preds[pi];
      const q = p.quantity!;
      counts.tp.detection++;
      const checks: Record<Exclude<Field, 'detection'>, [boolean, unknown, unknown]> = {
        value: [numEq(g.value, q.value) && numEq(g.low, q.low) && numEq(g.high, q.high), [g.value, g.low, g.high], [q.value, q.low, q.high]],
        qualifier: [g.qualifier === q.qualifier, g.qualifier, q.qualifier],
        category: [g.category === p.category, g.category, p.category],
        unit: [unitEq(g.unit, q.unit), g.unit, q.unit],
        speaker: [speakerEq(g.speaker, p.attribution?.speaker ?? null), g.speaker, p.attribution?.speaker ?? null],
        timeRef: [
          timeEq(a.text, g, gspans[gi][0], p),
          g.timeRefText ? [g.timeRefText, g.timeFrom, g.timeTo] : null,
          p.timeRef ? [p.timeRef.text, p.timeRef.from, p.timeRef.to] : null,
        ],
      };
      for (const [f, [ok, gv, pv]] of Object.entries(checks) as Array<[Field, [boolean, unknown, unknown]]>) {
        if (ok) counts.tp[f]++;
        else errors.push({ id: a.id, kind: f, detail: `${fmt(g.quantityText)} gold=${fmt(gv)} pred=${fmt(pv)} [pred text ${fmt(q.text)}]`, rules: p.rules ?? [] });
      }
    });
    preds.forEach((p, pi) => {
      if (!pUsed.has(pi)) errors.push({ id: a.id, kind: 'spurious', detail: `${fmt(p.quantity!.text)} as ${p.category}/${p.quantity!.unit} in ${fmt(p.text.slice(0, 90))}`, rules: p.rules ?? [] });
    });
    // statements and events
    const gold = a.other ?? [];
    const po = claims.filter((c) => c.category === 'statement' || c.category === 'event');
    other.pred += po.length;
    other.gold += gold.length;
    const used = new Set<number>();
    for (const g of gold) {
      const s = a.text.indexOf(g.claimText);
      const e = s + g.claimText.length;
      const pi = po.findIndex((c, i) => !used.has(i) && c.category === g.category && c.start < e && s < c.end);
      if (pi < 0) {
        errors.push({ id: a.id, kind: `missed-${g.category}`, detail: fmt(g.claimText), rules: s >= 0 ? spanRules(s, e) : [] });
        continue;
      }
      used.add(pi);
      other.tp++;
      if (speakerEq(g.speaker, po[pi].attribution?.speaker ?? null)) other.speakerTp++;
      else errors.push({ id: a.id, kind: `${g.category}-speaker`, detail: `${fmt(g.claimText)} gold=${fmt(g.speaker)} pred=${fmt(po[pi].attribution?.speaker ?? null)}`, rules: po[pi].rules ?? [] });
    }
    po.forEach((c, i) => {
      if (!used.has(i)) errors.push({ id: a.id, kind: `spurious-${c.category}`, detail: fmt(c.text.slice(0, 100)), rules: c.rules ?? [] });
    });
  }
  return { counts, other, errors, perArticleMs: ms / Math.max(1, articles.length) };
}

function rulesOn(firings: readonly Firing[], s: number, e: number): string[] {
  return [...new Set(firings.filter((f) => f.start < e && s < Math.max(f.end, f.start + 1)).map((f) => f.rule))].sort();
}

/** F1 per field, statements/events included (what the quality gate holds to its floors). */
export function f1ByField(res: EvalResult): Record<Field | 'statement/event detection' | 'statement/event speaker', number> {
  const out = Object.fromEntries(FIELDS.map((f) => [f, prf(res.counts.tp[f], res.counts.pred, res.counts.gold)[2]])) as Record<Field, number>;
  return {
    ...out,
    'statement/event detection': prf(res.other.tp, res.other.pred, res.other.gold)[2],
    'statement/event speaker': prf(res.other.speakerTp, res.other.pred, res.other.gold)[2],
  };
}

function prf(tp: number, pred: number, gold: number): [number, number, number] {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return [p, r, f];
}

export function report(res: EvalResult, showErrors = true): string {
  const lines: string[] = [];
  const { counts } = res;
  lines.push(`gold quantity claims: ${counts.gold}   predicted: ${counts.pred}   matched: ${counts.tp.detection}`);
  lines.push('');
  lines.push('| field | precision | recall | F1 |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const f of FIELDS) {
    const [p, r, f1] = prf(counts.tp[f], counts.pred, counts.gold);
    lines.push(`| ${f} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${f1.toFixed(3)} |`);
  }
  const [op, or, of] = prf(res.other.tp, res.other.pred, res.other.gold);
  const [sp, sr, sf] = prf(res.other.speakerTp, res.other.pred, res.other.gold);
  lines.push(`| statement/event detection | ${op.toFixed(3)} | ${or.toFixed(3)} | ${of.toFixed(3)} |`);
  lines.push(`| statement/event speaker | ${sp.toFixed(3)} | ${sr.toFixed(3)} | ${sf.toFixed(3)} |`);
  lines.push('');
  lines.push(`mean time per article in this single pass: ${res.perArticleMs.toFixed(2)} ms (includes JIT warm-up; steady-state numbers: npm run bench)`);
  if (showErrors) {
    lines.push('');
    lines.push(`errors (${res.errors.length}):`);
    const order = ['missed', 'spurious', 'value', 'qualifier', 'category', 'unit', 'speaker', 'timeRef'];
    const sorted = [...res.errors].sort((a, b) => {
      const ia = order.indexOf(a.kind);
      const ib = order.indexOf(b.kind);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.id.localeCompare(b.id);
    });
    for (const e of sorted) lines.push(`  [${e.kind}] ${e.id}: ${e.detail}${e.rules.length ? `  rules: ${e.rules.join(' ')}` : ''}`);
  }
  return lines.join('\n');
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const dir = process.argv.find((x) => x.startsWith('--corpus='))?.slice(9);
  const quiet = process.argv.includes('--quiet');
  const res = evaluate(loadCorpus(dir));
  console.log(report(res, !quiet));
}
