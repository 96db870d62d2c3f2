import type { MigrationInterface, QueryRunner } from 'typeorm';

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
    const pairs = Object.entries(WORKS_THESAURUS).flatMap(([canonical, words]) => words.map((w) => [w, canonical] as const));
    await q.query(
      `INSERT INTO match_synonyms (lexeme, canonical)
       SELECT DISTINCT ON (l) l, coalesce(s.canonical, x.c)
         FROM (SELECT l, coalesce((tsvector_to_array(to_tsvector('english', match_spelling(c))))[1], c) AS c
                 FROM unnest($1::text[], $2::text[]) AS w(w, c), unnest(tsvector_to_array(to_tsvector('english', match_spelling(w)))) AS l
                WHERE strpos(w, '-') = 0 OR strpos(l, '-') > 0) x
         LEFT JOIN match_synonyms s ON s.lexeme = x.c
        WHERE l <> coalesce(s.canonical, x.c)
        ORDER BY l, x.c
       ON CONFLICT (lexeme) DO NOTHING`,
      [pairs.map(([w]) => w), pairs.map(([, c]) => c)],
    );
    await q.query(`UPDATE claims c SET match_terms = claim_match_terms(c)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM match_synonyms WHERE lexeme IN (
         SELECT l FROM unnest($1::text[]) AS w, unnest(tsvector_to_array(to_tsvector('english', match_spelling(w)))) AS l
          WHERE strpos(w, '-') = 0 OR strpos(l, '-') > 0)`,
      [Object.values(WORKS_THESAURUS).flat()],
    );
    await q.query(`UPDATE claims c SET match_terms = claim_match_terms(c)`);
  }
}

/** canonical word → everyday words folded onto it (none of them in the earlier migrations' tables). */
const WORKS_THESAURUS: Record<string, string[]> = {
  factory: ['plant', 'plants'],
  close: ['shut', 'shuts', 'shutting', 'shutdown', 'shutdowns'],
  ceasefire: ['truce', 'truces', 'armistice'],
  bankrupt: ['bankruptcy', 'insolvent', 'insolvency'],
};
