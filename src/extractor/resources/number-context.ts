/** Words around a number that decide what it is (a measure, a verb that ends the noun phrase, a change, a year). */

/** Measurement units glued to digits ("5km", "120mm"): the number is a measure, not a count. */
export const MEASURES = new Set(['km', 'kg', 'mm', 'cm', 'mph', 'kph', 'ft', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'sq', 'lb', 'lbs', 'kmh', 'ha', 'g', 'mg', 'ml', 'l']);
/** Verbs without -ed/-s endings that end the noun phrase after a number ("12 struck", "300 fled"). */
export const IRREGULAR_VERBS = new Set([
  'struck', 'took', 'take', 'takes', 'hit', 'fell', 'rose', 'made', 'make', 'sent', 'left', 'lost', 'came', 'come',
  'went', 'go', 'became', 'began', 'held', 'kept', 'found', 'gave', 'got', 'get', 'saw', 'ran', 'met', 'paid', 'stood',
  'won', 'led', 'brought', 'bought', 'built', 'spent', 'fled', 'died', 'need', 'needs', 'needed', 'remain', 'remained',
  'remains', 'live', 'lived', 'lives_', 'face', 'faced', 'faces', 'depend', 'depends', 'received', 'receive', 'did',
  'do', 'does', 'sit', 'sat', 'slept', 'sleep', 'spend', 'told', 'shot', 'lay', 'cost', 'costs', 'put', 'set', 'grew',
  'rose', 'drew', 'flew', 'wore', 'threw', 'sought', 'fought', 'caught', 'taught', 'thought', 'felt', 'meant', 'owned',
  'cast', 'sold', 'chose', 'gone',
]);
/** Singular person nouns: "one soldier", "a man, 64,". */
export const SINGULAR_PERSONS = new Set(['person', 'man', 'woman', 'child', 'soldier', 'civilian', 'officer', 'worker', 'resident', 'journalist', 'boy', 'girl', 'baby', 'policeman', 'firefighter', 'passenger', 'student', 'teenager', 'infant', 'toddler', 'pilot', 'driver', 'migrant', 'refugee', 'serviceman', 'marine', 'sailor', 'guard', 'nurse', 'doctor', 'patient', 'prisoner', 'hostage', 'protester']);
/** Identifier words that make the next number an id even lowercase ("page 12", "gate 4"). */
export const LC_ID_PREFIXES = new Set(['section', 'article', 'page', 'chapter', 'paragraph', 'clause', 'item', 'figure', 'table', 'rule', 'flight', 'route', 'room', 'gate', 'platform', 'exit', 'level', 'category', 'phase', 'stage', 'version', 'grade', 'no', 'number']);
/** Determiners before a small number that make it a reference ("the two leaders"), not a figure. */
export const SMALL_DETS = new Set(['the', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'both', 'all', 'every', 'each', 'whose']);
/** Verbs of change: "rose from 5 to 7" is a change, not a range; "up 5%" is no qualifier. */
export const CHANGE_VERBS = new Set([
  'rose', 'risen', 'rise', 'rises', 'fell', 'fallen', 'fall', 'falls', 'increased', 'increase', 'increases', 'decreased',
  'dropped', 'drop', 'drops', 'climbed', 'climb', 'grew', 'grown', 'grow', 'jumped', 'declined', 'surged', 'plunged',
  'slid', 'cut', 'raised', 'lowered', 'reduced', 'up', 'down', 'went', 'shrank', 'swelled', 'soared', 'tumbled',
  'slipped', 'doubled', 'tripled', 'halved', 'revised', 'changed', 'moved', 'expanded', 'contracted', 'boosted',
  'edged', 'crept', 'ticked', 'inched', 'shot', 'spiked', 'dipped', 'sank', 'bounced', 'rebounded', 'recovered', 'go', 'goes', 'gone',
]);
/** Words before a four-digit number that make it a year ("in 2019", "the 2020 election", "their 2018"). */
export const TEMPORAL_BEFORE_YEAR = new Set([
  'in', 'since', 'by', 'of', 'from', 'until', 'till', 'before', 'after', 'during', 'early', 'late', 'mid', 'the',
  'year', 'to', 'through', 'between', 'and', 'around', 'circa', 'summer', 'winter', 'spring', 'autumn', 'fall',
  'fiscal', 'election', 'budget', 'season', 'as', 'for', 'than', 'on', 'at', 'last', 'next', 'this',
  'his', 'her', 'their', 'its', 'our', 'a', 'an', 'that', 'whose',
]);
/** Words before "half" that make it a part of a period or thing ("the second half of 2026"). */
export const PART_BEFORE_HALF = new Set(['first', 'second', 'final', 'last', 'latter', 'former', 'other', 'back', 'front', 'top', 'bottom', 'upper', 'lower', 'northern', 'southern', 'eastern', 'western']);
/** Comparatives after a fraction that make it a share without "of" ("a third fewer"). */
export const SHARE_COMPARATIVES = new Set(['fewer', 'less', 'more', 'lower', 'higher', 'smaller', 'larger', 'bigger', 'cheaper', 'greater']);
/** Determiners after "half" that make it a share ("half the homes"). */
export const SHARE_DETS = new Set(['the', 'its', 'their', 'his', 'her', 'our', 'all', 'these', 'those']);
/** Words between two numbers that make a range ("10 to 15", "10-15", "two or three"). */
export const RANGE_SEPS = new Set(['to', '-', '–', '—', 'or', 'and']);
/** Weapon and ammunition nouns after a calibre ("155mm artillery shells"). */
export const CALIBRE_NOUNS = /^(artillery|shells?|rounds?|ammunition|ammo|guns?|howitzers?|cannons?|mortars?|rockets?|cartridges?|bullets?|munitions?|projectiles?|rifles?|self-propelled|calibre|caliber|gun)$/;
/** -ly words that are nouns ("12 family members", "two ally nations"). */
export const LY_NOUNS = new Set(['family', 'ally', 'rally', 'supply', 'assembly', 'anomaly', 'belly', 'bully', 'reply', 'jelly', 'lily', 'monopoly', 'butterfly', 'dragonfly', 'italy', 'july', 'fly', 'holy', 'only', 'early', 'daily', 'weekly', 'monthly', 'yearly', 'elderly', 'friendly']);
/** Participles that are a unit by themselves even with an agent ("26 trapped by the flood", "300 arrested by police"). */
export const PARTICIPLE_UNITS = /^(missing|trapped|detained|arrested|hospitalized|hospitalised|stranded|rescued|captured|abducted|kidnapped|jailed|imprisoned|infected|affected|evacuated|displaced|killed|wounded|injured|hurt|deported|held)$/;
/** Nouns after a four-digit number that make it a year, not a count ("1988 sales", "2020 results"). */
export const YEAR_NOUNS = new Set([
  'sales', 'revenue', 'revenues', 'earnings', 'profit', 'profits', 'results', 'figures', 'levels', 'prices', 'rates',
  'elections', 'budget', 'budgets', 'accounts', 'games', 'olympics', 'championships', 'finals', 'polls', 'census',
  'season', 'seasons', 'figure', 'level', 'standards', 'targets', 'goals', 'accords', 'protests', 'floods', 'riots', 'talks',
]);
