/**
 * Word lists for the extractor's domain layer. Everything is lowercase.
 * Kept in one place so rules stay readable and the lists can be reviewed.
 */

export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
/** Suffixes glued to digits: "6.8m", "$2bn", "10k". */
export const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
};
/** Denominators for fractions: "two-thirds", "a quarter". Value is the share in percent. */
export const FRACTION_DENOMS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8,
  ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};

/** Vague plurals: "tens of thousands", "hundreds", "dozens". Base unit; range = 2x..9x base (documented convention). */
export const VAGUE_PLURALS: Record<string, number> = {
  tens: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9,
};

export const CURRENCY_SYMBOLS: Record<string, string> = {
  '$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH',
};
/** Symbol prefixes written as letters + "$": "US$", "C$", "A$", "HK$". */
export const DOLLAR_PREFIXES: Record<string, string> = {
  us: 'USD', c: 'CAD', ca: 'CAD', a: 'AUD', au: 'AUD', hk: 'HKD', nz: 'NZD', s: 'SGD',
};
export const CURRENCY_CODES = new Set([
  'usd', 'eur', 'gbp', 'jpy', 'cny', 'rmb', 'inr', 'rub', 'uah', 'chf', 'cad', 'aud', 'brl', 'zar', 'try', 'mxn', 'krw', 'sek', 'nok', 'pln',
  'dkk', 'czk', 'huf', 'ron', 'ars', 'clp', 'cop', 'php', 'pkr', 'ngn', 'kes', 'egp', 'idr', 'myr', 'thb', 'ils', 'sar',
  'aed', 'qar', 'sgd', 'hkd', 'nzd', 'twd', 'zmw', 'ghs', 'etb', 'vnd',
]);
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP', sterling: 'GBP',
  yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupee: '~rupee', rupees: '~rupee', ruble: 'RUB', rubles: 'RUB',
  rouble: 'RUB', roubles: 'RUB', hryvnia: 'UAH', hryvnias: 'UAH', hryvnias_: 'UAH', franc: 'CHF', francs: 'CHF',
  rand: 'ZAR', lira: 'TRY', liras: 'TRY', reais: 'BRL', real: 'BRL', pesos: '~peso', peso: '~peso', shekels: 'ILS', shekel: 'ILS',
  naira: 'NGN', shillings: '~shilling', riyals: '~riyal', dirhams: 'AED', won_: 'KRW',
  crowns: '~crown', kronor: '~crown', krona: '~crown', kroner: '~krone', krone: '~krone', koruna: 'CZK', korunas: 'CZK',
  zloty: 'PLN', zlotys: 'PLN', zlotych: 'PLN', forint: 'HUF', forints: 'HUF', lei: 'RON', leva: 'BGN',
  ringgit: 'MYR', baht: 'THB', rupiah: 'IDR', kwacha: '~kwacha', cedis: 'GHS', cedi: 'GHS', birr: 'ETB', taka: 'BDT',
  dinars: '~dinar', dinar: '~dinar', rials: '~riyal', rial: '~riyal', tenge: 'KZT', lari: 'GEL', manat: 'AZN',
  hryvnia_: 'UAH',
};
/**
 * Currency words shared by several countries ("crowns", "pesos", "rupees"): resolved from the article's
 * country words; the first entry is the default.
 */
