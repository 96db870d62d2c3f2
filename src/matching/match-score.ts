/**
 * Claim matching (issue 5): is a new claim the same claim as an earlier one? Pure, no database.
 *
 * Number-aware. A pair is only considered when all the gates hold:
 *   1. the categories are the same (or one is the extractor's fallback `quantity_other` counting people —
 *      "people", "civilians", "Ukrainians" — and the other casualties or displacement; the score then takes a penalty);
 *   2. the units agree (killed ≠ wounded, USD ≠ EUR, tanks ≠ drones);
 *   3. the quantities' intervals overlap (see `intervalOf`: hedges widen or open the interval);
 *   4. the actors (subject, or "Russian" in "100,000 Russian troops") do not contradict each other, and
 *      neither do the places (the extracted location) nor the events (a flood is not a war, a parade not a build-up);
 *   5. the texts are at least MIN_TEXT_SIMILARITY alike (content words with synonyms folded, or trigrams).
 * Then score = 0.25 + 0.20·numeric + 0.40·text + 0.15·entities, in [0, 1]; a pair matches at ≥ MATCH_THRESHOLD.
 * Claims without a number (statements, events) only match claims without a number, on text similarity alone,
 * with a higher bar (TEXT_ONLY_THRESHOLD); a claim with a number never matches one without.
 */
import type { ClaimCategory, Qualifier } from '../extraction/extractor/types.js';

/** What the scorer needs of a claim: the extractor's output and the stored claim both fit. */
export interface MatchableClaim {
  text: string;
  category: ClaimCategory;
  quantity: { value: number | null; low: number | null; high: number | null; unit: string | null; qualifier: Qualifier | null; text?: string } | null;
  subject: string | null;
  location: string | null;
  speaker?: string | null;
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
      return value === null ? null : widen(value, EXACT_TOLERANCE);
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

const GAZETTEER: Record<string, string[]> = {
  russia: ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
  ukraine: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev', 'donbas', 'donbass'],
  'united states': ['united states', 'us', 'u.s', 'usa', 'america', 'american', 'americans', 'washington', 'pentagon'],
  'united kingdom': ['united kingdom', 'uk', 'u.k', 'britain', 'british', 'london'],
  china: ['china', 'chinese', 'beijing'],
  india: ['india', 'indian', 'indians', 'new delhi', 'delhi'],
  eu: ['eu', 'e.u', 'european union', 'brussels'],
  un: ['un', 'u.n', 'united nations'],
  nato: ['nato'],
  israel: ['israel', 'israeli', 'israelis'],
  gaza: ['gaza', 'gazan', 'gazans'],
  iran: ['iran', 'iranian', 'iranians', 'tehran'],
  'north korea': ['north korea', 'north korean', 'north koreans', 'pyongyang'],
  'south korea': ['south korea', 'south korean', 'seoul'],
  sudan: ['sudan', 'sudanese', 'khartoum'],
  morocco: ['morocco', 'moroccan', 'moroccans', 'rabat'],
  spain: ['spain', 'spanish', 'madrid'],
  pakistan: ['pakistan', 'pakistani', 'pakistanis', 'islamabad'],
  nigeria: ['nigeria', 'nigerian', 'nigerians', 'abuja'],
  belarus: ['belarus', 'belarusian', 'minsk'],
  germany: ['germany', 'german', 'germans', 'berlin'],
  poland: ['poland', 'polish', 'warsaw'],
  lithuania: ['lithuania', 'lithuanian', 'vilnius'],
  france: ['france', 'french', 'paris'],
  syria: ['syria', 'syrian', 'syrians', 'damascus'],
  turkey: ['turkey', 'turkish', 'ankara', 'türkiye'],
  japan: ['japan', 'japanese', 'tokyo'],
  taiwan: ['taiwan', 'taiwanese', 'taipei'],
  lebanon: ['lebanon', 'lebanese', 'beirut'],
  yemen: ['yemen', 'yemeni', 'sanaa'],
  afghanistan: ['afghanistan', 'afghan', 'afghans', 'kabul'],
  iraq: ['iraq', 'iraqi', 'iraqis', 'baghdad'],
  ethiopia: ['ethiopia', 'ethiopian', 'addis ababa'],
  'world bank': ['world bank'],
  imf: ['imf', 'international monetary fund'],
};
const ALIAS = new Map<string, string>();
for (const [canonical, names] of Object.entries(GAZETTEER)) for (const n of names) ALIAS.set(n, canonical);
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
function wordsOf(span: string): Array<{ raw: string; entity: string | null }> {
  let rest = span.replace(/[’']s\b/g, '').replace(/[’']/g, '');
  for (const [phrase, re] of PHRASE_RES) rest = rest.replace(re, ` ${ALIAS.get(phrase)!.replace(/ /g, '_')}@ `);
  return (rest.match(/[A-Za-zÀ-ÿ_][A-Za-zÀ-ÿ_.@-]*/g) ?? []).map((raw) => {
    if (raw.endsWith('@')) return { raw, entity: raw.slice(0, -1).replace(/_/g, ' ') };
    const w = raw.replace(/\.+$/, '');
    // Names are capitalised: "US" is the United States, "us" is not.
    const entity = /^[A-Z]/.test(w) ? (ALIAS.get(w.toLowerCase()) ?? null) : null;
    return { raw: w, entity };
  });
}

/** Canonical entities named in a span of text: gazetteer names, plus other capitalised words (not at a sentence start). */
export function entitiesIn(span: string | null | undefined, sentenceStart = true): Set<string> {
  const out = new Set<string>();
  if (!span) return out;
  wordsOf(span).forEach(({ raw, entity }, i) => {
    if (entity) {
      out.add(entity);
      return;
    }
    const w = raw.toLowerCase();
    if (!/^[A-Z]/.test(raw) || NOT_NAMES.has(w) || w.length < 2) return;
    if (i === 0 && sentenceStart) return; // "Rebuilding the country …": capitalised because it starts the sentence
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
}

function profile(c: MatchableClaim): Profile {
  const startsText = (span: string | null | undefined) => !!span && c.text.trimStart().startsWith(span.trim());
  let actors = entitiesIn(c.subject, startsText(c.subject));
  // "an estimated 100,000 Russian troops": the demonym in the quantity names the actor.
  if (actors.size === 0 && c.quantity?.text) actors = entitiesIn(c.quantity.text, startsText(c.quantity.text));
  const places = entitiesIn(c.location, false);
  const speaker = entitiesIn(c.speaker, false);
  const all = new Set([...entitiesIn(c.text), ...actors, ...places].filter((e) => !speaker.has(e) || actors.has(e) || places.has(e)));
  return {
    actors,
    places,
    all,
    tokens: contentTokens(c.text, speaker),
    trigrams: trigramsOf(c.text),
    interval: intervalOf(c.quantity),
    unit: canonicalUnit(c.quantity?.unit ?? null),
  };
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
  quake: ['earthquake', 'quake', 'earthquakes', 'quakes', 'tremor'],
  flood: ['floods', 'flood', 'flooding', 'flooded'],
  war: ['war', 'conflict', 'fighting', 'hostilities'],
  enrich: ['enriched', 'enrich', 'enriching', 'enrichment'],
  deliver: ['delivered', 'deliver', 'received', 'receive', 'supplied', 'supply', 'provided', 'gave', 'given'],
  clash: ['clashes', 'clash', 'battle', 'battles', 'fighting'],
  civilian: ['civilians', 'civilian'],
  ministry: ['ministry', 'ministries', 'department'],
};
const SYNONYM = new Map<string, string>();
for (const [canonical, words] of Object.entries(SYNONYMS)) for (const w of words) if (!SYNONYM.has(w)) SYNONYM.set(w, canonical);

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

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
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
  person: 'people', persons: 'people', '%': 'percent', 'per cent': 'percent', usd: 'USD', eur: 'EUR', dollars: 'USD', euros: 'EUR',
};

function canonicalUnit(unit: string | null): string | null {
  if (!unit) return null;
  return UNIT_ALIASES[unit.toLowerCase()] ?? UNIT_ALIASES[unit] ?? unit.toLowerCase();
}

const DEMONYM_SUFFIXES = ['n', 'an', 'ian', 'ese', 'i', 'ish'];

/** The same entity, also when a name outside the gazetteer meets its demonym: libya ~ libyan, chile ~ chilean. */
function sameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short) && DEMONYM_SUFFIXES.includes(long.slice(short.length));
}

