/**
 * Who can be a speaker, and the words around a speaker phrase, for the attribution stage. All lowercase.
 * Verbs are in ./speech-verbs.ts; titles (ROLE_WORDS), organisation nouns (ORG_NOUNS) and news media (MEDIA) in
 * ./lexicon.ts, shared with other stages.
 */
import { SAID_SAYS } from './speech-verbs.js';

// ---------------------------------------------------------------- who speaks

/** Singular nouns that head a person phrase: "a senior diplomat", "the spokeswoman". */
export const PERSON_HEADS = new Set([
  'diplomat', 'official', 'spokesman', 'spokeswoman', 'spokesperson', 'source', 'witness', 'resident', 'analyst', 'expert',
  'researcher', 'commander', 'officer', 'doctor', 'nurse', 'survivor', 'lawmaker', 'negotiator', 'envoy',
]);

/** Title words that are not people on their own: "island states" is no speaker, "health ministers" is ("ministers"). */
export const ROLE_MODIFIERS = new Set([
  'state', 'foreign', 'defense', 'defence', 'interior', 'finance', 'health', 'press', 'economy', 'trade', 'energy',
  'agriculture', 'education', 'environment', 'labor', 'labour', 'transport', 'commerce', 'staff', 'vice', 'prime',
  'deputy', 'chief', 'head', 'justice', 'major', 'general', 'chair', 'speaker', 'fellow', 'king', 'queen', 'prince', 'dean',
]);

/** Heads of organisation names: a phrase with one is an organisation, not a person ("the Foreign Ministry"). */
export const ORG_HEADS = new Set([
  'ministry', 'agency', 'department', 'office', 'service', 'commission', 'council', 'committee', 'organization',
  'organisation', 'group', 'military', 'army', 'navy', 'police', 'government', 'house', 'kremlin', 'pentagon',
  'press', 'bank', 'fund', 'nations', 'union', 'court', 'board', 'center', 'centre', 'institute', 'bureau', 'forces', 'force', 'headquarters',
  'command', 'administration', 'authority', 'authorities', 'officials', 'company', 'corporation', 'inc', 'times',
  'post', 'news', 'party', 'parliament', 'congress', 'senate', 'assembly', 'alliance', 'nato', 'un', 'who', 'imf',
  'coalition', 'association', 'federation', 'foundation', 'network', 'guard', 'corps', 'embassy', 'mission',
  'cabinet', 'secretariat', 'presidency', 'unicef', 'unhcr', 'statistics', 'census', 'monitor', 'observatory',
]);

/** Generic organisation heads a bare "the <head>" refers back to ("the group" → the Sudan Doctors Network); synonyms share a key. */
export const ALIAS_HEADS = new Map<string, string>([
  ['agency', 'agency'], ['organization', 'agency'], ['organisation', 'agency'], ['body', 'agency'], ['programme', 'agency'], ['program', 'agency'],
  ['group', 'group'], ['network', 'group'], ['coalition', 'group'], ['alliance', 'group'], ['association', 'group'], ['federation', 'group'],
  ['charity', 'group'], ['union', 'union'], ['company', 'company'], ['firm', 'company'], ['club', 'club'], ['commission', 'commission'],
  ['ministry', 'ministry'], ['office', 'office'], ['department', 'department'], ['bureau', 'bureau'], ['authority', 'authority'],
  ['council', 'council'], ['committee', 'committee'], ['court', 'court'], ['board', 'board'], ['institute', 'institute'], ['bank', 'bank'],
  ['fund', 'fund'], ['monitor', 'monitor'], ['observatory', 'monitor'], ['mission', 'mission'],
]);

/** Single words that are never a speaker on their own: "This said", "Some say", "One told". */
export const NOT_SPEAKER = new Set([
  'i', 'you', 'this', 'that', 'which', 'who', 'what', 'there', 'data', 'the', 'a', 'an', 'study', 'report', 'analysis',
  'it', 'one', 'some', 'many', 'most', 'others', 'all', 'neither', 'either', 'each', 'none', 'nobody', 'everyone',
  'someone', 'anyone', 'both',
]);

/** Pronouns resolved to an earlier speaker ("he told reporters"). */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we']);

