import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addMatchSynonyms } from './match-synonyms.js';

/**
 * Issue 12, retrieval by words, second round: ways of writing one word that the English stemmer keeps apart, found on
 * the matching benchmark's misses and written down as classes (no sentence's own words):
 *  - spelling: British and American spellings are one word ("pasteurised" = "pasteurized", "analyse", "colour",
 *    "centre", "defence", "programme"), and the quarters and halves of a year are written out ("Q2" = "second quarter");
 *  - vocabulary: the domain's synonyms gain American/British words (gasoline = petrol, vacation = holiday), clipped
 *    words and abbreviations (Gov. = governor, min. wage = minimum wage, govt, EV, GDP = the economy's output), verbs of
 *    ending (terminated, scrapped, abolished = ended), of shrinking (shrank, dipped = fell) and of raising (hike),
 *    voting (voters, ballots), weapons (armed), aircraft (jet = plane), record (all-time, ever) and everyday names of
 *    measures ("consumer prices" = inflation).
 * `match_terms_of` now puts the text through `match_spelling` before the stemmer, and so do the synonyms' words on
 * insert; every stored claim's `match_terms` is rebuilt.
 */
export class MatchVocabulary1766400000000 implements MigrationInterface {
  name = 'MatchVocabulary1766400000000';

  async up(q: QueryRunner): Promise<void> {
    // Both sides of a comparison go through this, so a rule that also rewrites a word it was not meant for ("promise" →
    // "promize") rewrites it everywhere alike and costs nothing.
    await q.query(`
      CREATE FUNCTION match_spelling(doc text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
               regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(coalesce(doc, ''),
          -- organise, pasteurised, privatisation → -ize; analyse, paralysed → -yze
          '\\m([[:alpha:]]{3,})is(e|es|ed|ing|ation|ations)\\M', '\\1iz\\2', 'gi'),
          '\\m([[:alpha:]]{2,})ys(e|es|ed|ing)\\M', '\\1yz\\2', 'gi'),
          -- colour, labour, favourite → -or (not "hour", "four", "tour": too short a stem)
          '\\m([[:alpha:]]{3,})our(s|ed|ing|ite|ites|able)?\\M', '\\1or\\2', 'gi'),
          '\\m(cen|me|li|thea|fib|kilome|centime|millime)tre(s|d)?\\M', '\\1ter\\2', 'gi'),
          '\\m(defen|offen|licen|preten)ce(s)?\\M', '\\1se\\2', 'gi'),
          '\\m(catal|dial|anal|prol|epil)ogue(s)?\\M', '\\1og\\2', 'gi'),
          '\\mprogramme(s)?\\M', 'program\\1', 'gi'),
          -- Q1 … Q4 of a year, as written out
          '\\mQ1\\M', 'first quarter', 'gi'),
          '\\mQ2\\M', 'second quarter', 'gi'),
          '\\mQ3\\M', 'third quarter', 'gi'),
          '\\mQ4\\M', 'fourth quarter', 'gi'),
          -- the everyday name of a measure
          '\\mconsumer prices?\\M', 'inflation', 'gi')
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION match_terms_of(doc text, figures float8[]) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(coalesce(array_agg(DISTINCT t), '{}')) FROM (
          SELECT coalesce(s.canonical, l) AS t
            -- "$80M", "5bn": the figure and its scale word as two words, as in "$80 million" and "5 billion".
            FROM unnest(tsvector_to_array(to_tsvector('english',
                   regexp_replace(match_spelling(doc), '(\\d)([[:alpha:]])', '\\1 \\2', 'g')))) AS l
            LEFT JOIN match_synonyms s ON s.lexeme = l
          UNION ALL
          SELECT '#' || f::text FROM unnest(figures) AS f WHERE f IS NOT NULL
        ) terms
      $$`);
    await addMatchSynonyms(q, MATCH_VOCABULARY);
  }

  async down(q: QueryRunner): Promise<void> {
    // (None of these words was in the first migration's table.)
    await q.query(
      `DELETE FROM match_synonyms WHERE lexeme IN (
         SELECT l FROM unnest($1::text[]) AS w, unnest(tsvector_to_array(to_tsvector('english', match_spelling(w)))) AS l
          WHERE strpos(w, '-') = 0 OR strpos(l, '-') > 0)`,
      [Object.values(MATCH_VOCABULARY).flat()],
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION match_terms_of(doc text, figures float8[]) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(coalesce(array_agg(DISTINCT t), '{}')) FROM (
          SELECT coalesce(s.canonical, l) AS t
            FROM unnest(tsvector_to_array(to_tsvector('english', regexp_replace(coalesce(doc, ''), '(\\d)([[:alpha:]])', '\\1 \\2', 'g')))) AS l
            LEFT JOIN match_synonyms s ON s.lexeme = l
          UNION ALL
          SELECT '#' || f::text FROM unnest(figures) AS f WHERE f IS NOT NULL
        ) terms
      $$`);
    await q.query(`DROP FUNCTION IF EXISTS match_spelling(text)`);
    await q.query(`UPDATE claims c SET match_terms = claim_match_terms(c)`);
  }
}

/**
 * canonical word → words folded onto it (as MATCH_SYNONYMS in 1766100000000). A word is here because its stem means
 * the canonical one in claims; not "house" (the House, the White House), "contracted" (a contract) or "trip".
 */
const MATCH_VOCABULARY: Record<string, string[]> = {
  // American and British words for one thing.
  petrol: ['gasoline', 'gas'],
  holiday: ['vacation', 'vacations'],
  lorry: ['truck', 'trucks'],
  film: ['movie', 'movies'],
  football: ['soccer'],
  rubbish: ['garbage', 'trash'],
  motorway: ['highway', 'freeway'],
  // Clipped words and abbreviations.
  governor: ['gov'],
  senator: ['sen'],
  government: ['govt'],
  minimum: ['min'],
  maximum: ['max'],
  year: ['yr', 'yrs'],
  electric: ['ev', 'evs'],
  economy: ['gdp'],
  inflation: ['cpi'],
  // Verbs of ending, shrinking, raising.
  end: ['ended', 'terminated', 'terminate', 'terminates', 'scrapped', 'scraps', 'abolished', 'abolish', 'axed', 'revoked', 'rescinded', 'cancelled', 'canceled'],
  fall: ['shrank', 'shrunk', 'shrinks', 'dipped', 'dips', 'tumbled', 'slid'],
  rise: ['hike', 'hikes', 'hiked', 'raised', 'raising', 'raises'],
  // Voting: the voter, the ballot and the vote.
  vote: ['voters', 'voter', 'ballots', 'ballot'],
  gun: ['armed'],
  plane: ['jet', 'jets', 'aircraft', 'airplane', 'airplanes', 'aeroplane', 'planes'],
  record: ['all-time', 'ever', 'unprecedented'],
  displaced: ['asylum'],
  sentient: ['conscious', 'self-aware'],
};
