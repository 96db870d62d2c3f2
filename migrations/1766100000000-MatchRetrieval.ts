import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, first stage of matching: retrieval by words. `claims.match_terms` holds the English-stemmed words of the
 * claim's text, subject, speaker and published verdict summary, with the domain's synonyms folded onto one word
 * (soldiers → troop, kids → child, died → kill) and the claim's figures as `#<value>` terms (so "$80M" and
 * "$80 million" share `#80000000`). A GIN index serves `match_terms @@ (a | b | …)`; the ranker reads the terms back.
 *
 * Why a table of synonyms and not a Postgres synonym dictionary: a dictionary is a file in the server's share
 * directory, which a migration cannot write and a managed Postgres does not let us touch. The table is data: changing
 * it means a migration that also rewrites `match_terms` (see the backfill below).
 *
 * Why a trigger and not a generated column: the verdict summary lives in another table.
 * The column's statistics target is raised so `pg_stats.most_common_elems` knows the frequent terms: the matcher
 * weighs words by rarity from there (inverse document frequency) without a table of its own to maintain.
 */
export class MatchRetrieval1766100000000 implements MigrationInterface {
  name = 'MatchRetrieval1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE match_synonyms (lexeme text PRIMARY KEY, canonical text NOT NULL)`);
    const pairs = Object.entries(MATCH_SYNONYMS).flatMap(([canonical, words]) => words.map((w) => [w, canonical] as const));
    // Both sides go through the English stemmer, so the table holds what to_tsvector produces ("kids" → kid → child).
    await q.query(
      `INSERT INTO match_synonyms (lexeme, canonical)
       SELECT DISTINCT ON (l) l, coalesce((tsvector_to_array(to_tsvector('english', c)))[1], c)
         FROM unnest($1::text[], $2::text[]) AS x(w, c), unnest(tsvector_to_array(to_tsvector('english', w))) AS l
        ORDER BY l, c`,
      [pairs.map(([w]) => w), pairs.map(([, c]) => c)],
    );
    await q.query(`DELETE FROM match_synonyms WHERE lexeme = canonical`);
    await q.query(`
      CREATE FUNCTION match_terms_of(doc text, figures float8[]) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(coalesce(array_agg(DISTINCT t), '{}')) FROM (
          SELECT coalesce(s.canonical, l) AS t
            -- "$80M", "5bn": the figure and its scale word as two words, as in "$80 million" and "5 billion".
            FROM unnest(tsvector_to_array(to_tsvector('english', regexp_replace(coalesce(doc, ''), '(\\d)([[:alpha:]])', '\\1 \\2', 'g')))) AS l
            LEFT JOIN match_synonyms s ON s.lexeme = l
          UNION ALL
          SELECT '#' || f::text FROM unnest(figures) AS f WHERE f IS NOT NULL
        ) terms
      $$`);
    await q.query(`
      CREATE FUNCTION claim_match_terms(c claims) RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT match_terms_of(
          concat_ws(' ', c.text, c.subject, c.speaker,
            (SELECT v.summary FROM verdicts v WHERE v.claim_id = c.id AND v.status = 'published' ORDER BY v.version DESC LIMIT 1)),
          ARRAY[c.quantity_value, c.quantity_low, c.quantity_high])
      $$`);
    await q.query(`ALTER TABLE claims ADD COLUMN match_terms tsvector`);
    await q.query(`
      CREATE FUNCTION claims_match_terms_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.match_terms := claim_match_terms(NEW);
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER claims_match_terms BEFORE INSERT OR UPDATE OF text, subject, speaker, quantity_value, quantity_low, quantity_high
                   ON claims FOR EACH ROW EXECUTE FUNCTION claims_match_terms_refresh()`);
    // A verdict published (or superseded by a correction) changes what its claim is found by.
    await q.query(`
      CREATE FUNCTION verdicts_match_terms_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE claims c SET match_terms = claim_match_terms(c) WHERE c.id = NEW.claim_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER verdicts_match_terms AFTER INSERT OR UPDATE OF status, summary ON verdicts
                   FOR EACH ROW WHEN (NEW.status = 'published' OR NEW.status = 'superseded') EXECUTE FUNCTION verdicts_match_terms_refresh()`);
    await q.query(`UPDATE claims c SET match_terms = claim_match_terms(c)`);
    await q.query(`ALTER TABLE claims ALTER COLUMN match_terms SET NOT NULL`);
    await q.query(`CREATE INDEX claims_match_terms_idx ON claims USING gin (match_terms)`);
    await q.query(`ALTER TABLE claims ALTER COLUMN match_terms SET STATISTICS 1000`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS verdicts_match_terms ON verdicts`);
    await q.query(`DROP TRIGGER IF EXISTS claims_match_terms ON claims`);
    await q.query(`DROP FUNCTION IF EXISTS verdicts_match_terms_refresh()`);
    await q.query(`DROP FUNCTION IF EXISTS claims_match_terms_refresh()`);
    await q.query(`ALTER TABLE claims DROP COLUMN IF EXISTS match_terms`);
    await q.query(`DROP FUNCTION IF EXISTS claim_match_terms(claims)`);
    await q.query(`DROP FUNCTION IF EXISTS match_terms_of(text, float8[])`);
    await q.query(`DROP TABLE IF EXISTS match_synonyms`);
  }
}

/**
 * The domain's synonyms as of this migration, canonical word → words folded onto it (stemmed by Postgres's English
 * stemmer on insert). Words whose stem means one thing in claims: not "forces" (forced), "lives" (live) or "pay" (pay a fine).
 */
const MATCH_SYNONYMS: Record<string, string[]> = {
  troops: ['soldiers', 'soldier', 'servicemen', 'serviceman', 'personnel', 'reservists', 'army', 'military'],
  killed: ['dead', 'died', 'die', 'deaths', 'death', 'fatalities', 'fatality', 'perished', 'deadly', 'fatal', 'murdered', 'slain'],
  wounded: ['injured', 'injuries', 'injury', 'hurt'],
  displaced: ['fled', 'flee', 'uprooted', 'refugees', 'refugee', 'evacuated', 'homeless'],
  child: ['children', 'kids', 'kid', 'minors', 'youngsters'],
  million: ['m', 'mn', 'mln', 'millions'],
  billion: ['bn', 'bln', 'b', 'billions'],
  thousand: ['k', 'thousands'],
  trillion: ['tn', 'trn', 'trillions'],
  percent: ['pct', 'percentage'],
  dollar: ['usd', 'bucks'],
  car: ['vehicles', 'vehicle', 'automobiles', 'automobile'],
  doctor: ['physicians', 'physician'],
  vaccine: ['vaccination', 'vaccinated', 'jab', 'jabs', 'inoculation'],
  ban: ['banned', 'prohibited', 'prohibits', 'prohibition', 'outlawed', 'outlaws'],
  law: ['legislation', 'statute'],
  rise: ['rose', 'increased', 'increase', 'grew', 'growth', 'climbed', 'jumped', 'surged', 'soared'],
  fall: ['fell', 'dropped', 'drop', 'declined', 'decline', 'decreased', 'decrease', 'plunged', 'slumped'],
  immigrants: ['migrants', 'migrant', 'immigration', 'migration'],
  gun: ['firearms', 'firearm'],
  fine: ['fined', 'penalty', 'penalties'],
  wage: ['salary', 'salaries', 'earnings'],
  tax: ['levy', 'levies'],
  hospital: ['clinics', 'clinic'],
  earthquake: ['quake', 'quakes', 'tremor'],
  america: ['usa', 'american', 'americans'],
  britain: ['uk', 'british'],
  police: ['policemen', 'cops', 'cop'],
  prison: ['jail', 'jailed', 'imprisoned', 'prisons', 'jails'],
};
