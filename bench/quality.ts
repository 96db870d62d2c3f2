/**
 * The extractor's quality gate: every labelled set under test/fixtures is scored against floors per field
 * (test/fixtures/quality-floors.json), and the extractor's whole output on each set is kept as a golden file
 * (test/fixtures/golden/<set>.jsonl), so any change of output shows in review.
 *
 *   npm run golden            rewrite the golden files after an intended change (review the diff)
 *   npm run golden -- --floors print the current F1 per set and field (to set floors by hand)
 *
 * `test/unit/extractor/quality-gate.spec.ts` runs both checks in `npm test`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractClaims, type ExtractedClaim } from '../src/extractor/index.js';
import { loadCorpus, repoRoot, type Article } from './corpus.js';
import { evaluate, f1ByField } from './eval.js';

export const FIXTURES = join(repoRoot(), 'test', 'fixtures');
export const GOLDEN_DIR = join(FIXTURES, 'golden');
export const FLOORS_FILE = join(FIXTURES, 'quality-floors.json');

/** Every folder of labelled articles under test/fixtures (a folder of *.json files each with text and claims). */
export function labelledSets(): Array<{ name: string; articles: Article[] }> {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'golden')
    .map((d) => ({ name: d.name, articles: loadCorpus(join(FIXTURES, d.name)) }))
    .filter((s) => s.articles.length > 0 && s.articles.every((a) => typeof a.text === 'string' && Array.isArray(a.claims)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One line per claim: what a reviewer needs to see change, in a stable order. */
function goldenLine(articleId: string, c: ExtractedClaim): string {
  const q = c.quantity;
  return JSON.stringify({
    article: articleId,
    at: [c.start, c.end],
    category: c.category,
    quantity: q && { text: q.text, at: [q.start, q.end], value: q.value, low: q.low, high: q.high, unit: q.unit, qualifier: q.qualifier },
    subject: c.subject,
    location: c.location,
    time: c.timeRef && { text: c.timeRef.text, from: c.timeRef.from, to: c.timeRef.to },
    speaker: c.attribution && c.attribution.speaker,
    role: c.attribution && c.attribution.role,
    checkworthiness: c.checkworthiness,
    reasons: c.checkworthinessReasons,
  });
}

export function goldenOf(articles: Article[]): string {
  const lines: string[] = [];
  for (const a of articles) {
    for (const c of extractClaims(a.text, { publishedAt: new Date(a.publishedAt) })) lines.push(goldenLine(a.id, c));
  }
  return lines.join('\n') + '\n';
}

export const goldenFile = (set: string) => join(GOLDEN_DIR, `${set}.jsonl`);

export function readFloors(): Record<string, Record<string, number>> {
  return (JSON.parse(readFileSync(FLOORS_FILE, 'utf8')) as { sets: Record<string, Record<string, number>> }).sets;
}

const isMain = process.argv[1]?.endsWith('quality.js');
if (isMain) {
  const sets = labelledSets();
  if (process.argv.includes('--floors')) {
    const out: Record<string, Record<string, number>> = {};
    for (const s of sets) {
      out[s.name] = Object.fromEntries(Object.entries(f1ByField(evaluate(s.articles))).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
    }
    console.log(JSON.stringify(out, null, 2));
  } else {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const s of sets) {
      const text = goldenOf(s.articles);
      const file = goldenFile(s.name);
      const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
      writeFileSync(file, text);
      console.log(`${s.name}: ${text.split('\n').length - 1} claims${before === text ? '' : ' (changed)'}`);
    }
  }
}