/** Nouns for a source's output: "according to figures from X", "INE figures show". */
export const GENERIC_SOURCES = new Set([
  'statement', 'breakdown', 'assessment', 'estimates', 'figures', 'data', 'report', 'statistics', 'numbers', 'tallies',
  'tally', 'count', 'calculations', 'survey', 'study', 'analysis', 'records', 'projections', 'estimate', 'research',
]);
/** More outputs that name their source after by/from: "according to a poll by X", "results from X". */
export const SOURCE_OUTPUT_NOUNS = new Set(['poll', 'results', 'figures', 'statement', 'statements']);
/** Words between an output noun and its source: "a tally kept by", "figures published on Monday by". */
export const SOURCE_OUTPUT_LINKS = new Set([
  'published', 'released', 'compiled', 'conducted', 'issued', 'kept', 'maintained', 'out', 'on', 'last', 'this', 'week',
  'month', 'today', 'yesterday',
]);
/** Singular document nouns that can stand for a source: "according to a plea agreement unsealed Thursday". */
export const DOCUMENT_SOURCES = new Set([
  'count', 'tally', 'data', 'plan', 'report', 'study', 'survey', 'poll', 'filing', 'complaint', 'indictment', 'list',
  'statement', 'document', 'estimate',
]);

/** Nouns of studies and polls that can be a verb's subject: "The survey found …". */
export const STUDY_NOUNS = new Set([
  'poll', 'survey', 'study', 'report', 'analysis', 'research', 'review', 'audit', 'census', 'paper', 'trial',
  'investigation', 'inquiry', 'assessment',
]);

/** Plural people and groups that speak from a place: "officials on both sides said", "residents in Gaza say". */
export const PLACED_GROUPS = new Set([
  'officials', 'residents', 'witnesses', 'sources', 'diplomats', 'commanders', 'authorities', 'medics', 'doctors',
  'rescuers', 'activists', 'workers', 'people', 'leaders', 'observers', 'monitors', 'rebels', 'militants', 'insurgents',
  'separatists', 'police', 'protesters', 'villagers', 'lawmakers', 'prosecutors', 'investigators', 'fighters',
]);
/** Lowercase place words in "officials on both sides", "residents in the area". */
export const PLACE_WORDS = new Set([
  'both', 'all', 'the', 'side', 'sides', 'ground', 'area', 'region', 'city', 'town', 'border', 'country', 'front', 'scene',
  'camp', 'camps', 'zone', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
]);
/** Capitalised direction words before a place: "rebels in Northern Mali". */
export const DIRECTION_NAMES = new Set(['Northern', 'Southern', 'Eastern', 'Western', 'Central']);
/** Prepositions that attach a place to a group: "officials in …", "monitors along …". */
export const PLACE_PREPOSITIONS = new Set(['on', 'in', 'at', 'from', 'across', 'along', 'near']);

/** Broadcasters named by their owner: "state television reported". */
export const BROADCAST_NOUNS = new Set(['television', 'tv', 'radio', 'broadcaster', 'media']);
/** Owners that make a broadcaster a named source: "state-run radio", "public television". */
export const BROADCAST_OWNERS = new Set(['state', 'state-run', 'public', 'national']);

/** Plural nouns for groups that "one of the …" picks a speaker from: "said one of the observers". */
export const MEMBER_GROUPS = new Set(['observers', 'monitors', 'negotiators', 'investigators', 'organisers', 'organizers', 'mediators', 'inspectors', 'delegates']);
/** Counts that pick speakers from a group: "one of the", "several of the". */
export const MEMBER_COUNTS = new Set(['one', 'two', 'three', 'some', 'several', 'many', 'most']);
/** Determiners of the group in "one of the/its/their …". */
export const MEMBER_DETS = new Set(['the', 'its', 'their']);

