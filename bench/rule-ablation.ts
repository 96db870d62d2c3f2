/**
 * What each named rule does on the labelled sets: how often it fires (the trace), and how many output lines change
 * when it alone is switched off (ablation). A rule that never fires, or whose removal changes nothing on any set and
 * no unit test, is dead weight: remove it.
 *
 *   npm run -s build && node dist/bench/rule-ablation.js [--stage=numbers] [--only-dead]
 */
import { allRules, traceExtraction } from '../src/extractor/index.js';
import { withRulesDisabled } from '../src/extractor/pipeline/trace.js';
import { goldenOf, labelledSets } from './quality.js';

const stage = process.argv.find((a) => a.startsWith('--stage='))?.slice(8);
const onlyDead = process.argv.includes('--only-dead');
const sets = labelledSets();
const articles = sets.flatMap((s) => s.articles);

const fires = new Map<string, number>();
for (const a of articles) {
  for (const f of traceExtraction(a.text, { publishedAt: new Date(a.publishedAt) }).firings) fires.set(f.rule, (fires.get(f.rule) ?? 0) + 1);
}
const baseline = sets.map((s) => goldenOf(s.articles).split('\n'));

const rows: Array<{ id: string; fires: number; changed: number }> = [];
for (const r of allRules()) {
  if (stage && r.stage !== stage) continue;
  const n = fires.get(r.id) ?? 0;
  let changed = 0;
  if (n > 0) {
    withRulesDisabled([r.id], () => {
      sets.forEach((s, i) => {
        const lines = goldenOf(s.articles).split('\n');
        const base = new Set(baseline[i]);
        changed += lines.filter((l) => !base.has(l)).length + Math.max(0, baseline[i].length - lines.length);
      });
    });
  }
  if (!onlyDead || n === 0 || changed === 0) rows.push({ id: r.id, fires: n, changed });
}
console.log('| rule | fires on labelled sets | output lines changed when off |');
console.log('| --- | ---: | ---: |');
for (const x of rows) console.log(`| ${x.id} | ${x.fires} | ${x.changed} |`);
console.log(`\n${rows.length} rules listed; ${rows.filter((x) => x.fires === 0).length} never fire, ${rows.filter((x) => x.fires > 0 && x.changed === 0).length} fire but change nothing when off`);
