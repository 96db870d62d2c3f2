/**
 * The casualty measures of issue 11, on any labelled set (default: test/fixtures/dev-conflict-events):
 *
 *   node dist/bench/casualty-eval.js [--corpus=DIR] [--quiet]
 *
 * A *report* is a paragraph (text between blank lines): event databases and our dev set put one report per
 * paragraph, and for an ordinary article a paragraph is the unit a desk reads as one report.
 *
 *  (a) toll recall: of the gold `casualties`/`killed` claims whose figure is stated (a value, a bound or a range —
 *      an implicit one such as "a soldier was killed" counts, labelled value 1), the share for which the extractor
 *      gives, in the same report, a `casualties` claim with unit `killed` and the same value, low and high (each
 *      prediction used once; relative tolerance 0.5%, as in eval.ts).
 *  (b) false casualty rate: of the reports with no gold `casualties` claim at all, the share that get any predicted
 *      `casualties` claim. Also printed: the same for killed only (reports with no gold killed claim that get a
 *      predicted killed claim), which separates "wounded read as killed" from "no harm read as harm".
 *  (c) the same two measures for unit `wounded`.
 *
 * Every miss and every false report is printed with the rules behind it (the prediction's rules, or for a miss the
 * rules that fired on the gold figure's span), in the error format of eval.ts.
 */
import { traceExtraction, type ExtractedClaim, type Firing } from '../src/extractor/index.js';
import { join } from 'node:path';
import { loadCorpus, nthIndexOf, repoRoot, type Article, type GoldQuantityClaim } from './corpus.js';

export type HarmUnit = 'killed' | 'wounded';

interface Report {
  article: string;
  start: number;
  end: number;
  gold: Array<GoldQuantityClaim & { at: number }>;
  pred: ExtractedClaim[];
  firings: readonly Firing[];
}

export interface CasualtyError {
  id: string;
  kind: string;
  detail: string;
  rules: string[];
}

export interface HarmScore {
  /** gold claims of this unit with a stated figure */
  gold: number;
  found: number;
  /** reports with no gold casualties claim of any unit */
  cleanReports: number;
  /** of those, reports with a predicted casualties claim of any unit (b) / of this unit */
  falseAny: number;
  /** reports with no gold claim of this unit */
  reportsWithoutUnit: number;
  /** of those, reports with a predicted claim of this unit */
  falseUnit: number;
}

export interface CasualtyResult {
  reports: number;
  byUnit: Record<HarmUnit, HarmScore>;
  errors: CasualtyError[];
}

const numEq = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : a === b || Math.abs(a - b) <= Math.max(0.011, Math.abs(b) * 0.005);

const isHarm = (c: { category: string }) => c.category === 'casualties';
const predUnit = (c: ExtractedClaim) => c.quantity?.unit ?? null;
const stated = (g: GoldQuantityClaim) => g.value !== null || g.low !== null || g.high !== null;

/** Paragraph spans of a text (blank lines separate reports). */
export function reportSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const sep = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = sep.exec(text); m; m = sep.exec(text)) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

function reportsOf(a: Article): Report[] {
  const { claims, firings } = traceExtraction(a.text, { publishedAt: new Date(a.publishedAt) });
  return reportSpans(a.text).map(([start, end]) => ({
    article: a.id,
    start,
    end,
    gold: a.claims
      .map((g) => ({ ...g, at: nthIndexOf(a.text, g.quantityText, g.nth) }))
      .filter((g) => g.at >= start && g.at < end),
    // a claim belongs to the report its figure (or, for a statement, its sentence) starts in
    pred: claims.filter((c) => {
      const at = c.quantity?.start ?? c.start;
      return at >= start && at < end;
    }),
    firings,
  }));
}

function rulesOn(firings: readonly Firing[], s: number, e: number): string[] {
  return [...new Set(firings.filter((f) => f.start < e && s < Math.max(f.end, f.start + 1)).map((f) => f.rule))].sort();
}

const snippet = (text: string, r: Report) => JSON.stringify(text.slice(r.start, Math.min(r.end, r.start + 90)));
const fmtPred = (c: ExtractedClaim) => {
  const q = c.quantity!;
  return `${JSON.stringify(q.text)} as ${c.category}/${q.unit} [${q.value}, ${q.low}, ${q.high}]`;
};

