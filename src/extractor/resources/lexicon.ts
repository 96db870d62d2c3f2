/**
 * Word lists shared by several stages (numbers, attribution, claims). Everything is lowercase.
 * Topic vocabularies (numbers, currencies, calendar, harm, people, events, speech verbs) have their own files.
 */

/** Units of time: a number before them is a duration. */
export const TIME_UNITS = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes',
  'decade', 'decades', 'century', 'centuries', 'second', 'seconds', 'night', 'nights', 'season', 'seasons',
]);
/** Prepositions that make "<prep> N years" a time reference rather than a quantity. */
export const DURATION_PREPS = new Set([
  'over', 'for', 'during', 'within', 'in', 'after', 'past', 'last', 'next', 'since', 'throughout', 'about', 'nearly',
  'almost', 'than', 'some', 'around',
]);

/** A capitalised word before a number that makes it an identifier: "Article 5", "Flight 17". */
export const ID_PREFIXES = new Set([
  'article', 'section', 'resolution', 'chapter', 'phase', 'level', 'category', 'no', 'number', 'flight', 'route',
  'highway', 'road', 'room', 'gate', 'terminal', 'unit', 'block', 'building', 'apollo', 'windows', 'vol', 'page',
  'title', 'proposition', 'prop', 'measure', 'amendment', 'ward', 'district', 'precinct', 'station', 'platform',
  'channel', 'formula', 'covid', 'iphone', 'boeing', 'airbus', 'model', 'version', 'class', 'grade', 'act', 'bill',
  'item', 'figure', 'table', 'paragraph', 'clause', 'stage', 'rule', 'regulation', 'directive', 'pier', 'exit',
  'interstate', 'i', 'us', 'sr', 'world', 'war', 'super', 'mk', 'type', 'lot', 'hall', 'tower', 'square', 'street',
  'avenue', 'division', 'brigade', 'regiment', 'battalion', 'army', 'fleet', 'corps', 'squad', 'cop',
]);

// NP_STOP holds a few speech verbs among its function words: any word that ends a phrase, not a speech vocabulary.
/** Words that end a noun phrase after a number. */
export const NP_STOP = new Set([
  'of', 'in', 'to', 'from', 'at', 'on', 'by', 'for', 'with', 'near', 'since', 'over', 'during', 'into', 'across',
  'along', 'after', 'before', 'under', 'and', 'or', 'but', 'who', 'that', 'which', 'were', 'was', 'are', 'is',
  'have', 'has', 'had', 'been', 'be', 'will', 'would', 'could', 'may', 'might', 'can', 'should', 'as', 'than',
  'per', 'a', 'an', 'the', 'this', 'these', 'those', 'their', 'its', 'his', 'her', 'our', 'each', 'every',
  'so', 'more', 'less', 'fewer', 'last', 'next', 'this', 'ago', 'earlier', 'later', 'already', 'now', 'still',
  'also', 'since', 'while', 'when', 'where', 'because', 'if', 'then', 'there', 'here', 'not', 'only', 'just',
  'about', 'around', 'between', 'among', 'amid', 'against', 'through', 'toward', 'towards', 'until', 'inside',
  'outside', 'up', 'down', 'off', 'out', 'back', 'away', 'onto', 'upon', 'without', 'within', 'beyond', 'via',
  'according', 'said', 'say', 'says', 'told', 'a', 'killed', 'wounded', 'injured', 'dead', 'ahead', 'behind', 'apart',
]);

/** Title words: what precedes a person's name in "Deputy Foreign Minister Sergei Ryabkov". */
export const ROLE_WORDS = new Set([
  'minister', 'president', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'general', 'gen', 'gen.',
  'chief', 'director', 'commander', 'head', 'leader', 'ambassador', 'senator', 'sen', 'sen.', 'rep', 'rep.', 'gov',
  'gov.', 'governor', 'mayor', 'chairman', 'chairwoman', 'chair', 'officer', 'official', 'analyst', 'researcher',
  'economist', 'professor', 'prof', 'prof.', 'dr', 'dr.', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'col', 'col.',
  'colonel', 'lt', 'lt.', 'maj', 'maj.', 'major', 'adm', 'adm.', 'admiral', 'capt', 'capt.', 'captain', 'sgt',
  'sgt.', 'sergeant', 'secretary-general', 'envoy', 'representative', 'commissioner', 'ombudsman', 'ombudswoman', 'coordinator', 'co-ordinator', 'prosecutor', 'president-elect', 'premier',
  'chancellor', 'king', 'queen', 'prince', 'princess', 'judge', 'justice', 'attorney', 'lawyer', 'coordinator',
  'adviser', 'advisor', 'aide', 'manager', 'ceo', 'founder', 'executive', 'editor', 'correspondent', 'reporter',
  'lieutenant', 'brig', 'brig.', 'brigadier', 'marshal', 'speaker', 'deputy', 'vice', 'prime', 'foreign',
  'defense', 'defence', 'interior', 'finance', 'health', 'state', 'press', 'treasurer', 'dean', 'pope', 'cardinal',
  'bishop', 'rabbi', 'imam', 'sheikh', 'emir', 'sultan', 'councilman', 'councilwoman', 'councillor', 'councilor',
  'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'assemblyman', 'superintendent', 'sheriff',
  'inspector', 'detective', 'constable', 'superintendent', 'chancellor', 'provost', 'economy', 'trade', 'energy',
  'agriculture', 'education', 'environment', 'labor', 'labour', 'justice', 'transport', 'commerce', 'cfo', 'coo',
  'chief-of-staff', 'staff', 'scientist', 'epidemiologist', 'physician', 'doctor', 'expert', 'strategist',
  'pollster', 'campaigner', 'activist', 'organizer', 'organiser', 'fellow', 'counsel', 'prosecutor', 'secretary-of-state',
]);

