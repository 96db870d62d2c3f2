/**
 * Claim matching (issue 5): is a new claim the same claim as an earlier one? Pure, no database.
 *
 * Number-aware. A pair is only considered when all the gates hold:
 *   1. the categories are the same (or one is the extractor's fallback `quantity_other` counting people —
 *      "people", "civilians", "Ukrainians" — and the other casualties or displacement; the score then takes a penalty);
 *   2. the units agree (killed ≠ wounded, USD ≠ EUR, tanks ≠ drones; "infected N people" counts cases);
 *   3. the quantities' intervals overlap (see `intervalOf`: hedges widen or open the interval; fractions are approximate);
 *   4. the actors (subject, or "Russian" in "100,000 Russian troops"; not a subject that is only the speaker, as in
 *      "Ukraine says 5,000 Russian troops were killed"; not the recipient in "Pakistan will receive …", which is a
 *      place) do not contradict each other, nor do the places (a place contradicts only when the other claim names
 *      none of it: origin and destination), the events (a flood is not a war, Ebola not mpox), what a rate measures
 *      (turnout is not a vote share, inflation not an interest rate), the outcome for the people counted (killed,
 *      wounded, missing, displaced, detained, infected), the direction (rose ≠ fell, support ≠ oppose) or the period
 *      (2017 ≠ 2022; a quarter is not the year);
 *   5. the texts are at least MIN_TEXT_SIMILARITY alike (content words with synonyms folded, or trigrams).
 * Then score = 0.25 + 0.20·numeric + 0.40·text + 0.15·entities, in [0, 1]; a pair matches at ≥ MATCH_THRESHOLD.
 * Claims without a number (statements, events) only match claims without a number, on text similarity alone,
 * with a higher bar (TEXT_ONLY_THRESHOLD); a claim with a number never matches one without.
 */
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';

/** What the scorer needs of a claim: the extractor's output and the stored claim both fit. */
export interface MatchableClaim {
  text: string;
  category: ClaimCategory;
  quantity: { value: number | null; low: number | null; high: number | null; unit: string | null; qualifier: Qualifier | null; text?: string } | null;
  subject: string | null;
  location: string | null;
  speaker?: string | null;
  /** The period the claim is about, as the extractor resolved it (ISO dates, inclusive). */
  timeRef?: { from: string | null; to: string | null } | null;
}

export const MATCH_THRESHOLD = 0.7;
/** Below this text similarity two claims with the same number are a coincidence ("85 % inflation" ≠ "lost 85 % of its value"). */
export const MIN_TEXT_SIMILARITY = 0.3;
/** Number-less claims (statements, events) match on text alone, so the bar is higher. */
export const TEXT_ONLY_THRESHOLD = 0.6;

/**
 * Relative widening of a stated number: "100,000" → ±2 %, "about 100,000" → ±5 %. So "about 100,000" and
 * "about 120,000" are two estimates, not one claim.
 */
export const EXACT_TOLERANCE = 0.02;
export const APPROXIMATE_TOLERANCE = 0.05;
/**
 * A bound is read as "near the bound": "more than 14,000" → [14,000, 21,000], "fewer than 500" → [333, 500].
 * Unbounded, "more than 1,200 killed" would match "2,900 killed", which is another claim.
 */
export const OPEN_BOUND_FACTOR = 1.5;
/**
 * The SQL prefilter widens the query interval by this factor each way; every interval above is within a
 * factor 1.575 (1.5 × 1.05) of the stated number, so the prefilter never drops a pair the scorer would keep.
 */
export const PREFILTER_FACTOR = 2;

export type Interval = [number, number];

const FRACTION = /\b(?:half|halves|thirds?|quarters?|fifths?|tenths?|one in \w+|\w+ in (?:two|three|four|five|ten))\b/i;

export function intervalOf(q: MatchableClaim['quantity']): Interval | null {
  if (!q || q.qualifier === null) return null;
  const { value, low, high } = q;
  if (low !== null && high !== null) return low <= high ? [low, high] : [high, low]; // range, or "tens of thousands"
  const widen = (v: number, tol: number): Interval => {
    const a = v * (1 - tol);
    const b = v * (1 + tol);
    return a <= b ? [a, b] : [b, a];
  };
  switch (q.qualifier) {
    case 'exact':
      if (value === null) return null;
      // "two-thirds", "a quarter", "one in five": a fraction is a rounded figure.
      return widen(value, q.text && FRACTION.test(q.text) ? APPROXIMATE_TOLERANCE : EXACT_TOLERANCE);
    case 'approximate':
      return value === null ? (low ?? high) === null ? null : widen((low ?? high)!, APPROXIMATE_TOLERANCE) : widen(value, APPROXIMATE_TOLERANCE);
    case 'lower_bound': {
      const v = low ?? value;
      if (v === null) return null;
      return v >= 0 ? [v, v * OPEN_BOUND_FACTOR] : [v, v / OPEN_BOUND_FACTOR];
    }
    case 'upper_bound': {
      const v = high ?? value;
      if (v === null) return null;
      return v >= 0 ? [v / OPEN_BOUND_FACTOR, v] : [v * OPEN_BOUND_FACTOR, v];
    }
    case 'range':
      return value === null ? null : widen(value, APPROXIMATE_TOLERANCE);
  }
}

