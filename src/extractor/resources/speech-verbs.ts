/**
 * Speech and reporting verbs: one vocabulary, in named subsets, for every rule that asks "does someone say this?".
 * All lowercase word forms. A subset is a role a verb plays in a rule, so a verb may sit in several.
 */

/** Said, told, according (to), estimated: the core verbs of attribution; they outrank every other verb for a figure. */
export const CORE_SPEECH = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'stated', 'states', 'estimated', 'estimates', 'according',
  'wrote', 'writes', 'tweeted',
]);

/** Every verb that can introduce attributed speech ("X <verb> that …", "…, X <verb>."); the weak ones need more context. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'stated', 'states', 'tweeted', 'wrote', 'writes',
  'estimated', 'estimates', 'estimate', 'estimating', 'insisted', 'insists', 'argued', 'argues', 'acknowledged',
  'acknowledges', 'explained', 'explains', 'cautioned', 'predicted', 'predicts', 'projected', 'projects', 'alleged',
  'alleges', 'asserted', 'asserts', 'emphasized', 'emphasised', 'stressed', 'stresses', 'declared', 'declares',
  'maintained', 'maintains', 'contended', 'contends', 'testified', 'conceded', 'countered', 'replied',
  'responded', 'disclosed', 'revealed', 'reveals', 'warned', 'warns', 'believes', 'believed', 'claimed', 'claims',
  'confirmed', 'confirms', 'announced', 'announces', 'reported', 'reports', 'added', 'adds', 'noted', 'notes',
  'repeated', 'repeats', 'recorded', 'counted', 'calculated', 'calculates', 'put', 'puts', 'suggested', 'suggests',
  'indicated', 'indicates', 'forecast', 'forecasts', 'wrote', 'posted', 'reiterated', 'reiterates', 'denied', 'denies',
  'thinks', 'think', 'expects', 'expected', 'showed', 'shows', 'found', 'finds', 'tallied', 'registered', 'recalled',
  'accused', 'accuses', 'urged', 'urges', 'pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows', 'hopes', 'fears',
]);

/** Speech verbs that are often something else ("reported 40 cases", "found the bodies"): speech only with a speech context after them. */
export const WEAK_SPEECH = new Set([
  'added', 'adds', 'reported', 'reports', 'noted', 'notes', 'recorded', 'counted', 'put', 'puts', 'showed', 'shows',
  'found', 'finds', 'registered', 'expects', 'expected', 'repeated', 'repeats', 'confirmed', 'confirms',
  'announced', 'announces', 'claimed', 'claims', 'warned', 'warns', 'believes', 'believed', 'think', 'thinks',
  'tallied', 'calculated', 'projected', 'projects', 'predicted', 'predicts', 'forecast', 'forecasts', 'recalled',
  'accused', 'accuses', 'urged', 'urges', 'pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows', 'hopes',
  'fears', 'denied', 'denies', 'posted', 'estimate', 'stated', 'states', 'declared', 'declares', 'projected',
]);

/** Weak verbs that only continue a speaker's statement ("…, he added."): never a speaker's own report. */
export const CONTINUATION_VERBS = new Set(['added', 'adds']);

/** Reporting verbs: they attribute a figure when their subject is named ("The Pentagon on Monday announced 300 …"). */
export const REPORTING_VERBS = new Set([
  'estimates', 'believes', 'accused', 'accuses', 'accuse', 'alleged', 'alleges', 'announced', 'announces', 'reported',
  'reports', 'confirmed', 'confirms', 'recorded', 'records', 'found', 'finds', 'claimed', 'claims', 'claim', 'estimate',
  'counted', 'registered', 'tallied', 'calculated', 'projected', 'projects', 'forecast', 'forecasts', 'predicted',
  'predicts', 'showed', 'shows', 'documented', 'expected', 'anticipated', 'show',
]);

/** Verbs of what a study or poll found ("The survey found …", "A poll by X shows …"). */
export const FINDING_VERBS = new Set(['found', 'finds', 'show', 'shows', 'showed', 'suggests', 'suggested', 'concluded', 'concludes']);

/** Speech verbs that share the subject of a first verb: "Zelenskyy thanked Britain and said …". */
export const COORDINATED_SPEECH = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'warned', 'warns', 'insisted', 'insists', 'stressed', 'stresses']);

/** Verbs that put a figure at a value: "Police put the figure at 40,000". */
export const PUT_AT_VERBS = new Set(['put', 'puts']);

/** Forms of "claim" that take "to": "the group claimed to have …". */
export const CLAIM_TO_VERBS = new Set(['claim', 'claims', 'claimed']);

/**
 * Stance verbs: an attributed statement when a sentence has no figure ("Russia criticized the format", "the African
 * Union called for a ceasefire"), never the source of a figure.
 */
