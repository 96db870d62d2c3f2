/** Military vocabulary: troop nouns, force nouns and their modifiers. Everything is lowercase. */

/** Nouns meaning military personnel. */
export const TROOP_NOUNS = new Set([
  'troops', 'troop', 'soldiers', 'soldier', 'servicemen', 'servicewomen', 'serviceman', 'personnel',
  'marines', 'paratroopers', 'reservists', 'conscripts', 'sailors', 'airmen', 'infantrymen', 'commandos',
  'forces', 'recruits', 'guardsmen', 'peacekeepers', 'mercenaries', 'fighters', 'combatants', 'paramilitaries', 'militiamen',
  'service members', 'servicemembers', 'military personnel', 'boots',
]);
/** Modifiers that turn "personnel"/"staff" into non-military. */
export const CIVIL_PERSONNEL_MODS = new Set([
  'medical', 'health', 'hospital', 'emergency', 'rescue', 'humanitarian', 'embassy', 'diplomatic', 'aid',
  'civilian', 'un', 'u.n.', 'airline', 'airport', 'school', 'hotel', 'company',
]);
/** Nouns for a military formation ("a 1,000-strong force"). */
export const FORCE_NOUNS = new Set(['force', 'forces', 'unit', 'units', 'contingent', 'brigade', 'battalion', 'army', 'garrison', 'division', 'detachment', 'regiment', 'corps', 'militia', 'task', 'squadron', 'company', 'deployment', 'mission']);
/** Modifiers that make a group military ("a 300-strong infantry company"). */
export const MILITARY_MODS = new Set(['military', 'army', 'naval', 'troop', 'peacekeeping', 'infantry', 'armed', 'rapid', 'reaction', 'combat']);
/** Groups after "members of the": "12 members of the crew were injured". */
export const GROUP_NOUNS = new Set(['force', 'mission', 'unit', 'army', 'contingent', 'crew', 'team', 'battalion', 'brigade', 'group', 'police', 'military', 'delegation', 'convoy']);