/** The loose window the SQL candidate query uses (a superset of everything the scorer can accept). */
export function prefilterWindow([lo, hi]: Interval): Interval {
  return [lo >= 0 ? lo / PREFILTER_FACTOR : lo * PREFILTER_FACTOR, hi >= 0 ? hi * PREFILTER_FACTOR : hi / PREFILTER_FACTOR];
}

/** 0.5 when the intervals just touch, 1 when one lies inside the other. Null when they do not overlap. */
export function numericCloseness(a: Interval, b: Interval): number | null {
  const lo = Math.max(a[0], b[0]);
  const hi = Math.min(a[1], b[1]);
  if (lo > hi) return null;
  const narrower = Math.min(a[1] - a[0], b[1] - b[0]);
  const covered = narrower <= 0 ? 1 : (hi - lo) / narrower;
  return 0.5 + 0.5 * Math.min(1, covered);
}

// ---------------------------------------------------------------------------------------------------------------
// Entities: actors and places, canonicalised ("Russian", "Moscow", "the Kremlin" → russia).

/**
 * "lost 5,000 soldiers" (unit `casualties`: killed and wounded, the extractor cannot tell) may be the same figure as
 * "5,000 killed" or "5,000 wounded"; killed and wounded never are.
 */
function harmUnitsCompatible(a: string, b: string): boolean {
  return (a === 'casualties' && (b === 'killed' || b === 'wounded')) || (b === 'casualties' && (a === 'killed' || a === 'wounded'));
}

/** word → its group's name, from `{group: [words]}` lexicons (a word in two groups: the last one, unless told). */
function wordIndex(groups: Record<string, readonly string[]>, { firstGroupWins = false } = {}): Map<string, string> {
  const index = new Map<string, string>();
  for (const [group, words] of Object.entries(groups)) {
    for (const w of words) if (!firstGroupWins || !index.has(w)) index.set(w, group);
  }
  return index;
}

/** Lower-case words of a text, for lexicon lookups. */
function lowerWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

