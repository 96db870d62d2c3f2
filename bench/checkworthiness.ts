/**
 * Check-worthiness on debate and interview sentences (test/fixtures/checkworthiness/debates.json: each sentence
 * labelled CFS check-worthy factual, UFS unimportant factual or NFS non-factual before the extractor ran on it).
 *
 * A sentence is extracted on its own; its score is the highest check-worthiness of its claims (0 when it yields
 * none). Reported per split (dev: developed on; check: held back, only measured) and for all sentences:
 *  - ROC-AUC of that score for CFS against NFS and for CFS against the rest (UFS + NFS), with ties counting half;
 *  - the same AUCs for the baseline "the sentence contains a digit";
 *  - yield: the share of CFS / UFS / NFS sentences with any claim, and with a claim at or above the review
 *    threshold the service uses (AppConfig.CHECKWORTHINESS_THRESHOLD: below it a claim starts dismissed).
 *
 *   node dist/bench/checkworthiness.js              the table
 *   node dist/bench/checkworthiness.js --list[=dev] every sentence of a split with label, score and reasons
 *   node dist/bench/checkworthiness.js --json       the numbers as JSON (for notes)
 *   node dist/bench/checkworthiness.js --transcripts  each transcript extracted as one text (turns as paragraphs,
 *                                                   "Speaker: …"), claims mapped back to their sentences
 *   node dist/bench/checkworthiness.js --features[=dev] how often each sentence feature fires per label (whole sentence)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { AppConfig } from '../src/config/config.js';
import { extractClaims, type ExtractedClaim } from '../src/extractor/index.js';
import { moodReasons, readSentence } from '../src/extractor/stages/checkworthiness/index.js';
import { tokenize } from '../src/extractor/stages/tokens/index.js';
import { repoRoot } from './corpus.js';

export type Label = 'CFS' | 'UFS' | 'NFS';
export interface LabelledSentence {
  transcript: string;
  split: string;
  speaker: string;
  text: string;
  label: Label;
}

export const DEBATES_FILE = join(repoRoot(), 'test', 'fixtures', 'checkworthiness', 'debates.json');

export function loadDebates(file = DEBATES_FILE): LabelledSentence[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    transcripts: Array<{ id: string; split: string; sentences: Array<{ speaker: string; text: string; label: Label }> }>;
  };
  return doc.transcripts.flatMap((t) => t.sentences.map((s) => ({ ...s, transcript: t.id, split: t.split })));
}

const PUBLISHED = new Date('2026-10-15T12:00:00Z');

export interface Scored extends LabelledSentence {
  score: number;
  claims: ExtractedClaim[];
}

/** Each transcript as one text: a paragraph per turn, "Speaker: sentence sentence …"; a claim counts for the sentence it overlaps. */
export function scoreTranscripts(sentences: LabelledSentence[]): Scored[] {
  const out: Scored[] = [];
  for (const id of [...new Set(sentences.map((s) => s.transcript))]) {
    const rows = sentences.filter((s) => s.transcript === id);
    let text = '';
    const spans: Array<[number, number]> = [];
    rows.forEach((s, i) => {
      if (i === 0 || rows[i - 1].speaker !== s.speaker) text += `${i ? '\n\n' : ''}${s.speaker}: `;
      else text += ' ';
      spans.push([text.length, text.length + s.text.length]);
      text += s.text;
    });
    const claims = extractClaims(text, { publishedAt: PUBLISHED });
    rows.forEach((s, i) => {
      const [a, b] = spans[i];
      const mine = claims.filter((c) => (c.quantity ? c.quantity.start < b && a < c.quantity.end : c.start < b && a < c.end));
      out.push({ ...s, claims: mine, score: mine.reduce((m, c) => Math.max(m, c.checkworthiness), 0) });
    });
  }
  return out;
}

export function scoreSentences(sentences: LabelledSentence[]): Scored[] {
  return sentences.map((s) => {
    const claims = extractClaims(s.text, { publishedAt: PUBLISHED });
    return { ...s, claims, score: claims.reduce((m, c) => Math.max(m, c.checkworthiness), 0) };
  });
}