/** Anonymous sources: "a source familiar with …", "people briefed on …". */
export const ANONYMOUS_SOURCES = new Set([
  'source', 'sources', 'person', 'people', 'official', 'officials', 'diplomat', 'diplomats', 'executive', 'executives',
  'banker', 'bankers', 'insider', 'insiders', 'aide', 'aides', 'adviser', 'advisers',
]);
/** What makes a source anonymous: "familiar with", "close to", "briefed on", "aware of". */
export const FAMILIAR_WORDS = new Set(['familiar', 'close', 'briefed', 'involved', 'aware']);
/** The prepositions after FAMILIAR_WORDS. */
export const FAMILIAR_PREPOSITIONS = new Set(['with', 'to', 'on', 'in', 'of']);
/** Words before "knowledge of": "with direct knowledge of". */
export const KNOWLEDGE_MODIFIERS = new Set(['with', 'direct', 'detailed', 'some']);
/** Counts and adjectives before an anonymous source: "two senior Western officials". */
export const SOURCE_MODIFIERS = new Set(['two', 'three', 'four', 'several', 'other', 'senior', 'western', 'european']);
// said/says/told here end the object as clause boundaries, like the conjunctions beside them: not a speech list.
/** Words that an anonymous source's object never contains. */
export const FAMILIAR_OBJECT_STOP = new Set(['said', 'says', 'told', 'that', 'and', 'but', 'who', 'which', 'was', 'were', 'is', 'are']);
/** Any anonymous-source wording in a speaker phrase (a lowercase speaker is still one). */
export const ANONYMOUS_WORDING = /\b(familiar|briefed|involved|close|aware|knowledge)\b/;

/** Participles of a modifier joined with a hyphen: "Tuareg-led rebels", "Iran-backed militias". */
export const HYPHEN_MODIFIERS = new Set(['led', 'backed', 'based', 'run', 'allied', 'aligned', 'controlled', 'funded']);
/** "-based" modifiers of an appositive name: "Greece-based Aegean Bulk". */
export const BASED_MODIFIERS = new Set(['based', 'headquartered', 'registered']);
/** Participles before "by" in "analysts polled by Reuters". */
export const POLLED_BY = new Set(['polled', 'surveyed', 'interviewed', 'consulted', 'quoted', 'cited', 'canvassed']);

// ---------------------------------------------------------------- words around a speaker