const GAZETTEER: Record<string, string[]> = {
  russia: ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  ukraine: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev', 'donbas', 'donbass'],
  'united states': ['united states', 'us', 'u.s', 'usa', 'america', 'american', 'americans', 'washington', 'pentagon'],
  'united kingdom': ['united kingdom', 'uk', 'u.k', 'britain', 'great britain', 'british', 'briton', 'britons', 'london'],
  china: ['china', 'chinese', 'beijing'],
  india: ['india', 'indian', 'indians', 'new delhi', 'delhi'],
  eu: ['eu', 'e.u', 'european union', 'brussels'],
  un: ['un', 'u.n', 'united nations'],
  nato: ['nato'],
  israel: ['israel', 'israeli', 'israelis'],
  palestine: ['palestine', 'palestinian', 'palestinians', 'palestinian territories'],
  gaza: ['gaza', 'gazan', 'gazans', 'gaza strip'],
  'west bank': ['west bank'],
  iran: ['iran', 'iranian', 'iranians', 'tehran'],
  'north korea': ['north korea', 'north korean', 'north koreans', 'pyongyang'],
  'south korea': ['south korea', 'south korean', 'south koreans', 'seoul'],
  sudan: ['sudan', 'sudanese', 'khartoum'],
  'south sudan': ['south sudan', 'south sudanese', 'juba'],
  darfur: ['darfur'],
  morocco: ['morocco', 'moroccan', 'moroccans', 'rabat'],
  spain: ['spain', 'spanish', 'spaniards', 'madrid'],
  pakistan: ['pakistan', 'pakistani', 'pakistanis', 'islamabad'],
  nigeria: ['nigeria', 'nigerian', 'nigerians', 'abuja'],
  niger: ['niger', 'nigerien', 'nigeriens', 'niamey'],
  belarus: ['belarus', 'belarusian', 'belarusians', 'minsk'],
  germany: ['germany', 'german', 'germans', 'berlin', 'bundeswehr'],
  poland: ['poland', 'polish', 'poles', 'warsaw'],
  lithuania: ['lithuania', 'lithuanian', 'lithuanians', 'vilnius'],
  latvia: ['latvia', 'latvian', 'latvians', 'riga'],
  estonia: ['estonia', 'estonian', 'estonians', 'tallinn'],
  finland: ['finland', 'finnish', 'finns', 'helsinki'],
  sweden: ['sweden', 'swedish', 'swedes', 'stockholm'],
  norway: ['norway', 'norwegian', 'norwegians', 'oslo'],
  denmark: ['denmark', 'danish', 'danes', 'copenhagen'],
  netherlands: ['netherlands', 'dutch', 'the hague', 'amsterdam', 'holland'],
  belgium: ['belgium', 'belgian', 'belgians'],
  ireland: ['ireland', 'irish', 'dublin'],
  portugal: ['portugal', 'portuguese', 'lisbon'],
  italy: ['italy', 'italian', 'italians', 'rome'],
  greece: ['greece', 'greek', 'greeks', 'athens'],
  austria: ['austria', 'austrian', 'austrians', 'vienna'],
  switzerland: ['switzerland', 'swiss', 'bern'],
  hungary: ['hungary', 'hungarian', 'hungarians', 'budapest'],
  romania: ['romania', 'romanian', 'romanians', 'bucharest'],
  moldova: ['moldova', 'moldovan', 'moldovans', 'chisinau'],
  serbia: ['serbia', 'serbian', 'serbians', 'serbs', 'belgrade'],
  kosovo: ['kosovo', 'kosovar', 'kosovars', 'pristina'],
  georgia: ['georgia', 'georgian', 'georgians', 'tbilisi'],
  armenia: ['armenia', 'armenian', 'armenians', 'yerevan'],
  azerbaijan: ['azerbaijan', 'azerbaijani', 'azerbaijanis', 'azeri', 'azeris', 'baku'],
  kazakhstan: ['kazakhstan', 'kazakh', 'kazakhs', 'astana'],
  uzbekistan: ['uzbekistan', 'uzbek', 'uzbeks', 'tashkent'],
  france: ['france', 'french', 'paris', 'elysee', 'élysée'],
  syria: ['syria', 'syrian', 'syrians', 'damascus'],
  turkey: ['turkey', 'turkish', 'turks', 'ankara', 'türkiye'],
  japan: ['japan', 'japanese', 'tokyo'],
  taiwan: ['taiwan', 'taiwanese', 'taipei'],
  philippines: ['philippines', 'filipino', 'filipinos', 'philippine', 'manila'],
  indonesia: ['indonesia', 'indonesian', 'indonesians', 'jakarta'],
  vietnam: ['vietnam', 'vietnamese', 'hanoi'],
  thailand: ['thailand', 'thai', 'bangkok'],
  myanmar: ['myanmar', 'burma', 'burmese', 'naypyidaw'],
  bangladesh: ['bangladesh', 'bangladeshi', 'bangladeshis', 'dhaka'],
  'sri lanka': ['sri lanka', 'sri lankan', 'sri lankans', 'colombo'],
  nepal: ['nepal', 'nepali', 'nepalese', 'kathmandu'],
  australia: ['australia', 'australian', 'australians', 'canberra'],
  'new zealand': ['new zealand', 'wellington'],
  canada: ['canada', 'canadian', 'canadians', 'ottawa'],
  mexico: ['mexico', 'mexican', 'mexicans', 'mexico city'],
  brazil: ['brazil', 'brazilian', 'brazilians', 'brasilia', 'brasília'],
  argentina: ['argentina', 'argentine', 'argentinian', 'argentinians', 'argentines', 'buenos aires'],
  chile: ['chile', 'chilean', 'chileans', 'santiago'],
  colombia: ['colombia', 'colombian', 'colombians', 'bogota', 'bogotá'],
  venezuela: ['venezuela', 'venezuelan', 'venezuelans', 'caracas'],
  peru: ['peru', 'peruvian', 'peruvians', 'lima'],
  cuba: ['cuba', 'cuban', 'cubans', 'havana'],
  haiti: ['haiti', 'haitian', 'haitians', 'port-au-prince'],
  'puerto rico': ['puerto rico', 'puerto rican', 'puerto ricans', 'san juan'],
  egypt: ['egypt', 'egyptian', 'egyptians', 'cairo'],
  libya: ['libya', 'libyan', 'libyans', 'tripoli'],
  tunisia: ['tunisia', 'tunisian', 'tunisians', 'tunis'],
  algeria: ['algeria', 'algerian', 'algerians', 'algiers'],
  chad: ['chad', 'chadian', 'chadians', "n'djamena", 'ndjamena'],
  mali: ['mali', 'malian', 'malians', 'bamako'],
  'burkina faso': ['burkina faso', 'burkinabe', 'ouagadougou'],
  somalia: ['somalia', 'somali', 'somalis', 'mogadishu'],
  kenya: ['kenya', 'kenyan', 'kenyans', 'nairobi'],
  uganda: ['uganda', 'ugandan', 'ugandans', 'kampala'],
  rwanda: ['rwanda', 'rwandan', 'rwandans', 'kigali'],
  congo: ['congo', 'congolese', 'drc', 'kinshasa', 'democratic republic of congo', 'democratic republic of the congo'],
  ghana: ['ghana', 'ghanaian', 'ghanaians', 'accra'],
  senegal: ['senegal', 'senegalese', 'dakar'],
  'south africa': ['south africa', 'south african', 'south africans', 'pretoria', 'johannesburg'],
  zimbabwe: ['zimbabwe', 'zimbabwean', 'zimbabweans', 'harare'],
  mozambique: ['mozambique', 'mozambican', 'mozambicans', 'maputo'],
  ethiopia: ['ethiopia', 'ethiopian', 'ethiopians', 'addis ababa'],
  tigray: ['tigray', 'tigrayan', 'tigrayans'],
  eritrea: ['eritrea', 'eritrean', 'eritreans', 'asmara'],
  'saudi arabia': ['saudi arabia', 'saudi', 'saudis', 'riyadh'],
  'united arab emirates': ['united arab emirates', 'uae', 'emirati', 'emiratis', 'abu dhabi', 'dubai'],
  qatar: ['qatar', 'qatari', 'qataris', 'doha'],
  jordan: ['jordan', 'jordanian', 'jordanians', 'amman'],
  lebanon: ['lebanon', 'lebanese', 'beirut'],
  yemen: ['yemen', 'yemeni', 'yemenis', 'sanaa'],
  afghanistan: ['afghanistan', 'afghan', 'afghans', 'kabul'],
  iraq: ['iraq', 'iraqi', 'iraqis', 'baghdad'],
  crimea: ['crimea', 'crimean'],
  'world bank': ['world bank'],
  imf: ['imf', 'international monetary fund'],
  who: ['who', 'world health organization', 'world health organisation'],
};
/** A region inside a country: the two do not contradict each other (Gaza and Palestinians, Darfur and Sudan). */
const PART_OF: Record<string, string> = {
  gaza: 'palestine', 'west bank': 'palestine', darfur: 'sudan', tigray: 'ethiopia', crimea: 'ukraine',
};
/** Short acronyms that are names only in capitals: "WHO", not "who"; "US", not "Us". */
const ACRONYMS = new Set(['us', 'uk', 'un', 'eu', 'who', 'imf', 'uae', 'drc', 'usa']);
const ALIAS = wordIndex(GAZETTEER);
const MULTI_WORD = [...ALIAS.keys()].filter((k) => k.includes(' ')).sort((a, b) => b.length - a.length);

