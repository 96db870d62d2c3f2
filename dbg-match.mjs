// Debug: for the bench's queries, where is the expected fact-check and why (threshold patched to 0 in a copy).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
const { dataSourceOptions } = await import('./dist/src/database/options.js');
const { ClaimMatcher } = await import('./dist/src/matching/claim-matcher.js');
const { TermWeights } = await import('./dist/src/matching/term-weights.js');
const { queriesOf } = await import('./dist/src/matching/matching.service.js');
const db = new DataSource(dataSourceOptions('postgres://postgres@127.0.0.1:5432/claimcheck_bench_matching'));
await db.initialize();
const urls = new Map((await db.query(`SELECT c.id, a.url FROM claims c JOIN articles a ON a.id = c.article_id`)).map((r) => [r.id, r.url.replace('https://factcheck.example/', '')]));
const queries = readFileSync('test/fixtures/matching/queries.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const ids = new Set(process.argv.slice(2));
const m = new ClaimMatcher(db, new TermWeights());
for (const q of queries) {
  if (ids.size && !ids.has(q.id)) continue;
  const found = await m.find(queriesOf(q.text, q.publishedAt ?? null), { publishedOnly: true });
  const best = new Map(); for (const f of found) if (!best.has(f.claimId)) best.set(f.claimId, f);
  const list = [...best.values()];
  const exp = q.expected?.replace('https://factcheck.example/', '') ?? null;
  const rank = list.findIndex((f) => urls.get(f.claimId) === exp);
  console.log(`${q.id} ${JSON.stringify(q.text)} expected=${exp} rank=${rank}`);
  for (const f of list.slice(0, 3)) console.log(`   ${f.score} ${urls.get(f.claimId)} ${f.reasons.join(' ')}`);
  if (rank > 2) console.log(`   ... ${list[rank].score} ${exp} ${list[rank].reasons.join(' ')}`);
}
await db.destroy();
