import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addMatchSynonyms, dropMatchSynonyms } from './match-synonyms.js';

/**
 * Issue 12, retrieval by words, fifth round: pledging and vowing are promising ("the EU pledged $2 billion" /
 * "Brussels has promised 2 billion dollars"). Needed now that a candidate sharing only a post's figure and names is
 * no answer when the post's words belong to another claim refused for its figure (`nearer_claim_contradicts`,
 * claim-matcher.ts): a repeat worded with these words would otherwise share nothing else with its fact-check.
 * Every stored claim's `match_terms` is rebuilt.
 */
export class MatchThesaurusPledges1768200000000 implements MigrationInterface {
  name = 'MatchThesaurusPledges1768200000000';

  async up(q: QueryRunner): Promise<void> {
    await addMatchSynonyms(q, PLEDGES_THESAURUS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropMatchSynonyms(q, PLEDGES_THESAURUS);
  }
}

/** canonical word → words folded onto it (none of them in the earlier migrations' tables). */
const PLEDGES_THESAURUS: Record<string, string[]> = {
  promise: ['pledge', 'pledges', 'pledged', 'pledging', 'vow', 'vows', 'vowed', 'vowing'],
};