/** Capitalised words that are not names. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'about', 'some', 'more', 'most', 'nearly', 'close', 'around', 'roughly', 'up', 'fewer', 'less', 'over',
  'at', 'between', 'tens', 'hundreds', 'thousands', 'millions', 'an', 'almost', 'approximately', 'estimated', 'its', 'their',
  'his', 'her', 'this', 'that', 'these', 'those', 'in', 'on', 'of', 'and', 'or', 'but', 'western', 'eastern', 'northern',
  'southern', 'officials', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january',
  'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PHRASE_RES = MULTI_WORD.map((phrase) => [phrase, new RegExp(`(?<![A-Za-z])${escapeRe(phrase)}(?![A-Za-z])`, 'gi')] as const);

/** Words of a span with multi-word names ("North Korea") folded into one canonical token each. */
function wordsOf(span: string): Array<{ raw: string; entity: string | null; possessive: boolean }> {
  // "Argentina's" → "Argentina" marked possessive (a possessive is a name, also at the start of a sentence).
  let rest = span.replace(/[’']s\b/g, '\u0001').replace(/[’']/g, '');
  for (const [phrase, re] of PHRASE_RES) rest = rest.replace(re, ` ${ALIAS.get(phrase)!.replace(/ /g, '_')}@ `);
  return (rest.match(/[A-Za-zÀ-ÿ_][A-Za-zÀ-ÿ_.@-]*\u0001?/g) ?? []).map((token) => {
    const possessive = token.endsWith('\u0001');
    const raw = possessive ? token.slice(0, -1) : token;
    if (raw.endsWith('@')) return { raw, entity: raw.slice(0, -1).replace(/_/g, ' '), possessive };
    const w = raw.replace(/\.+$/, '');
    // Names are capitalised: "US" is the United States, "us" is not.
    const lower = w.toLowerCase();
    const named = ACRONYMS.has(lower.replace(/\./g, '')) ? w === w.toUpperCase() : /^[A-Z]/.test(w);
    const entity = named ? (ALIAS.get(lower) ?? null) : null;
    return { raw: w, entity, possessive };
  });
}

/** Canonical entities named in a span of text: gazetteer names, plus other capitalised words (not at a sentence start). */
export function entitiesIn(span: string | null | undefined, sentenceStart = true): Set<string> {
  const out = new Set<string>();
  if (!span) return out;
  wordsOf(span).forEach(({ raw, entity, possessive }, i) => {
    if (entity) {
      out.add(entity);
      return;
    }
    const w = raw.toLowerCase();
    if (!/^[A-Z]/.test(raw) || NOT_NAMES.has(w) || w.length < 2) return;
    // "Rebuilding the country …": capitalised because it starts the sentence; "Argentina's prices": a name.
    if (i === 0 && sentenceStart && !possessive) return;
    out.add(w);
  });
  return out;
}

interface Profile {
  actors: Set<string>;
  places: Set<string>;
  all: Set<string>;
  tokens: Set<string>;
  trigrams: Set<string>;
  interval: Interval | null;
  unit: string | null;
  outcomes: Set<string>;
}

/** Verbs whose subject is the recipient, not the actor: "Pakistan will receive $1.2bn" ≈ "a $1.2bn loan to Pakistan". */
const RECIPIENT_VERB = /^(?:\s+(?:has|have|had|will|would|is|was|are|were|to|be|been|also|now|already|just|reportedly|recently))*\s+(?:receive[sd]?|receiving|obtain(?:s|ed)?|secured?|secures|got|gets?|getting)\b/i;

