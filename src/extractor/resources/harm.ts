/**
 * Harm vocabulary: the words that say what happened to the people a figure counts (killed, wounded, displaced,
 * missing, detained…). Everything is lowercase.
 */

/** Words (verbs, participles, nouns) for deaths. */
export const KILL_WORDS = new Set([
  'killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'dying', 'deaths', 'death',
  'fatalities', 'fatality', 'perished', 'slain', 'murdered', 'massacred', 'executed', 'toll', 'lives',
  'drowned', 'fatally', 'bodies',
]);
/** Words for injuries. */
export const WOUND_WORDS = new Set([
  'wounded', 'wounding', 'wound', 'injured', 'injuring', 'injure', 'injuries', 'hurt', 'maimed',
]);
/** Killed and wounded together. */
export const CASUALTY_WORDS = new Set(['casualties', 'casualty']);
/** Words for people forced from their homes. */
export const DISPLACE_WORDS = new Set([
  'displaced', 'displacing', 'displacement', 'refugees', 'fled', 'flee', 'fleeing', 'flees', 'evacuated',
  'evacuate', 'evacuating', 'evacuees', 'evacuation', 'homeless', 'uprooted', 'asylum', 'idps', 'exodus',
]);

/** Counted nouns that mean a harm figure by themselves ("300 dead", "31,400 deaths"). */
export const KILL_NOUNS = new Set(['dead', 'deaths', 'death', 'fatalities', 'fatality', 'bodies', 'killed', 'lives']);
export const WOUND_NOUNS = new Set(['wounded', 'injured', 'injuries', 'injury']);
export const DISPLACE_NOUNS = new Set(['refugees', 'refugee', 'evacuees', 'displaced', 'idps', 'asylum']);

/** Harm nouns before a figure that name a tally rather than act on the figure ("the toll … 300"): read from context. */
export const TALLY_NOUNS = new Set(['toll', 'deaths', 'fatalities', 'dead', 'casualties', 'refugees', 'evacuees', 'lives', 'death']);
/** Harm nouns after a figure that do not end the walk to its verb ("300 lives were lost" → 'lost'). */
export const HARM_NOUNS_PASSED = new Set(['lives', 'toll', 'death']);
/** Verbs of losing people: "the army lost 11 soldiers". */
export const LOSS_VERBS = new Set(['lost', 'lose', 'losing']);
/** At or above this many, a war-long loss tally counts killed and wounded together. */
export const LOSS_TALLY_MIN = 1000;

/** Verbs of moving people that mean displacement when a shelter or camp follows. */
export const RELOCATE_BEFORE = new Set(['moved', 'relocated', 'evacuated', 'resettled', 'bused', 'bussed', 'transferred']);
export const RELOCATE_AFTER = new Set(['moved', 'relocated', 'resettled', 'rehoused', 'taken', 'bused', 'bussed', 'transferred', 'sent']);
/** Where displaced people are moved to. */
export const SHELTER_PLACES = new Set(['shelter', 'shelters', 'camp', 'camps', 'safety']);
export const SHELTER_PLACES_AFTER = new Set(['shelter', 'shelters', 'camp', 'camps', 'safety', 'evacuation']);
/** "suffered minor injuries", "sustained burns". */
export const SUFFER_VERBS = new Set(['suffered', 'suffer', 'suffering', 'sustained', 'sustain', 'received']);
export const INJURY_NOUNS = new Set(['injuries', 'injury', 'wounds', 'burns', 'fractures']);
/** "500,000 people are sheltering", "camped in the open". */
export const SHELTERING_VERBS = new Set(['sheltering', 'camped', 'camping']);
export const REFUGE_SEEKING = new Set(['sought', 'seeking', 'sheltering']);
export const REFUGE_NOUNS = new Set(['refuge', 'shelter', 'asylum']);

