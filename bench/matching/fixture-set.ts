import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The dev set; `matching-holdout` is the blind holdout, which nothing may be tuned on. */
export const DEFAULT_SET = 'matching';

/**
 * The labelled set the matching bench reads: a folder under test/fixtures named by BENCH_MATCHING_SET. A plain
 * folder name only, so the variable cannot point the bench outside test/fixtures; the folder must hold the two files.
 */
export function fixtureSet(root: string, value: string | undefined): { set: string; dir: string } {
  const set = value || DEFAULT_SET;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(set)) throw new Error(`BENCH_MATCHING_SET must be a folder name under test/fixtures, got ${JSON.stringify(set)}`);
  const dir = join(root, 'test', 'fixtures', set);
  for (const f of ['fact-checks.jsonl', 'queries.jsonl']) {
    if (!existsSync(join(dir, f))) throw new Error(`BENCH_MATCHING_SET=${set}: ${join('test', 'fixtures', set, f)} does not exist`);
  }
  return { set, dir };
}
