import type { QueryRunner } from 'typeorm';

/**
 * The synonym rounds' shared steps (migrations 1766400000000, 1767400000000, 1768100000000): fold each word onto its
 * canonical one in `match_synonyms` (both through match_spelling and the English stemmer, as match_terms_of reads
 * them), then rebuild every stored claim's `match_terms`. A canonical word that is itself folded onto another (an
 * earlier round's synonym) goes all the way; a hyphenated word folds as the whole ("all-time"), not its parts; a word
 * already folded keeps its first canonical. The SQL is the one each round ran when it was written.
 */
export async function addMatchSynonyms(q: QueryRunner, classes: Record<string, readonly string[]>): Promise<void> {
  const pairs = Object.entries(classes).flatMap(([canonical, words]) => words.map((w) => [w, canonical] as const));
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
  await rebuildMatchTerms(q);
}

/** Undoes addMatchSynonyms for these words (none of which an earlier round folded), and rebuilds the terms. */
export async function dropMatchSynonyms(q: QueryRunner, classes: Record<string, readonly string[]>): Promise<void> {
  await q.query(
    `DELETE FROM match_synonyms WHERE lexeme IN (
       SELECT l FROM unnest($1::text[]) AS w, unnest(tsvector_to_array(to_tsvector('english', match_spelling(w)))) AS l
        WHERE strpos(w, '-') = 0 OR strpos(l, '-') > 0)`,
    [Object.values(classes).flat()],
  );
  await rebuildMatchTerms(q);
}

export async function rebuildMatchTerms(q: QueryRunner): Promise<void> {
  await q.query(`UPDATE claims c SET match_terms = claim_match_terms(c)`);
}