function profile(c: MatchableClaim): Profile {
  const startsText = (span: string | null | undefined) => !!span && c.text.trimStart().startsWith(span.trim());
  const speaker = entitiesIn(c.speaker, false);
  let actors = entitiesIn(c.subject, startsText(c.subject));
  let places = entitiesIn(c.location, false);
  // "Ukraine says 5,000 Russian troops were killed": a subject that is only the speaker is not the actor.
  if (actors.size > 0 && [...actors].every((a) => speaker.has(a))) actors = new Set();
  // "Pakistan will receive $1.2bn from the World Bank": the subject is where the money goes, a place, not an actor
  // (and what the extractor took for the place, "from the World Bank", is where it comes from).
  if (actors.size > 0 && c.subject) {
    const at = c.text.indexOf(c.subject);
    if (at >= 0 && RECIPIENT_VERB.test(c.text.slice(at + c.subject.length))) {
      places = actors;
      actors = new Set();
    }
  }
  // "an estimated 100,000 Russian troops": the demonym in the quantity names the actor.
  if (actors.size === 0 && c.quantity?.text) actors = entitiesIn(c.quantity.text, startsText(c.quantity.text));
  const all = new Set([...entitiesIn(c.text), ...actors, ...places].filter((e) => !speaker.has(e) || actors.has(e) || places.has(e)));
  const outcomes = outcomesIn(c.text);
  let unit = canonicalUnit(c.quantity?.unit ?? null);
  // "infected 13,000 people" counts cases.
  if (unit !== null && PEOPLE_UNITS.has(unit) && outcomes.has('infected')) unit = 'cases';
  return {
    actors,
    places,
    all,
    tokens: contentTokens(c.text, speaker),
    trigrams: trigramsOf(c.text),
    interval: intervalOf(c.quantity),
    unit,
    outcomes,
  };
}

/** What happened to the people counted: died, injured, missing, displaced … Two claims with different outcomes differ. */
const OUTCOMES: Record<string, string[]> = {
  killed: ['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'deaths', 'death', 'fatalities', 'perished', 'lives'],
  wounded: ['wounded', 'injured', 'injuries', 'hurt'],
  missing: ['missing', 'unaccounted'],
  displaced: ['displaced', 'fled', 'flee', 'fleeing', 'flees', 'uprooted', 'homeless', 'evacuated', 'evacuees', 'refugees', 'refugee'],
  detained: ['arrested', 'detained', 'jailed', 'imprisoned', 'abducted', 'kidnapped'],
  infected: ['infected', 'infections', 'cases', 'sickened'],
  rescued: ['rescued'],
};
const OUTCOME = wordIndex(OUTCOMES);

export function outcomesIn(text: string): Set<string> {
  return new Set(lowerWords(text).flatMap((w) => OUTCOME.get(w) ?? []));
}

/**
 * Opposite directions or stances: "rose 5 %" is not "fell 5 %", "45 % support" is not "45 % oppose". A text with
 * words of both sides is left alone.
 */
const POLARITIES: Array<[string[], string[]]> = [
  [
    ['rose', 'rise', 'risen', 'rises', 'rising', 'climbed', 'climbs', 'increased', 'increase', 'increases', 'grew', 'grow', 'grows', 'jumped', 'surged', 'soared', 'gained', 'expanded'],
    // Not "fall": "in the fall" is a season.
    ['fell', 'fallen', 'falls', 'falling', 'dropped', 'drops', 'declined', 'decline', 'declines', 'slipped', 'decreased', 'shrank', 'shrunk', 'contracted', 'plunged', 'slumped'],
  ],
  [
    ['support', 'supports', 'supported', 'back', 'backs', 'backed', 'favour', 'favours', 'favoured', 'favor', 'favors', 'favored', 'approve', 'approves', 'approved', 'endorse', 'endorsed'],
    ['oppose', 'opposes', 'opposed', 'reject', 'rejects', 'rejected', 'disapprove', 'disapproves', 'disapproved'],
  ],
  [['surplus'], ['deficit']],
  [['exports', 'exported', 'export'], ['imports', 'imported', 'import']],
];

function polarityOf(text: string, [plus, minus]: [string[], string[]]): 1 | -1 | 0 {
  const words = new Set(lowerWords(text));
  const p = plus.some((w) => words.has(w));
  const m = minus.some((w) => words.has(w));
  return p === m ? 0 : p ? 1 : -1;
}

export function oppositePolarity(a: string, b: string): boolean {
  return POLARITIES.some((pair) => polarityOf(a, pair) * polarityOf(b, pair) === -1);
}

const DAY_MS = 86_400_000;
/** A period this long or longer is not the same period as one it holds three times over (a quarter is not the year). */
const MIN_PERIOD_DAYS_FOR_RATIO = 28;

/**
 * The periods claims are about, when both say: 2017 is not 2022, a quarter is not the year. Short periods
 * ("on Monday" and "this week") only need to overlap: reports of one event name its day loosely.
 */
export function differentPeriod(a: MatchableClaim['timeRef'], b: MatchableClaim['timeRef']): boolean {
  if (!a?.from || !a.to || !b?.from || !b.to) return false;
  const [a0, a1, b0, b1] = [a.from, a.to, b.from, b.to].map((d) => Date.parse(d));
  if ([a0, a1, b0, b1].some(Number.isNaN)) return false;
  const overlap = (Math.min(a1, b1) - Math.max(a0, b0)) / DAY_MS + 1;
  if (overlap <= 0) return true;
  const shorter = Math.min(a1 - a0, b1 - b0) / DAY_MS + 1;
  const longer = Math.max(a1 - a0, b1 - b0) / DAY_MS + 1;
  return shorter >= MIN_PERIOD_DAYS_FOR_RATIO && overlap / longer < 1 / 3;
}

// ---------------------------------------------------------------------------------------------------------------
// Text similarity: content words with synonyms folded together, and pg_trgm-style trigrams.

const SYNONYMS: Record<string, string[]> = {
  troop: ['troops', 'troop', 'soldiers', 'soldier', 'servicemen', 'serviceman', 'forces', 'personnel', 'reservists', 'reservist', 'reserve', 'reserves', 'military', 'army'],
  deploy: ['deployed', 'deploy', 'deploys', 'deploying', 'sent', 'send', 'sends', 'sending', 'dispatched', 'dispatch', 'moved', 'move', 'massed', 'mass', 'stationed', 'station', 'amassed', 'positioned', 'mobilised', 'mobilized', 'mobilise', 'mobilize', 'called'],
  kill: ['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'deaths', 'death', 'lives', 'fatalities', 'perished'],
  wound: ['wounded', 'wound', 'injured', 'injuries', 'injury', 'hurt'],
  displace: ['displaced', 'displace', 'fled', 'flee', 'fleeing', 'uprooted', 'forced', 'refugees', 'refugee', 'evacuated', 'homeless'],
  home: ['homes', 'home', 'houses', 'house'],
  border: ['border', 'borders', 'frontier', 'frontiers', 'boundary'],
  pledge: ['pledged', 'pledge', 'promised', 'promise', 'committed', 'commit', 'vowed'],
  aid: ['aid', 'help', 'assistance', 'support'],
  rise: ['rose', 'rise', 'risen', 'climbed', 'climb', 'increased', 'increase', 'grew', 'grow', 'jumped', 'surged'],
  fall: ['fell', 'fall', 'fallen', 'dropped', 'drop', 'declined', 'decline', 'slipped'],
  rebuild: ['reconstruction', 'rebuilding', 'rebuild', 'reconstruct'],
  voter: ['voters', 'voter', 'electorate'],
  back: ['backed', 'back', 'supported', 'endorsed', 'favoured', 'favored'],
  unemployment: ['unemployment', 'jobless', 'joblessness'],
  inflation: ['inflation', 'prices', 'price', 'cpi'],
  infect: ['infected', 'infections', 'infection', 'cases', 'case', 'sickened'],
  quake: ['earthquake', 'quake', 'earthquakes', 'quakes', 'tremor'],
  flood: ['floods', 'flood', 'flooding', 'flooded'],
  war: ['war', 'conflict', 'fighting', 'hostilities'],
  enrich: ['enriched', 'enrich', 'enriching', 'enrichment'],
  deliver: ['delivered', 'deliver', 'received', 'receive', 'supplied', 'supply', 'provided', 'gave', 'given'],
  clash: ['clashes', 'clash', 'battle', 'battles', 'fighting'],
  civilian: ['civilians', 'civilian'],
  ministry: ['ministry', 'ministries', 'department'],
};
const SYNONYM = wordIndex(SYNONYMS, { firstGroupWins: true });

const STOP = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'as', 'into', 'near',
  'along', 'across', 'close', 'its', 'their', 'his', 'her', 'it', 'they', 'he', 'she', 'has', 'have', 'had', 'is', 'are',
  'was', 'were', 'be', 'been', 'being', 'will', 'would', 'could', 'may', 'might', 'that', 'this', 'these', 'those', 'which',
  'who', 'said', 'says', 'say', 'told', 'according', 'estimated', 'estimate', 'estimates', 'about', 'some', 'roughly',
  'around', 'nearly', 'almost', 'approximately', 'more', 'than', 'over', 'least', 'fewer', 'less', 'up', 'between',
  'under', 'most', 'people', 'percent', 'per', 'cent', 'dollars', 'dollar', 'euros', 'euro', 'million', 'billion',
  'thousand', 'thousands', 'hundred', 'hundreds', 'tens', 'millions', 'billions', 'since', 'last', 'year', 'years',
  'now', 'so', 'far', 'also', 'because', 'there', 'what', 'officials', 'official', 'country', 'part', 'took', 'left',
]);