export const STANCE_VERBS = new Set([
  'urged', 'urges', 'urge', 'warned', 'warns', 'warn', 'criticized', 'criticised', 'criticizes', 'criticises', 'criticize',
  'criticise', 'condemned', 'condemns', 'condemn', 'rejected', 'rejects', 'reject', 'dismissed',
  'dismisses', 'welcomed', 'welcomes', 'welcome', 'praised', 'praises', 'demanded', 'demands', 'demand', 'called', 'calls',
  'call', 'threatened', 'threatens', 'threaten', 'vowed', 'vows', 'vow', 'pledged', 'pledges', 'promised', 'promises',
  'accused', 'accuses', 'accuse', 'blamed', 'blames', 'blame', 'defended', 'defends', 'insisted', 'insist', 'questioned',
  'questions', 'disputed', 'disputes', 'dispute', 'appealed', 'appeals', 'declared', 'declares', 'argued', 'argue',
  'maintain', 'believe', 'fear', 'hope', 'expect', 'doubt', 'doubts', 'doubted', 'opposed', 'opposes', 'oppose',
  'backed', 'backs', 'endorsed', 'endorses', 'acknowledged', 'acknowledge', 'admitted', 'admits', 'admit', 'conceded',
  'cautioned', 'cautions', 'predicted', 'predict', 'signaled', 'signalled', 'signals', 'hailed', 'hails', 'slammed',
  'slams', 'lashed', 'decried', 'decries', 'protested', 'stressed', 'stresses', 'reiterated', 'reaffirmed', 'reaffirms',
]);

/** Stance verbs that are a stance only with their particle: "called for", "appealed for", "lashed out". */
export const PARTICLE_STANCE_VERBS = new Set(['call', 'calls', 'called', 'appealed', 'appeals', 'lashed']);
/** The particles of PARTICLE_STANCE_VERBS. */
export const STANCE_PARTICLES = new Set(['for', 'on', 'out']);

/** "called it \"a big win\"": calling something a quoted name is a stance. */
export const CALL_VERBS = new Set(['call', 'calls', 'called']);
/** "described Russia as a threat": a characterisation is a stance. */
export const CHARACTERISE_VERBS = new Set(['described', 'describes', 'branded', 'brands', 'labelled', 'labeled']);

/** Stems of transitive stance verbs: what follows them is an object, never an inverted speaker ("…, accused government forces"). */
export const TRANSITIVE_STANCE_STEM = /^(accus|blam|urg|critici[sz]|condemn|prais|thank|welcom|defend)/;

/** Speech-verb spellings that are nouns after a determiner: "Neither claim could be verified". */
export const SPEECH_NOUN_SPELLINGS = new Set([
  'claim', 'claims', 'estimate', 'estimates', 'report', 'reports', 'forecast', 'forecasts', 'warning', 'statement', 'states',
  'finds', 'records', 'projections', 'projects',
]);
/** Singular speech nouns that are a preposition's object at the end of a clause: "declined to comment on the estimate.". */
export const SPEECH_NOUNS_AS_OBJECT = new Set(['claim', 'estimate', 'report', 'forecast', 'warning', 'statement', 'assessment', 'count', 'tally']);

/** "said", "says": the verbs that close a study's subject or a coordinated clause ("The report that found …, said"). */
export const SAID_SAYS = new Set(['said', 'says']);

/** "said", "says", "told", "tells": the plain verbs of a named speaker; a remembered speaker is one of these. */
export const SAY_TELL_VERBS = new Set(['said', 'says', 'told', 'tells']);

/** "says", "say": the present-tense verbs of a headline ("Minister says …"), which ends without a full stop. */
export const HEADLINE_SPEECH_VERBS = new Set(['says', 'say']);

/** Verbs that close a quotation ("\"…,\" she said."): the quote's speaker is done after them. */
export const QUOTE_CLOSING_VERBS = new Set(['said', 'says', 'told', 'added', 'wrote']);

/** Verbs of saying whose date is the saying's, not the figure's ("said on Monday that 40 …"). */
export const DATED_SPEECH_VERBS = new Set(['said', 'says', 'say', 'told', 'tells', 'announced', 'claimed', 'claims', 'reported', 'stated', 'added']);

/** Reporting verbs whose object is the reported clause: a relative "that" after them is a complementiser. */
export const CLAUSE_TAKING_VERBS = new Set([
  'said', 'says', 'say', 'told', 'reported', 'warned', 'added', 'noted', 'announced', 'estimated', 'claimed', 'believes', 'believe',
]);

/** Counting verbs: an authority "recorded/reported/registered/counted/announced" a figure. */
export const COUNTING_VERBS = new Set(['recorded', 'reported', 'registered', 'counted', 'announced']);
