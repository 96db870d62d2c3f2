/** Vocabulary for dated events (stages/claims/events.ts). Lowercase. */

/** Verbs of dated events ("annexed Crimea in 2014"). */
export const EVENT_VERBS = new Set([
  'annexed', 'invaded', 'launched', 'attacked', 'seized', 'captured', 'signed', 'held', 'elected', 'struck', 'hit',
  'erupted', 'collapsed', 'approved', 'passed', 'declared', 'imposed', 'withdrew', 'began', 'begun', 'ended',
  'started', 'occupied', 'bombed', 'shelled', 'shot', 'downed', 'crashed', 'exploded', 'flooded', 'landed',
  'ratified', 'adopted', 'enacted', 'vetoed', 'resigned', 'won', 'lost', 'defeated', 'toppled', 'overthrew',
  'assassinated', 'arrested', 'convicted', 'sentenced', 'acquitted', 'indicted', 'fired', 'appointed', 'founded',
  'established', 'opened', 'closed', 'suspended', 'banned', 'sanctioned', 'raided', 'destroyed', 'damaged',
  'swept', 'ravaged', 'devastated', 'hit', 'broke', 'burned', 'burnt', 'sank', 'joined', 'left', 'quit', 'recognized',
  'recognised', 'abolished', 'introduced', 'unveiled', 'merged', 'acquired', 'liberated', 'retook', 'recaptured',
  'reopened', 'expelled', 'deported', 'killed', 'massacred', 'kidnapped', 'detonated', 'fired', 'mobilized',
  'mobilised', 'deployed', 'stormed', 'besieged', 'razed', 'ceded', 'seceded', 'split', 'dissolved', 'held',
  'took', 'announced', 'fined', 'promised', 'pledged', 'agreed', 'voted', 'visited', 'met', 'released', 'published',
  'carried', 'staged', 'hosted', 'completed', 'built', 'withdrawn', 'annexed', 'invaded', 'erupted', 'struck',
  'bought', 'sold', 'shut', 'ruled', 'boarded', 'brokered', 'grounded', 'scheduled', 'hijacked', 'freed', 'rammed',
  'intercepted', 'sealed', 'renewed', 'extended',
]);

/** Nouns of reports and data whose participle dates the source, not an event ("figures released last week"). */
export const SOURCE_NOUNS = new Set(['figures', 'data', 'statistics', 'survey', 'poll', 'study', 'report', 'estimates', 'results', 'numbers', 'research', 'analysis', 'assessment', 'review', 'audit', 'census', 'tally']);
/** Words before "to <verb>" that make the verb a plan, not an event ("expected to sign"). */
export const PLAN_WORDS = new Set(['expected', 'set', 'due', 'plans', 'planned', 'scheduled', 'going', 'likely', 'poised', 'about']);
/** Words between a speech verb and a time that still date the statement ("said in a statement on Monday"). */
export const STATEMENT_FRAME = /^(in|a|an|on|to|the|statement|emailed|written|joint|post|interview|briefing|video|address|speech|reporters|journalists|state|media|television|x|telegram|facebook)$/;
/** Words that are not superlatives although they end in -est. */
export const NOT_SUPERLATIVE = /^(interest|protest|arrest|request|forest|west|test|harvest|contest|suggest|invest|guest|chest|quest|rest|nest|manifest|unrest|conquest|inquest|priest|honest|modest|latest)$/;
/** Durations are not an event's date ("held for 430 days", "over the past three years"). */
export const DURATION_PHRASE = /^(for|over|during|within|throughout|across|in) (the )?(past |last |next |coming )?(\d[\d,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few) (hours?|days?|weeks?|months?|years?|decades?|nights?)\b/i;
/** A time that names a calendar date (a digit, a day, a month, "yesterday", "last week"). */
export const EXPLICIT_DATE = /\d|day\b|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|last|week|month|year/i;