function contentTokens(text: string, exclude: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const { raw, entity } of wordsOf(text)) {
    const w = raw.toLowerCase();
    if (!entity && (STOP.has(w) || w.length < 2)) continue;
    if (entity && exclude.has(entity)) continue;
    out.add(entity ?? SYNONYM.get(w) ?? stem(w));
  }
  return out;
}

/** A light stemmer: plurals, -ing and -ed go, then a final e ("repealing", "repealed" → repeal; "approved" → approv). */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  let out = w;
  if (out.length >= 7 && out.endsWith('ing')) out = out.slice(0, -3);
  else if (out.length >= 6 && out.endsWith('ed')) out = out.slice(0, -2);
  else if (out.length > 3 && out.endsWith('s') && !out.endsWith('ss') && !out.endsWith('us')) out = out.slice(0, -1);
  if (out.length > 4 && out.endsWith('e')) out = out.slice(0, -1);
  return out;
}

/** Trigrams as pg_trgm makes them: lower-case alphanumeric words, each padded with two spaces before and one after. */
export function trigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** pg_trgm's similarity(a, b). */
export function trigramSimilarity(a: string, b: string): number {
  return jaccard(trigramsOf(a), trigramsOf(b));
}

const UNIT_ALIASES: Record<string, string> = {
  troop: 'troops', soldiers: 'troops', soldier: 'troops', dead: 'killed', deaths: 'killed', injured: 'wounded',
  person: 'people', persons: 'people', individuals: 'people', residents: 'people', inhabitants: 'people',
  // a crowd is counted in people, whatever the article calls them
  protesters: 'people', demonstrators: 'people', marchers: 'people', participants: 'people', '%': 'percent', 'per cent': 'percent', usd: 'USD', eur: 'EUR', dollars: 'USD', euros: 'EUR',
};