export const AMBIGUOUS_CURRENCY: Record<string, Array<[RegExp | null, string]>> = {
  '~crown': [[/\b(Swed(en|ish)|Stockholm|Gothenburg)\b/, 'SEK'], [/\b(Norw(ay|egian)|Oslo)\b/, 'NOK'], [/\b(Denmark|Danish|Copenhagen)\b/, 'DKK'], [/\b(Czech|Prague)\b/, 'CZK'], [/\b(Iceland(ic)?|Reykjavik)\b/, 'ISK'], [null, 'SEK']],
  '~krone': [[/\b(Denmark|Danish|Copenhagen)\b/, 'DKK'], [null, 'NOK']],
  '~peso': [[/\b(Argentin(a|e|ian)|Buenos Aires)\b/, 'ARS'], [/\b(Philippines?|Filipino|Manila)\b/, 'PHP'], [/\b(Colombia(n)?|Bogot)/, 'COP'], [/\b(Chile(an)?|Santiago)\b/, 'CLP'], [/\b(Urugua(y|yan)|Montevideo)\b/, 'UYU'], [/\b(Cuba(n)?|Havana)\b/, 'CUP'], [null, 'MXN']],
  '~rupee': [[/\b(Pakistan(i)?|Islamabad|Karachi|Lahore)\b/, 'PKR'], [/\b(Sri Lanka(n)?|Colombo)\b/, 'LKR'], [/\b(Nepal(i|ese)?|Kathmandu)\b/, 'NPR'], [null, 'INR']],
  '~dinar': [[/\b(Iraq(i)?|Baghdad)\b/, 'IQD'], [/\b(Serbia(n)?|Belgrade)\b/, 'RSD'], [/\b(Jordan(ian)?|Amman)\b/, 'JOD'], [/\b(Kuwait(i)?)\b/, 'KWD'], [/\b(Algeria(n)?|Algiers)\b/, 'DZD'], [/\b(Liby(a|an)|Tripoli)\b/, 'LYD'], [/\b(Tunisia(n)?|Tunis)\b/, 'TND'], [/\b(Bahrain(i)?)\b/, 'BHD'], [null, 'IQD']],
  '~shilling': [[/\b(Ugand(a|an)|Kampala)\b/, 'UGX'], [/\b(Tanzania(n)?|Dodoma|Dar es Salaam)\b/, 'TZS'], [/\b(Somali(a)?|Mogadishu)\b/, 'SOS'], [null, 'KES']],
  '~riyal': [[/\b(Qatar(i)?|Doha)\b/, 'QAR'], [/\b(Oman(i)?|Muscat)\b/, 'OMR'], [/\b(Iran(ian)?|Tehran)\b/, 'IRR'], [/\b(Yemen(i)?|Sanaa|Aden)\b/, 'YER'], [null, 'SAR']],
  '~kwacha': [[/\b(Malawi(an)?|Lilongwe)\b/, 'MWK'], [null, 'ZMW']],
};
/** Adjectives that change "dollars": "Canadian dollars". */
export const DOLLAR_ADJ: Record<string, string> = {
  canadian: 'CAD', australian: 'AUD', 'hong': 'HKD', singapore: 'SGD', zealand: 'NZD', taiwan: 'TWD', u: 'USD', us: 'USD',
};

/** Qualifier phrases before the number, as token sequences (lowercase). Longest match wins. */
export const PRE_QUALIFIERS: Array<[string, 'approximate' | 'lower_bound' | 'upper_bound']> = [
  ['an estimated', 'approximate'], ['estimated', 'approximate'], ['est.', 'approximate'],
  ['about', 'approximate'], ['around', 'approximate'], ['roughly', 'approximate'],
  ['approximately', 'approximate'], ['approx.', 'approximate'], ['some', 'approximate'],
  ['an approximate', 'approximate'], ['circa', 'approximate'], ['in the region of', 'approximate'],
  ['in the order of', 'approximate'], ['on the order of', 'approximate'], ['give or take', 'approximate'],
  ['more than', 'lower_bound'], ['over', 'lower_bound'], ['at least', 'lower_bound'],
  ['upwards of', 'lower_bound'], ['upward of', 'lower_bound'], ['in excess of', 'lower_bound'],
  ['no fewer than', 'lower_bound'], ['no less than', 'lower_bound'], ['not less than', 'lower_bound'],
  ['a minimum of', 'lower_bound'], ['above', 'lower_bound'], ['exceeding', 'lower_bound'],
  ['north of', 'lower_bound'], ['well over', 'lower_bound'], ['just over', 'lower_bound'],
  ['well above', 'lower_bound'], ['just above', 'lower_bound'], ['beyond', 'lower_bound'],
  ['past', 'lower_bound'], ['over than', 'lower_bound'], ['exceed', 'lower_bound'], ['exceeds', 'lower_bound'], ['exceeded', 'lower_bound'], ['top', 'lower_bound'], ['tops', 'lower_bound'], ['surpass', 'lower_bound'], ['surpasses', 'lower_bound'], ['more than double', 'lower_bound'], ['greater than', 'lower_bound'], ['topped', 'lower_bound'], ['surpassed', 'lower_bound'], ['pass', 'lower_bound'], ['passes', 'lower_bound'], ['passing', 'lower_bound'], ['topping', 'lower_bound'], ['surpassing', 'lower_bound'],
  ['up to', 'upper_bound'], ['nearly', 'upper_bound'], ['almost', 'upper_bound'],
  ['fewer than', 'upper_bound'], ['less than', 'upper_bound'], ['under', 'upper_bound'],
  ['as many as', 'upper_bound'], ['as much as', 'upper_bound'], ['at most', 'upper_bound'],
  ['no more than', 'upper_bound'], ['not more than', 'upper_bound'], ['a maximum of', 'upper_bound'],
  ['close to', 'upper_bound'], ['just under', 'upper_bound'], ['just below', 'upper_bound'],
  ['below', 'upper_bound'], ['shy of', 'upper_bound'], ['just shy of', 'upper_bound'], ['short of', 'upper_bound'],
  ['just short of', 'upper_bound'], ['nigh on', 'upper_bound'], ['not quite', 'upper_bound'],
];

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