export function evaluateCasualties(articles: Article[]): CasualtyResult {
  const empty = (): HarmScore => ({ gold: 0, found: 0, cleanReports: 0, falseAny: 0, reportsWithoutUnit: 0, falseUnit: 0 });
  const byUnit: Record<HarmUnit, HarmScore> = { killed: empty(), wounded: empty() };
  const errors: CasualtyError[] = [];
  let reports = 0;
  for (const a of articles) {
    for (const r of reportsOf(a)) {
      reports++;
      const predHarm = r.pred.filter((c) => c.quantity && isHarm(c));
      const goldHarm = r.gold.filter(isHarm);
      for (const unit of ['killed', 'wounded'] as const) {
        const s = byUnit[unit];
        // (a) recall of stated figures, one prediction per gold claim
        const used = new Set<ExtractedClaim>();
        for (const g of goldHarm.filter((x) => x.unit === unit && stated(x))) {
          s.gold++;
          const hit = predHarm.find(
            (c) => !used.has(c) && predUnit(c) === unit && numEq(g.value, c.quantity!.value) && numEq(g.low, c.quantity!.low) && numEq(g.high, c.quantity!.high),
          );
          if (hit) {
            used.add(hit);
            s.found++;
            continue;
          }
          // what the extractor made of that span instead, if anything
          const near = r.pred.find((c) => c.quantity && c.quantity.start < g.at + g.quantityText.length && g.at < c.quantity.end);
          errors.push({
            id: a.id,
            kind: `missed-${unit}`,
            detail: `${JSON.stringify(g.quantityText)} gold=[${g.value}, ${g.low}, ${g.high}] pred=${near ? fmtPred(near) : 'nothing'}`,
            rules: near?.rules ?? rulesOn(r.firings, g.at, g.at + g.quantityText.length),
          });
        }
        // (b) false reports; each false prediction is printed once: as false-casualty in a report without any gold
        // harm, else as false-<unit> (a report with harm of the other unit only)
        if (!goldHarm.some((g) => g.unit === unit)) {
          s.reportsWithoutUnit++;
          const wrong = predHarm.filter((c) => predUnit(c) === unit);
          if (wrong.length) {
            s.falseUnit++;
            if (goldHarm.length > 0) {
              for (const c of wrong) errors.push({ id: a.id, kind: `false-${unit}`, detail: `${fmtPred(c)} in ${snippet(a.text, r)}`, rules: c.rules ?? [] });
            }
          }
        }
        if (goldHarm.length === 0) {
          s.cleanReports++;
          if (predHarm.length) {
            s.falseAny++;
            if (unit === 'killed') {
              for (const c of predHarm) errors.push({ id: a.id, kind: 'false-casualty', detail: `${fmtPred(c)} in ${snippet(a.text, r)}`, rules: c.rules ?? [] });
            }
          }
        }
      }
    }
  }
  return { reports, byUnit, errors };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');

export function casualtyReport(res: CasualtyResult, showErrors = true): string {
  const k = res.byUnit.killed;
  const w = res.byUnit.wounded;
  const lines = [
    `reports (paragraphs): ${res.reports}; without any gold casualty claim: ${k.cleanReports}`,
    '',
    '| measure | killed | wounded |',
    '| --- | ---: | ---: |',
    `| (a) stated toll found (same report, casualties/<unit>, same value/low/high) | ${k.found}/${k.gold} = ${pct(k.found, k.gold)} | ${w.found}/${w.gold} = ${pct(w.found, w.gold)} |`,
    `| (b) reports with no gold casualty claim that get any casualties claim | ${k.falseAny}/${k.cleanReports} = ${pct(k.falseAny, k.cleanReports)} | (same) |`,
    `| (b') reports with no gold claim of this unit that get a predicted one | ${k.falseUnit}/${k.reportsWithoutUnit} = ${pct(k.falseUnit, k.reportsWithoutUnit)} | ${w.falseUnit}/${w.reportsWithoutUnit} = ${pct(w.falseUnit, w.reportsWithoutUnit)} |`,
  ];
  if (showErrors) {
    lines.push('', `errors (${res.errors.length}):`);
    for (const e of [...res.errors].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))) {
      lines.push(`  [${e.kind}] ${e.id}: ${e.detail}${e.rules.length ? `  rules: ${e.rules.join(' ')}` : ''}`);
    }
  }
  return lines.join('\n');
}

const isMain = process.argv[1]?.endsWith('casualty-eval.js');
if (isMain) {
  const dir = process.argv.find((x) => x.startsWith('--corpus='))?.slice(9) ?? join(repoRoot(), 'test', 'fixtures', 'dev-conflict-events');
  console.log(casualtyReport(evaluateCasualties(loadCorpus(dir)), !process.argv.includes('--quiet')));
}
