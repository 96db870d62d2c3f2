/** Print the claims extracted from an article file: node dist/bench/dump.js FILE [publishedAt] */
import { readFileSync } from 'node:fs';
import { extractClaims } from '../src/extractor/index.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node dist/bench/dump.js FILE [publishedAt]');
  process.exit(2);
}
let text = readFileSync(file, 'utf8');
let pub = process.argv[3] ? new Date(process.argv[3]) : new Date();
if (file.endsWith('.json')) {
  const j = JSON.parse(text) as { text: string; publishedAt: string };
  text = j.text;
  pub = new Date(j.publishedAt);
}
const claims = extractClaims(text, { publishedAt: pub });
for (const c of claims) {
  const q = c.quantity;
  console.log(
    JSON.stringify({
      cat: c.category,
      q: q && [q.text, q.value, q.low, q.high, q.qualifier, q.unit],
      subj: c.subject,
      loc: c.location,
      time: c.timeRef && [c.timeRef.text, c.timeRef.date, c.timeRef.from, c.timeRef.to],
      attr: c.attribution,
      cw: c.checkworthiness,
      r: c.checkworthinessReasons.join(','),
      t: c.text.slice(0, 80),
    }),
  );
  if (c.text !== text.slice(c.start, c.end) || (q && q.text !== text.slice(q.start, q.end))) console.log('SPAN MISMATCH');
}