export const KILL_WORDS = new Set([
  'killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'dying', 'deaths', 'death',
  'fatalities', 'fatality', 'perished', 'slain', 'murdered', 'massacred', 'executed', 'toll', 'lives',
  'drowned', 'fatally', 'bodies',
]);
export const WOUND_WORDS = new Set([
  'wounded', 'wounding', 'wound', 'injured', 'injuring', 'injure', 'injuries', 'hurt', 'maimed',
]);
export const CASUALTY_WORDS = new Set(['casualties', 'casualty']);
export const DISPLACE_WORDS = new Set([
  'displaced', 'displacing', 'displacement', 'refugees', 'fled', 'flee', 'fleeing', 'flees', 'evacuated',
  'evacuate', 'evacuating', 'evacuees', 'evacuation', 'homeless', 'uprooted', 'asylum', 'idps', 'exodus',
]);

/** Counted nouns that mean a harm figure by themselves. */
export const KILL_NOUNS = new Set(['dead', 'deaths', 'death', 'fatalities', 'fatality', 'bodies', 'killed', 'lives']);
export const WOUND_NOUNS = new Set(['wounded', 'injured', 'injuries', 'injury']);
export const DISPLACE_NOUNS = new Set(['refugees', 'refugee', 'evacuees', 'displaced', 'idps', 'asylum']);

/** Nouns for people (a harm verb near them makes casualties). */
export const PERSON_NOUNS = new Set([
  'man', 'woman', 'boy', 'girl', 'baby', 'soldier', 'officer', 'worker', 'resident', 'journalist', 'firefighter', 'passenger', 'student', 'teenager', 'infant', 'toddler', 'pilot', 'driver', 'migrant', 'nurse', 'doctor', 'patient', 'prisoner', 'hostage', 'protester',
  'people', 'persons', 'person', 'civilians', 'civilian', 'children', 'child', 'kids', 'women', 'men', 'adults',
  'residents', 'villagers', 'inhabitants', 'citizens', 'migrants', 'workers', 'passengers', 'patients', 'students',
  'protesters', 'protestors', 'demonstrators', 'militants', 'insurgents', 'rebels', 'officers', 'policemen',
  'journalists', 'reporters', 'miners', 'pilgrims', 'worshippers', 'tourists', 'crew', 'members', 'infants',
  'babies', 'toddlers', 'infants', 'teenagers', 'youths', 'adolescents', 'pupils', 'soldiers', 'sailors', 'troops', 'seniors', 'retirees', 'pensioners', 'inmates', 'citizens', 'nationals', 'fans', 'spectators', 'shoppers', 'customers', 'guests', 'parishioners', 'voters', 'recruits', 'police', 'policemen', 'policewomen', 'crewmembers', 'aid workers', 'relatives', 'survivors', 'residents', 'girls', 'boys', 'individuals', 'victims', 'others', 'more', 'family', 'families',
  'staff', 'employees', 'volunteers', 'doctors', 'nurses', 'prisoners', 'detainees', 'hostages', 'farmers',
  'fishermen', 'pedestrians', 'motorists', 'drivers', 'firefighters', 'guards', 'agents', 'elderly', 'locals',
]);

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

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
export const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

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

/** Speech/attribution verbs. "strong" ones attribute anywhere; "weak" ones need a speech-like context. */
export const STRONG_SPEECH = new Set([
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
/** Weak verbs: also ordinary verbs ("added 200 jobs"), so they only attribute before "that", a comma, a quote or the end. */
export const WEAK_SPEECH = new Set([
  'added', 'adds', 'reported', 'reports', 'noted', 'notes', 'recorded', 'counted', 'put', 'puts', 'showed', 'shows',
  'found', 'finds', 'registered', 'expects', 'expected', 'repeated', 'repeats', 'confirmed', 'confirms',
  'announced', 'announces', 'claimed', 'claims', 'warned', 'warns', 'believes', 'believed', 'think', 'thinks',
  'tallied', 'calculated', 'projected', 'projects', 'predicted', 'predicts', 'forecast', 'forecasts', 'recalled',
  'accused', 'accuses', 'urged', 'urges', 'pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows', 'hopes',
  'fears', 'denied', 'denies', 'posted', 'estimate', 'stated', 'states', 'declared', 'declares', 'projected',
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