function disjoint(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) for (const y of b) if (sameEntity(x, y)) return false;
  return true;
}

/** What a claim is about, when it says: a flood and a war with the same death toll are two claims. */
const EVENTS: Record<string, string[]> = {
  war: ['war', 'wars', 'conflict', 'fighting', 'hostilities', 'invasion', 'offensive', 'shelling', 'airstrikes', 'bombardment'],
  flood: ['flood', 'floods', 'flooding', 'flooded'],
  quake: ['earthquake', 'earthquakes', 'quake', 'tremor'],
  storm: ['storm', 'hurricane', 'typhoon', 'cyclone', 'tornado'],
  fire: ['wildfire', 'wildfires', 'fire', 'fires', 'blaze'],
  drought: ['drought', 'famine'],
  epidemic: ['epidemic', 'pandemic', 'outbreak', 'cholera', 'covid'],
  parade: ['parade', 'parades', 'ceremony'],
  exercise: ['exercise', 'exercises', 'drills', 'manoeuvres', 'maneuvers'],
  election: ['election', 'elections', 'referendum', 'vote', 'ballot'],
  protest: ['protest', 'protests', 'demonstration', 'demonstrations', 'riots'],
  inflation: ['inflation', 'prices'],
  currency: ['currency', 'lira', 'rouble', 'ruble', 'hryvnia', 'peso', 'exchange'],
  unemployment: ['unemployment', 'jobless', 'joblessness'],
};
const EVENT = new Map<string, string>();
for (const [canonical, words] of Object.entries(EVENTS)) for (const w of words) EVENT.set(w, canonical);

export function eventsIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const e = EVENT.get(w);
    if (e) out.add(e);
  }
  return out;
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
  if (fit === 'same' && q.unit && c.unit && q.unit !== c.unit) return { score: 0, reasons: ['unit_differs'] };
  const num = numericCloseness(q.interval, c.interval);
  if (num === null) return { score: 0, reasons: ['quantity_disjoint'] };
  reasons.push('quantity_overlap');
  if (disjoint(q.actors, c.actors)) return { score: 0, reasons: ['different_actor'] };
  if (disjoint(q.places, c.places)) return { score: 0, reasons: ['different_place'] };
  if (disjoint(eventsIn(query.text), eventsIn(candidate.text))) return { score: 0, reasons: ['different_event'] };
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