function canonicalUnit(unit: string | null): string | null {
  if (!unit) return null;
  return UNIT_ALIASES[unit.toLowerCase()] ?? UNIT_ALIASES[unit] ?? unit.toLowerCase();
}

const DEMONYM_SUFFIXES = ['n', 'an', 'ian', 'ese', 'i', 'ish'];

/** The same entity, also when a name outside the gazetteer meets its demonym: libya ~ libyan, chile ~ chilean. */
function sameEntity(a: string, b: string, partOf = true): boolean {
  if (a === b || (partOf && (PART_OF[a] === b || PART_OF[b] === a))) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && DEMONYM_SUFFIXES.includes(long.slice(short.length));
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) for (const y of b) if (sameEntity(x, y)) return false;
  return true;
}

/** Does `text` (a claim's entities) name one of `places` itself (not only the country a region is in)? */
function namesAny(text: Set<string>, places: Set<string>): boolean {
  for (const x of places) for (const y of text) if (sameEntity(x, y, false)) return true;
  return false;
}

/** What a claim is about, when it says: a flood and a war with the same death toll are two claims. */
const EVENTS: Record<string, string[]> = {
  war: ['war', 'wars', 'conflict', 'fighting', 'hostilities', 'invasion', 'offensive', 'shelling', 'airstrikes', 'bombardment'],
  flood: ['flood', 'floods', 'flooding', 'flooded'],
  quake: ['earthquake', 'earthquakes', 'quake', 'tremor'],
  storm: ['storm', 'hurricane', 'typhoon', 'cyclone', 'tornado'],
  fire: ['wildfire', 'wildfires', 'fire', 'fires', 'blaze'],
  drought: ['drought', 'famine'],
  epidemic: ['epidemic', 'pandemic', 'outbreak', 'outbreaks'],
  tsunami: ['tsunami'],
  landslide: ['landslide', 'landslides', 'mudslide', 'mudslides'],
  heatwave: ['heatwave', 'heatwaves'],
  // Not "attack", "strike" or "blast": war reporting uses them for the war's own events.
  terror: ['terrorist', 'terror'],
  crash: ['crash', 'derailment', 'collision', 'shipwreck', 'capsized', 'sank'],
  parade: ['parade', 'parades', 'ceremony'],
  exercise: ['exercise', 'exercises', 'drills', 'manoeuvres', 'maneuvers'],
  election: ['election', 'elections', 'referendum', 'vote', 'ballot'],
  protest: ['protest', 'protests', 'demonstration', 'demonstrations', 'riots'],
  inflation: ['inflation', 'prices'],
  currency: ['currency', 'lira', 'rouble', 'ruble', 'hryvnia', 'peso', 'exchange'],
  unemployment: ['unemployment', 'jobless', 'joblessness'],
};
/** Diseases: each is an epidemic, and two diseases are two events (Ebola cases are not mpox cases). */
const DISEASES: Record<string, string[]> = {
  cholera: ['cholera'], covid: ['covid', 'coronavirus', 'sars'], ebola: ['ebola'], mpox: ['mpox', 'monkeypox'],
  measles: ['measles'], dengue: ['dengue'], malaria: ['malaria'], polio: ['polio'], influenza: ['influenza', 'flu'],
  tuberculosis: ['tuberculosis'], hiv: ['hiv'], zika: ['zika'], marburg: ['marburg'], diphtheria: ['diphtheria'],
  typhoid: ['typhoid'], meningitis: ['meningitis'],
};
const EVENT = wordIndex(EVENTS);
const DISEASE = wordIndex(DISEASES);

/** Events named in a text; a disease adds itself and `epidemic`, so "the outbreak" meets either, two diseases do not. */
export function eventsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of lowerWords(text)) {
    const e = EVENT.get(w);
    if (e) out.add(e);
    const d = DISEASE.get(w);
    if (d) out.add(`disease:${d}`);
  }
  return out;
}

/**
 * What a share or rate measures, when a text says: turnout is not a share of the vote, inflation is not an interest
 * rate, growth is not unemployment.
 */
const MEASURES: Record<string, RegExp> = {
  turnout: /\bturnout\b|\bwent to the polls\b|\bcast (?:a |their )?ballots?\b|\bvoted\b(?! (?:for|against|in favou?r))/i,
  vote_share: /\bof the (?:vote|votes|ballots)\b|\bre-?elected with\b|\bvoted (?:for|against|in favou?r)\b|\bwon \S+ (?:percent|per cent|%)/i,
  growth: /\b(?:gdp|economy|economic growth|output)\b/i,
  inflation: /\binflation\b|\bprices\b|\bcpi\b/i,
  unemployment: /\bunemploy|\bjobless/i,
  interest_rate: /\binterest rates?\b|\bbase rate\b|\bpolicy rate\b/i,
  poverty: /\bpoverty\b/i,
  approval: /\bapproval (?:rating|ratings)\b/i,
};

export function measuresIn(text: string): Set<string> {
  return new Set(Object.entries(MEASURES).filter(([, re]) => re.test(text)).map(([m]) => m));
}

