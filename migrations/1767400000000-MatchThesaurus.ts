import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addMatchSynonyms, dropMatchSynonyms } from './match-synonyms.js';

/**
 * Issue 12, retrieval by words, third round: everyday words for the things news claims are about, which posts use
 * where fact-checks use the standard word (inmates for prisoners, meds and pills for drugs, subscribers for
 * customers, jobless for unemployed, a walkout for a strike, warplanes for planes, homicides for killings). Written
 * as a thesaurus of classes, each word chosen because its stem means the canonical one in claims; not words with a
 * common second sense ("shot": a vaccine or a shooting; "fighters": planes or combatants; "users"), no word whose stem is a common word
 * ("marketers" stems to "market", "medication" to "medic" as "medical" does, "crickets" to the sport, "tablets" to the computers), and no phrase
 * (each word of one would be folded alone: "put off" would make every "put" a delay).
 * Every stored claim's `match_terms` is rebuilt.
 */
export class MatchThesaurus1767400000000 implements MigrationInterface {
  name = 'MatchThesaurus1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await addMatchSynonyms(q, MATCH_THESAURUS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropMatchSynonyms(q, MATCH_THESAURUS);
  }
}

/** canonical word → everyday words folded onto it (none of them was in the earlier migrations' tables). */
const MATCH_THESAURUS: Record<string, string[]> = {
  // people held, and holding them
  prisoner: ['inmate', 'inmates', 'detainee', 'detainees', 'convicts'],
  arrest: ['detained', 'detain', 'handcuffed', 'apprehended'],
  // medicines
  drug: ['medicine', 'medicines', 'meds', 'pills'],
  // customers of a service
  customer: ['subscriber', 'subscribers', 'clients'],
  unemployed: ['jobless', 'unemployment'],
  strike: ['walkout', 'walkouts', 'stoppage'],
  protest: ['demonstration', 'demonstrations', 'demonstrators', 'protesters', 'protestors'],
  // aircraft of war
  plane: ['warplane', 'warplanes'],
  killed: ['homicide', 'homicides', 'massacred'],
  border: ['frontier', 'frontiers'],
  postpone: ['delay', 'delayed', 'delays', 'deferred'],
  resign: ['quit', 'quits', 'resignation'],
  steal: ['stole', 'stolen', 'theft', 'thefts', 'robbed', 'looted'],
  advertiser: ['advertisers', 'advertising', 'ads'],
  location: ['whereabouts', 'locations', 'gps'],
  insect: ['insects', 'bugs', 'mealworms'],
  infertility: ['sterile', 'sterility', 'infertile'],
  flood: ['floods', 'flooding', 'inundated', 'deluge'],
  blackout: ['outage', 'outages', 'blackouts'],
  expand: ['enlarge', 'enlarged', 'expansion'],
  ceo: ['boss'],
  wage: ['paycheck', 'paycheque', 'payslip'],
};