/** Mann-Whitney ROC-AUC: the chance that a random positive scores above a random negative (ties count half). */
export function rocAuc(pos: number[], neg: number[]): number {
  if (pos.length === 0 || neg.length === 0) return NaN;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

const hasDigit = (s: LabelledSentence) => (/\d/.test(s.text) ? 1 : 0);

export interface Numbers {
  n: Record<Label, number>;
  aucCfsNfs: number;
  aucCfsRest: number;
  digitAucCfsNfs: number;
  digitAucCfsRest: number;
  anyClaim: Record<Label, number>;
  reviewed: Record<Label, number>;
}

export function measure(scored: Scored[], threshold: number): Numbers {
  const of = (l: Label) => scored.filter((s) => s.label === l);
  const cfs = of('CFS');
  const nfs = of('NFS');
  const rest = scored.filter((s) => s.label !== 'CFS');
  const share = (xs: Scored[], ok: (s: Scored) => boolean) => (xs.length ? xs.filter(ok).length / xs.length : NaN);
  const per = (ok: (s: Scored) => boolean) => ({ CFS: share(cfs, ok), UFS: share(of('UFS'), ok), NFS: share(nfs, ok) });
  return {
    n: { CFS: cfs.length, UFS: of('UFS').length, NFS: nfs.length },
    aucCfsNfs: rocAuc(cfs.map((s) => s.score), nfs.map((s) => s.score)),
    aucCfsRest: rocAuc(cfs.map((s) => s.score), rest.map((s) => s.score)),
    digitAucCfsNfs: rocAuc(cfs.map(hasDigit), nfs.map(hasDigit)),
    digitAucCfsRest: rocAuc(cfs.map(hasDigit), rest.map(hasDigit)),
    anyClaim: per((s) => s.claims.length > 0),
    reviewed: per((s) => s.score >= threshold),
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const f3 = (x: number) => x.toFixed(3);

function table(name: string, m: Numbers): string {
  return [
    `${name}: ${m.n.CFS} CFS, ${m.n.UFS} UFS, ${m.n.NFS} NFS`,
    `  ROC-AUC CFS vs NFS   ${f3(m.aucCfsNfs)}   (digit baseline ${f3(m.digitAucCfsNfs)})`,
    `  ROC-AUC CFS vs rest  ${f3(m.aucCfsRest)}   (digit baseline ${f3(m.digitAucCfsRest)})`,
    `  any claim            CFS ${pct(m.anyClaim.CFS)}  UFS ${pct(m.anyClaim.UFS)}  NFS ${pct(m.anyClaim.NFS)}`,
    `  claim >= threshold   CFS ${pct(m.reviewed.CFS)}  UFS ${pct(m.reviewed.UFS)}  NFS ${pct(m.reviewed.NFS)}`,
  ].join('\n');
}

const isMain = process.argv[1]?.endsWith('checkworthiness.js');
if (isMain) {
  const threshold = new AppConfig().CHECKWORTHINESS_THRESHOLD;
  const scored = process.argv.includes('--transcripts') ? scoreTranscripts(loadDebates()) : scoreSentences(loadDebates());
  const splits = [...new Set(scored.map((s) => s.split))];
  const list = process.argv.find((a) => a.startsWith('--list'));
  const features = process.argv.find((a) => a.startsWith('--features'));
  if (features) {
    const split = features.includes('=') ? features.split('=')[1] : 'dev';
    const rows = scored.filter((x) => x.split === split);
    const counts = new Map<string, Record<Label, number>>();
    for (const s of rows) {
      for (const r of moodReasons(readSentence(tokenize(s.text, 0, s.text.length)).whole)) {
        const c = counts.get(r) ?? { CFS: 0, UFS: 0, NFS: 0 };
        c[s.label]++;
        counts.set(r, c);
      }
    }
    const n = measure(rows, threshold).n;
    console.log(`feature                    CFS (of ${n.CFS})  UFS (of ${n.UFS})  NFS (of ${n.NFS})`);
    for (const [r, c] of counts) console.log(`${r.padEnd(26)} ${pct(c.CFS / n.CFS).padStart(8)}  ${pct(c.UFS / n.UFS).padStart(8)}  ${pct(c.NFS / n.NFS).padStart(8)}`);
  } else if (list) {
    const split = list.includes('=') ? list.split('=')[1] : 'dev';
    for (const s of scored.filter((x) => x.split === split)) {
      const reasons = s.claims.map((c) => `${c.category}:${c.checkworthiness}[${c.checkworthinessReasons.join(',')}]`).join(' ');
      console.log(`${s.label} ${s.score.toFixed(2)} ${s.text}${reasons ? `\n        ${reasons}` : ''}`);
    }
  } else {
    const results = Object.fromEntries([...splits.map((sp) => [sp, measure(scored.filter((s) => s.split === sp), threshold)]), ['all', measure(scored, threshold)]]);
    if (process.argv.includes('--json')) console.log(JSON.stringify({ threshold, ...results }, null, 2));
    else {
      console.log(`review threshold (AppConfig.CHECKWORTHINESS_THRESHOLD): ${threshold}`);
      for (const [name, m] of Object.entries(results)) console.log(table(name, m as Numbers));
    }
  }
}