/** Lowercase nouns that may head an attribution noun phrase ("the military said", "officials said"). */
export const ORG_NOUNS = new Set([
  'military', 'army', 'navy', 'police', 'officials', 'official', 'authorities', 'authority', 'agency', 'ministry',
  'government', 'spokesman', 'spokeswoman', 'spokesperson', 'department', 'office', 'service', 'commission',
  'council', 'committee', 'organization', 'organisation', 'group', 'researchers', 'analysts', 'experts', 'report',
  'statement', 'survey', 'poll', 'census', 'study', 'estimates', 'witnesses', 'residents', 'sources', 'data',
  'figures', 'prosecutors', 'investigators', 'observers', 'monitors', 'monitor', 'officers', 'administration',
  'company', 'firm', 'bank', 'board', 'court', 'regulator', 'regulators', 'watchdog', 'charity', 'ngo', 'union',
  'coalition', 'forces', 'command', 'staff', 'doctors', 'medics', 'rescuers', 'workers', 'diplomats', 'diplomat',
  'leaders', 'lawmakers', 'spokespeople', 'authorities', 'operator', 'utility', 'airline', 'hospital', 'institute',
  'center', 'centre', 'bureau', 'team', 'scientists', 'economists', 'historians', 'activists', 'organizers',
  'campaigners', 'opposition', 'party', 'campaign', 'kremlin', 'pentagon', 'alliance', 'secretariat', 'mission',
  'delegation', 'cabinet', 'parliament', 'legislature', 'senate', 'congress', 'industry', 'association', 'federation',
  'network', 'outlet', 'newspaper', 'air', 'force', 'headquarters', 'agency’s', 'refugee', 'health', 'press', 'defense', 'defence', 'foreign',
  'interior', 'emergency', 'emergencies', 'election', 'electoral', 'statistics', 'statistical', 'national', 'state',
  'local', 'regional', 'provincial', 'federal', 'city', 'county', 'country', 'world', 'international', 'human',
  'rights', 'relief', 'aid', 'disaster', 'management', 'civil', 'protection', 'security', 'intelligence', 'finance',
  'economy', 'budget', 'central', 'senior', 'top', 'other', 'two', 'three', 'several', 'many', 'some', 'u.n.',
  'public', 'medical', 'fire', 'rescue', 'coast', 'guard', 'border', 'customs', 'immigration', 'labor', 'labour',
  'tax', 'treasury', 'energy', 'housing', 'education', 'transport', 'water', 'food', 'agriculture', 'environment',
  'spokesperson’s', 'head', 'chief', 'leader', 'minister', 'secretary', 'president', 'director', 'commander',
  'mayor', 'governor', 'official’s', 'russian', 'ukrainian', 'american', 'british', 'french', 'german', 'chinese',
  'israeli', 'palestinian', 'iranian', 'turkish', 'syrian', 'european', 'western', 'military’s', 'senior', 'former',
  'unnamed', 'anonymous', 'independent', 'private', 'humanitarian', 'tally', 'count', 'toll', 'ministry’s',
  'scientist', 'analyst', 'expert', 'researcher', 'economist', 'epidemiologist', 'doctor', 'physician',
  'unions', 'organisers', 'protesters', 'teachers', 'nurses', 'farmers', 'residents', 'volunteers', 'rescuers',
  'medics', 'paramedics', 'rebels', 'militants', 'insurgents', 'separatists', 'soldiers', 'troops', 'lawyers',
  'forecasters', 'meteorologists', 'pollsters', 'traders', 'investors', 'bankers', 'economists', 'agencies',
  'ministries', 'governments', 'groups', 'charities', 'companies', 'hospitals', 'airlines', 'employers', 'unions’',
  'movement', 'initiative', 'platform', 'foundation', 'fund', 'programme', 'program', 'observatory', 'portal', 'body',
  'tribunal', 'collective', 'consortium', 'cooperative', 'think-tank', 'thinktank', 'monitoring',
  // court and official papers: "the indictment says", "according to court documents"
  'indictment', 'complaint', 'lawsuit', 'filing', 'filings', 'affidavit', 'documents', 'ruling', 'warrant', 'memo',
  'prosecution', 'judge', 'jury',
]);

/** News outlets: only the speaker when nobody else is named. */
export const MEDIA = [
  'associated press', 'ap', 'reuters', 'afp', 'agence france-presse', 'bloomberg', 'cnn', 'bbc', 'tass', 'ria novosti',
  'interfax', 'xinhua', 'the new york times', 'the washington post', 'al jazeera', 'nbc', 'cbs', 'abc', 'fox news',
  'the guardian', 'the times', 'the wall street journal', 'dpa', 'ukrinform', 'efe', 'ansa', 'kyodo', 'yonhap',
];
