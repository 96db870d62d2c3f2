/**
 * Vocabulary of the check-worthiness model (stages/checkworthiness): the words that tell a checkable assertion
 * ("fell", "voted against", "than at any time since") from a question, a promise, a hypothetical or an opinion.
 * Lowercase; typographic apostrophes are folded to "'" before lookup.
 */

/** Clause-opening words that make the clause a condition or a supposition. */
export const CONDITIONAL_OPENERS = new Set(['if', 'unless', 'suppose', 'imagine', 'whether']);

/** Modal auxiliaries that make a clause hypothetical ("could have lost", "might raise"). "may" only lowercase (May is a month). */
export const HYPOTHETICAL_MODALS = new Set(['would', 'could', 'might', 'may', 'should', "wouldn't", "couldn't", "shouldn't", "i'd", "we'd", "you'd", "they'd", "he'd", "she'd"]);

/** First-person subjects: a promise or an opinion is the speaker's own. */
export const FIRST_PERSON = new Set(['i', 'we']);

/** Verbs of intent after a first-person subject: "I want every family to…", "we plan to…", "I propose…". */
export const INTENT_VERBS = new Set(['want', 'plan', 'propose', 'pledge', 'promise', 'intend', 'aim', 'vow', 'commit', 'wish', 'need', 'must']);

/** Future auxiliaries: "will", "shall", "won't", and "going (to)". */
export const FUTURE_AUX = new Set(['will', 'shall', "won't", "'ll"]);

/** Opinion verbs after a first-person subject: "I think", "we believe", "I'm proud". */
export const OPINION_VERBS = new Set([
  'think', 'believe', 'feel', 'hope', 'guess', 'suspect', 'understand', 'know', 'trust', 'doubt', 'reckon', 'suppose',
  'proud', 'sure', 'convinced', 'confident', 'afraid', 'worried', 'glad', 'open', 'honoured', 'honored',
]);

/** Negators. */
export const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor']);

/** Negated auxiliaries of the present, the future or a modal: a denial or a refusal, not a record ("won't", "don't"). */
export const NEGATED_PRESENT_AUX = new Set([
  "don't", "doesn't", "won't", "can't", "cannot", "isn't", "aren't", "wouldn't", "couldn't", "shouldn't", "ain't",
]);

/** Auxiliaries before "not" that make a present, future or modal negation: "I'm not looking", "will not". */
export const PRESENT_AUX = new Set(['am', "i'm", 'is', 'are', "we're", "they're", "you're", "he's", "she's", "it's", "that's", 'do', 'does', 'will', 'would', 'can', 'could', 'should', 'shall', 'must']);

/** Past or perfect auxiliaries: "has never", "didn't", "had not": a negation that states a record. */
export const RECORD_AUX = new Set(['has', 'have', 'had', "hasn't", "haven't", "hadn't", 'did', "didn't", 'was', 'were', "wasn't", "weren't", "i've", "we've", "they've", "he's", "she's"]);

/** Verbs and adjectives of change: "fell", "has risen", "doubled", "went down". */
export const TREND_WORDS = new Set([
  'rose', 'risen', 'rises', 'rising', 'fell', 'fallen', 'falls', 'falling', 'dropped', 'drops', 'dropping', 'declined',
  'declines', 'declining', 'increased', 'decreased', 'grew', 'grown', 'growing', 'doubled', 'tripled', 'trebled',
  'quadrupled', 'halved', 'soared', 'surged', 'plunged', 'plummeted', 'climbed', 'slumped', 'shrank', 'shrunk',
  'tumbled', 'jumped', 'spiked', 'slowed', 'lowered', 'widened', 'narrowed', 'worsened', 'improved', 'collapsed',
]);

/** Particles that make a motion verb a trend: "went up", "come down", "is up again". */
export const TREND_PARTICLES = new Set(['up', 'down']);
export const TREND_MOTION_VERBS = new Set(['went', 'gone', 'go', 'goes', 'going', 'come', 'came', 'comes', 'is', 'are', 'was', 'were', 'been', 'shot', 'gone']);

/** Superlatives that state a record ("the lowest level since", "the largest navy in the world"). */
export const SUPERLATIVES = new Set([
  'highest', 'lowest', 'largest', 'biggest', 'smallest', 'worst', 'best', 'fastest', 'slowest', 'deadliest',
  'longest', 'shortest', 'most', 'least', 'fewest', 'strongest', 'weakest', 'richest', 'poorest', 'cheapest',
  'oldest', 'youngest', 'first',
]);

/** What makes a superlative a record with a baseline: "since", "ever", "in the world", "on record", "in two decades". */
export const RECORD_BASELINES = new Set(['since', 'ever', 'world', 'country', 'nation', 'region', 'record', 'recorded', 'history', 'decades', 'decade', 'years', 'generation', 'century', 'state', 'europe', 'continent']);

/** Official acts on the record: votes, vetoes, signatures, refusals. */
export const RECORD_VERBS = new Set(['voted', 'vetoed', 'signed', 'sponsored', 'co-sponsored', 'cosponsored', 'blocked', 'refused', 'repealed', 'missed', 'opposed', 'filibustered', 'abstained', 'rejected']);

/** Frequent irregular past forms (regular ones end in -ed). */
export const IRREGULAR_PAST = new Set([
  'took', 'made', 'built', 'wrote', 'brought', 'sent', 'spent', 'cut', 'gave', 'won', 'lost', 'paid', 'sold', 'bought',
  'left', 'led', 'began', 'broke', 'chose', 'got', 'held', 'kept', 'met', 'ran', 'saw', 'set', 'shut', 'stood', 'told',
  'put', 'hit', 'grew', 'fell', 'rose', 'drove', 'fought', 'threw',
]);

/** Titles and phrases that name a political actor without a capital: "the senator", "my opponent", "your state". */
export const ACTOR_NOUNS = new Set([
  'senator', 'governor', 'president', 'mayor', 'minister', 'chancellor', 'congressman', 'congresswoman', 'councillor',
  'councilor', 'opponent', 'administration', 'government', 'party', 'state', 'city', 'council', 'senate', 'congress',
  'house', 'parliament', 'ministry', 'department', 'agency', 'company', 'campaign', 'committee',
]);