// say/said here are words that may stand between a count and its harm verb ("40 said to be dead"): not a speech list.
/** Words allowed between a figure and its harm verb after it ("were reportedly killed", "had been brought dead"). */
export const HARM_AUXILIARIES = new Set([
  'have', 'has', 'had', 'were', 'was', 'are', 'is', 'been', 'being', 'be', 'reportedly', 'also', 'now', 'already',
  'so', 'far', 'since', 'all', 'later', 'either', 'both', 'feared', 'believed', 'confirmed', 'reported', 'thought',
  'who', 'that', 'say', 'said', 'to', 'left', 'found', 'presumed', 'likely', 'probably', 'officially',
  'in', 'the', 'attack', 'strike', 'fighting', 'or', 'seriously', 'internally', 'temporarily', 'forcibly',
  'permanently', 'under', 'newly', 'recently', 'still', 'got', 'get', 'critically', 'severely', 'badly', 'slightly',
  // "17 people had been brought dead to the hospital", "were pronounced dead"
  'brought', 'pronounced', 'declared',
  // an elided noun in a list: "30 people were killed and 40 more injured"
  'more',
]);
/** Words allowed between a harm verb and the figure after it ("killing at least 112", "displaced a record 1.3 million"). */
export const HARM_LEFT_GAP = new Set([
  'at', 'least', 'more', 'than', 'some', 'about', 'around', 'nearly', 'almost', 'an', 'estimated', 'over', 'up', 'to',
  'as', 'many', 'roughly', 'approximately', 'another', 'a', 'further', 'additional', 'fewer', 'less', 'well',
  'just', 'close', 'of', 'the', 'only', 'upwards', 'no', '"', '“', 'record',
]);

/** States a counted group is in: "41 are missing", "26 remain trapped". */
export const OUTCOME_STATES = new Set([
  'missing', 'trapped', 'unaccounted', 'detained', 'arrested', 'hospitalized', 'hospitalised', 'stranded', 'rescued',
  'captured', 'abducted', 'kidnapped', 'jailed', 'imprisoned', 'infected', 'sick', 'ill',
]);
/** Verbs between a figure and its state ("are still missing", "have been reported trapped"). */
export const STATE_LINKS = new Set(['are', 'were', 'is', 'was', 'remain', 'remained', 'remains', 'still', 'have', 'has', 'had', 'been', 'being', 'reported', 'also']);

/** Words before a figure that name the harm it counts ("the death toll rose to 300", "troop numbers reached …"). */
export const CONTEXT_HARM: Record<string, 'killed' | 'wounded' | 'displaced' | 'casualties' | 'troops'> = {
  toll: 'killed', deaths: 'killed', fatalities: 'killed', dead: 'killed', killed: 'killed',
  injured: 'wounded', wounded: 'wounded', injuries: 'wounded', casualties: 'casualties',
  refugees: 'displaced', displaced: 'displaced', evacuees: 'displaced', evacuated: 'displaced', fled: 'displaced',
  troops: 'troops', troop: 'troops', soldiers: 'troops', forces: 'troops', personnel: 'troops',
};
/** Words before a harm-context noun that make it the injury tally ("injury toll"). */
export const INJURY_TALLY_MOD = 'injury';
/** Link words between a harm context and a person figure ("the toll rose to 300 people"). */
export const CONTEXT_LINKS = new Set(['to', 'at', 'of', 'were', 'was', 'are', 'is', 'included', 'including', 'include', 'includes', 'among', 'reached', 'hit', 'climbed', 'rose']);

/** Violent verbs that kill when followed by "to death" or "and killed": "shot to death", "were shot and killed". */
export const VIOLENT_VERBS = new Set([
  'shot', 'stabbed', 'beaten', 'beat', 'hacked', 'burned', 'burnt', 'stoned', 'bludgeoned', 'crushed', 'trampled',
  'tortured', 'starved', 'clubbed', 'knifed', 'strangled', 'choked', 'hanged', 'attacked', 'ambushed', 'targeted', 'hit',
  'struck', 'gunned', 'mauled',
]);
/** Nouns for a death that take their victims after "of": "the death of 2 people", "the killing of 5 civilians". */
export const DEATH_OF_NOUNS = new Set(['death', 'deaths', 'killing', 'killings', 'murder', 'murders', 'massacre', 'execution', 'executions']);
