import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addMatchSynonyms, dropMatchSynonyms } from './match-synonyms.js';

/**
 * Issue 12, retrieval by words, fourth round: the everyday words for a works and its closing, and for a truce, which
 * posts use where fact-checks use the standard word ("shutting the plant" for "closing the factory"). Needed now that
 * an answer must share more than names (`names_only`, match-score.ts): a post worded only with these would otherwise
 * share its names alone with the fact-check it repeats. As in 1767400000000, each word's stem means the canonical one
 * in claims; "plant" as in a works, which is how news claims use it ("a power plant", "the car plant"), not "bust"
 * (a drug bust), "bail" (bail in court) or "diploma" (a degree is also a temperature).
 * Every stored claim's `match_terms` is rebuilt.
 */
export class MatchThesaurusWorks1768100000000 implements MigrationInterface {
  name = 'MatchThesaurusWorks1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await addMatchSynonyms(q, WORKS_THESAURUS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropMatchSynonyms(q, WORKS_THESAURUS);
  }
}

/** canonical word → everyday words folded onto it (none of them in the earlier migrations' tables). */
const WORKS_THESAURUS: Record<string, string[]> = {
  factory: ['plant', 'plants'],
  close: ['shut', 'shuts', 'shutting', 'shutdown', 'shutdowns'],
  ceasefire: ['truce', 'truces', 'armistice'],
  bankrupt: ['bankruptcy', 'insolvent', 'insolvency'],
};
