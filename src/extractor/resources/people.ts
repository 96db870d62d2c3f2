/** People vocabulary: the nouns that count persons, and the words for crowds. Everything is lowercase. */

/** Nouns for people (a harm verb near them makes casualties). */
export const PERSON_NOUNS = new Set([
  'man', 'woman', 'boy', 'girl', 'baby', 'soldier', 'officer', 'worker', 'resident', 'journalist', 'firefighter', 'passenger', 'student', 'teenager', 'infant', 'toddler', 'pilot', 'driver', 'migrant', 'nurse', 'doctor', 'patient', 'prisoner', 'hostage', 'protester',
  'people', 'persons', 'person', 'civilians', 'civilian', 'children', 'child', 'kids', 'women', 'men', 'adults',
  'residents', 'villagers', 'inhabitants', 'citizens', 'migrants', 'workers', 'passengers', 'patients', 'students',
  'protesters', 'protestors', 'demonstrators', 'militants', 'insurgents', 'rebels', 'officers', 'policemen',
  'journalists', 'reporters', 'miners', 'pilgrims', 'worshippers', 'tourists', 'crew', 'members', 'infants',
  'babies', 'toddlers', 'teenagers', 'youths', 'adolescents', 'pupils', 'soldiers', 'sailors', 'troops', 'seniors', 'retirees', 'pensioners', 'inmates', 'nationals', 'fans', 'spectators', 'shoppers', 'customers', 'guests', 'parishioners', 'voters', 'recruits', 'police', 'policewomen', 'crewmembers', 'aid workers', 'relatives', 'survivors', 'girls', 'boys', 'individuals', 'victims', 'others', 'more', 'family', 'families',
  'staff', 'employees', 'volunteers', 'doctors', 'nurses', 'prisoners', 'detainees', 'hostages', 'farmers',
  'fishermen', 'pedestrians', 'motorists', 'drivers', 'firefighters', 'guards', 'agents', 'elderly', 'locals',
]);
/**
 * More person nouns, from conflict reports: victims and armed groups named by role. Kept apart from PERSON_NOUNS,
 * which the numbers stage also reads to end a noun phrase ("eight coast guard ships" must stay ships).
 */
export const ROLE_PERSON_NOUNS = new Set([
  'medics', 'paramedics', 'teachers', 'herders', 'shepherds', 'activists', 'clerics', 'elders', 'labourers', 'laborers',
  'gunmen', 'tribesmen', 'islamists', 'jihadists', 'assailants', 'attackers', 'bystanders', 'policeman', 'commander',
  'commanders', 'tribesman', 'gunman', 'militant', 'fighter', 'rebel', 'insurgent', 'villager', 'farmer', 'shepherd',
  'herder', 'activist', 'teacher', 'medic', 'paramedic', 'cleric', 'guard', 'elder', 'trader', 'traders', 'merchant', 'merchants',
]);
/** Endings of capitalised demonyms that count people: "Ukrainians", "Sudanese", "Afghans". */
export const DEMONYM_ENDING = /(ans|ese|is|ers|ch|ks|gya|ds)$/;
/** Person nouns normalised to the unit 'people'. */
export const PEOPLE_UNIT_NOUNS = new Set(['persons', 'person']);

/** Words for a crowd whose size a figure gives ("a crowd of 31,442", "turnout was 5,000"). */
export const CROWD_WORDS = new Set(['crowd', 'crowds', 'turnout', 'attendance', 'protesters', 'demonstrators', 'marchers', 'participants', 'gathering', 'rally', 'march', 'protest', 'demonstration', 'audience']);
/** Nouns after "N-strong" that make the figure a count of people ("a 5,000-strong crowd"). */
export const CROWD_NOUNS = new Set(['crowd', 'mob', 'march', 'rally', 'protest', 'demonstration', 'gathering', 'procession', 'convoy', 'caravan', 'group']);
/** Verbs right after a bare figure that make it a count of people ("about 5,000 attended"). */
export const GATHER_VERBS = new Set(['attended', 'marched', 'protested', 'gathered', 'rallied', 'demonstrated']);
/** Nouns after "N-strong" for a workforce. */
export const WORKFORCE_NOUNS = new Set(['workforce', 'staff']);

/** Does this noun (or the last word of a unit such as "police officers") count persons? Matching reads it too. */
export function isPersonNoun(noun: string): boolean {
  const last = noun.toLowerCase().trim().split(/\s+/).pop() ?? '';
  return PERSON_NOUNS.has(last) || ROLE_PERSON_NOUNS.has(last) || PEOPLE_UNIT_NOUNS.has(last);
}