/** Determiners a speaker phrase may open with. */
export const DETS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);
/** Articles only. */
export const ARTICLES = new Set(['the', 'a', 'an']);
/** Determiners that make the next speech-verb spelling a noun: "Neither claim", "the estimate". */
export const NOUN_DETS = new Set([
  'neither', 'either', 'the', 'a', 'an', 'this', 'that', 'each', 'every', 'no', 'any', 'its', 'their', 'his', 'her', 'our',
  'whose', 'such', 'these', 'those', 'both',
]);
/** Determiners that open a study's subject ("The survey found"); the source form also allows "new", "latest". */
export const STUDY_DETS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'our', 'his', 'her']);
export const STUDY_SOURCE_DETS = new Set([...STUDY_DETS, 'new', 'latest']);
/** Openers skipped before a study's subject: "But the survey found", "Overall, the poll shows". */
export const STUDY_OPENERS = new Set(['but', 'and', 'yet', 'however', 'meanwhile', 'overall']);
/** Words inside a noun phrase: "Secretary of State", "AT&T", "Doctors Without Borders' head". */
export const NP_JOIN = new Set(['of', 'for', 'the', 'and', "'s", '’s', 'at', 'on', '-', '.', '&']);
/** Prepositions that attach an organisation to a person: "a spokesman for the hospital association". */
export const NP_ATTACH = new Set(['for', 'of', 'at', 'by', 'from']);
/** Prepositions that end the head of a person phrase: "By Julia Payne and …" has no head before "by". */
export const HEAD_END_PREPOSITIONS = NP_ATTACH;
/** Sentence connectives dropped from a speaker phrase: "But Ryabkov said". */
export const CONNECTIVES = new Set([
  'but', 'and', 'so', 'yet', 'meanwhile', 'however', 'still', 'also', 'in', 'on', 'at', 'then', 'now', 'as', 'while',
  'when', 'after', 'before', 'if', 'because', 'although', 'though', 'separately', 'later', 'earlier', 'today', 'yesterday',
]);
/** Connectives a stance's subject may follow: "…, and Russia criticized". */
export const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'yet', 'meanwhile', 'however', 'also', 'then', 'now', 'separately', 'still']);
/** Conjunctions that open a new clause: "…, although aid agencies say …" speaks only for what follows. */
export const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'although', 'though', 'while', 'whereas']);
/** Adverbs, auxiliaries and time words between a speaker and the verb: "Ryabkov has since warned", "the ministry on Monday said". */
export const SKIP_LEFT = new Set([
  'also', 'later', 'earlier', 'previously', 'has', 'have', 'had', 'recently', 'repeatedly', 'separately', 'publicly', 'again',
  'further', 'then', 'once', 'last', 'week', 'on', 'yesterday', 'today', 'tuesday', 'monday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'privately', 'reportedly', 'initially', 'already', 'now', 'would', 'will', 'could', 'may',
  'might', 'did', 'does', 'do', 'not', 'officially', 'late', 'this',
  // "has since warned", "have long argued", "has repeatedly denied"
  'since', 'long', 'consistently', 'frequently', 'often', 'always', 'openly', 'formally', 'flatly', 'strongly',
  'sharply', 'firmly', 'quickly', 'swiftly', 'immediately', 'subsequently', 'originally', 'jointly', 'explicitly',
  'similarly', 'likewise', 'loudly', 'bluntly', 'pointedly',
]);
/** Time words right after a weak verb that make it speech: "reported on Monday", "warned last week". */
export const TIME_FOLLOW = new Set([
  'last', 'this', 'earlier', 'yesterday', 'today', 'on', 'in', 'late', 'early', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'overnight', 'previously', 'recently',
]);
/** Where a weak verb's speech was made: "warned in a statement", "said in a post" (matched inside the word). */
export const SPEECH_VENUE = /statement|report|post|tweet|interview|briefing/;
/** Nouns after "the" that make a weak verb a count report: "put the death toll at", "reported the number". */
export const TOLL_NOUNS = new Set(['death', 'toll', 'number']);
/** Words after a verb that still close the clause: "…, the commission told state media on Monday." */
export const VERB_TAIL_WORDS = new Set([
  'reporters', 'journalists', 'a', 'an', 'statement', 'briefing', 'interview', 'news', 'conference', 'the', 'told', 'him',
  'her', 'them', 'us', 'state', 'media', 'television', 'tv', 'radio', 'emailed', 'written',
]);
/** Prepositions whose object, ending a clause, is a noun: "declined to comment on the estimate.". */
export const OBJECT_PREPOSITIONS = new Set([
  'on', 'of', 'for', 'with', 'about', 'to', 'in', 'from', 'by', 'against', 'over', 'at', 'into', 'under', 'despite', 'after', 'before',
]);
/** Verbs after a noun that show the speech-verb spelling before them is a noun: "the warning was ignored". */
export const NOUN_FOLLOWERS = new Set(['is', 'was', 'are', 'were', 'will', 'would', 'can', 'could', 'remains', 'remain', 'seems', 'has']);
/** Words that end a loose source phrase after "figures from": function words and verbs. */
export const LOOSE_STOP = new Set([
  'of', 'in', 'on', 'at', 'for', 'to', 'from', 'by', 'with', 'and', 'or', 'but', 'that', 'which', 'who', ...SAID_SAYS, 'show',
  'shows', 'showed', 'published', 'released', 'last', 'this', 'next', 'since', 'as', 'than', 'while', 'was', 'were', 'is',
  'are', 'has', 'have', 'had', 'will', 'would',
]);
/** Lowercase words that are not part of a role before a name in "said chief forecaster Paul Gundersen". */
export const ROLE_RUN_STOP = new Set(['and', 'of', 'for', 'the', 'a', 'an', 'in', 'at', 'on', 'who', 'that', 'to', 'he', 'she', 'it', 'they', 'was', 'is']);
/** Relative words and clause breaks that end a study's subject or source ("The report that found …"). */
export const RELATIVES_AND_SAID = new Set(['that', 'which', 'who', ...SAID_SAYS]);
/** Words that break a coordinated predicate ("Zelenskyy, who … and said" is not one). */
export const COORDINATION_BREAKS = new Set(['who', 'which', 'that', 'while', 'when', 'because', 'after', 'before', 'but', 'and', ...SAID_SAYS]);
/** Lowercase -s/-ed words that are not a first verb: "is", "was", "his". */
export const NOT_FIRST_VERB = new Set(['is', 'was', 'has', 'as', 'us', 'its', 'this', 'his']);
/** Prepositions of an address in "Sarah Jones, 34, of 12 Elm Road, Leeds, said". */
export const ADDRESS_PREPOSITIONS = new Set(['of', 'from']);
/** Prepositions that name a source: "a poll by YouGov", "figures from the ministry". */
export const BY_FROM = new Set(['by', 'from']);
/** Prepositions after a generic source noun in "according to figures by/from/of X". */
export const SOURCE_OF = new Set(['by', 'from', 'of']);
/** Objects of "called" before a quoted name: "called it \"a big win\"", "called the plan \"reckless\"". */
export const CALLED_OBJECTS = new Set(['it', 'this', 'that', 'them', 'him', 'her', 'the']);