/** Two sets of events contradict when they share none, or both name diseases and share none of those. */
function differentEvents(a: Set<string>, b: Set<string>): boolean {
  const diseases = (s: Set<string>) => new Set([...s].filter((e) => e.startsWith('disease:')));
  const general = (s: Set<string>) => new Set([...s].map((e) => (e.startsWith('disease:') ? 'epidemic' : e)));
  const [da, db] = [diseases(a), diseases(b)];
  if (da.size > 0 && db.size > 0 && ![...da].some((d) => db.has(d))) return true;
  const [ga, gb] = [general(a), general(b)];
  return ga.size > 0 && gb.size > 0 && ![...ga].some((e) => gb.has(e));
}

const PEOPLE_CATEGORIES = new Set<ClaimCategory>(['casualties', 'displacement']);
const PEOPLE_UNITS = new Set(['people', 'persons', 'residents', 'civilians', 'inhabitants', 'migrants']);

/** A count of people: "people", "civilians", or a nationality ("4.5 million Ukrainians"). */
export function isPeopleUnit(unit: string | null): boolean {
  if (!unit) return false;
  const u = unit.toLowerCase();
  return PEOPLE_UNITS.has(u) || (ALIAS.has(u) && u.endsWith('s'));
}

/** Same category, or the fallback `quantity_other` counting people next to casualties/displacement (penalised). */
export function categoryFit(a: MatchableClaim, b: MatchableClaim): 'same' | 'compatible' | null {
  if (a.category === b.category) return 'same';
  const [x, y] = [a, b].sort((p, q) => (p.category === 'quantity_other' ? -1 : q.category === 'quantity_other' ? 1 : 0));
  if (x.category === 'quantity_other' && isPeopleUnit(x.quantity?.unit ?? null) && PEOPLE_CATEGORIES.has(y.category)) {
    return 'compatible';
  }
  return null;
}

export interface MatchScore {
  /** In [0, 1]; 0 when a gate failed. */
  score: number;
  /** Why, for the editor: e.g. ["same_category", "quantity_overlap", "same_actor", "text:0.57"] or ["quantity_disjoint"]. */
  reasons: string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** How well `candidate` (an earlier claim) matches `query` (the new one). */
export function scoreMatch(query: MatchableClaim, candidate: MatchableClaim): MatchScore {
  const fit = categoryFit(query, candidate);
  if (!fit) return { score: 0, reasons: ['category_differs'] };
  const q = profile(query);
  const c = profile(candidate);
  const reasons: string[] = [fit === 'same' ? 'same_category' : 'compatible_category'];
  const textSim = Math.max(dice(q.tokens, c.tokens), jaccard(q.trigrams, c.trigrams));

  if ((q.interval === null) !== (c.interval === null)) return { score: 0, reasons: ['one_has_no_number'] };
  if (q.interval === null || c.interval === null) {
    // Number-less claims: text alone, and the actors must not contradict each other.
    if (disjoint(q.actors, c.actors)) return { score: 0, reasons: ['different_actor'] };
    return { score: round(textSim), reasons: [...reasons, 'no_number', `text:${round(textSim)}`] };
  }
  // A compatible category means the fallback counts `people` where the other says killed/displaced: no unit check.
  if (fit === 'same' && q.unit && c.unit && q.unit !== c.unit && !harmUnitsCompatible(q.unit, c.unit)) {
    return { score: 0, reasons: ['unit_differs'] };
  }
  const num = numericCloseness(q.interval, c.interval);
  if (num === null) return { score: 0, reasons: ['quantity_disjoint'] };
  reasons.push('quantity_overlap');
  if (disjoint(q.actors, c.actors)) return { score: 0, reasons: ['different_actor'] };
  // A place contradicts only when the other claim names none of it: "refugees from Sudan have fled to Chad"
  // has Sudan as its extracted place and still meets "1.2 million Sudanese have crossed into Chad".
  if (disjoint(q.places, c.places) && !namesAny(c.all, q.places) && !namesAny(q.all, c.places)) return { score: 0, reasons: ['different_place'] };
  if (differentEvents(eventsIn(query.text), eventsIn(candidate.text))) return { score: 0, reasons: ['different_event'] };
  if (disjoint(measuresIn(query.text), measuresIn(candidate.text))) return { score: 0, reasons: ['different_measure'] };
  if (disjoint(q.outcomes, c.outcomes)) return { score: 0, reasons: ['different_outcome'] };
  if (oppositePolarity(query.text, candidate.text)) return { score: 0, reasons: ['opposite_direction'] };
  if (differentPeriod(query.timeRef, candidate.timeRef)) return { score: 0, reasons: ['different_period'] };
  if (textSim < MIN_TEXT_SIMILARITY) return { score: 0, reasons: ['text_dissimilar', `text:${round(textSim)}`] };

  let entities = 0.5;
  if (q.all.size > 0 && c.all.size > 0) {
    entities = disjoint(q.all, c.all) ? 0 : 1;
    reasons.push(entities ? 'shared_entity' : 'no_shared_entity');
  }
  let score = 0.25 + 0.2 * num + 0.4 * textSim + 0.15 * entities;
  if (fit === 'compatible') score *= 0.9;
  reasons.push(`text:${round(textSim)}`);
  return { score: round(Math.min(1, score)), reasons };
}

export function isMatch(query: MatchableClaim, s: MatchScore): boolean {
  return s.score >= (intervalOf(query.quantity) === null ? TEXT_ONLY_THRESHOLD : MATCH_THRESHOLD);
}
