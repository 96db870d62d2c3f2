/**
 * Claim matching, second stage: is a retrieved earlier claim the same claim as the new one? Pure, no database.
 *
 * Evidence, not gates (issue 12). The score starts from the words the two claims share, weighed by how rare each word
 * is among stored claims (see TermStatistics), then:
 *   - the same figure on both sides ("$80M" = "$80 million", "3 in 5" = 60 %, a quantity the extractor read) raises it;
 *     a figure on one side only, or another category, lowers it a little; a shared year or entity raises it a little;
 *   - a contradiction refuses the pair (score 0): figures of one kind that differ (100,000 vs 10,000 troops), the same
 *     amount in two currencies, years that differ (2002 vs 2017), other actors or places (see the gazetteer), events
 *     (a flood is not a war, Ebola not mpox), measures (turnout is not a vote share), outcomes (killed vs wounded),
 *     directions (rose vs fell), periods (a quarter is not the year), or claims with figures published years apart
 *     when neither text dates itself.
 * A pair is suggested from MATCH_THRESHOLD up. Every result carries its reasons: the text score, the figure that
 * agreed, the years and publication dates compared, or the contradiction that refused it.
 */
import type { ClaimCategory } from '../claims/claim-vocabulary.js';
import { isPersonNoun } from '../extractor/index.js';
import { oppositeActions, otherActions } from './actions.js';
import { isEnglishWord, mostlyEnglish } from './english-words.js';
import { ORG_NOUNS, ROLE_WORDS } from '../extractor/resources/lexicon.js';
import { claimFigures, compareFigures, otherLanguage, type FigureEvidence, type TextFigures } from './figures.js';
import { englishNameForm, glossFor } from './glossary.js';
import { intervalOf, numericCloseness, type Interval, type MatchableClaim } from './matchable.js';
import { perObject, perText } from './remembered.js';

export { figuresIn, figureTerms, otherLanguage } from './figures.js';
export { actionsIn, oppositeActions, otherActions } from './actions.js';
export * from './matchable.js';

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

/** Lower-case words of a text, for lexicon lookups (shared: not to be changed). */
const lowerWords: (text: string) => readonly string[] = perText((text) => text.toLowerCase().match(/[a-z]+/g) ?? []);

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
/**
 * Matches where any of PHRASE_RES would (same lookarounds, same flags): most spans name none, and one pass of this
 * spares them the ~80 passes of the phrases one by one (the ranker's largest cost, bench matching-scale).
 */
const ANY_PHRASE = new RegExp(`(?<![A-Za-z])(?:${MULTI_WORD.map(escapeRe).join('|')})(?![A-Za-z])`, 'i');

/** Words of a span with multi-word names ("North Korea") folded into one canonical token each. */
function wordsOf(span: string): Array<{ raw: string; entity: string | null; possessive: boolean }> {
  // "Argentina's" → "Argentina" marked possessive (a possessive is a name, also at the start of a sentence).
  let rest = span.replace(/[’']s\b/g, '\u0001').replace(/[’']/g, '');
  if (ANY_PHRASE.test(rest)) for (const [phrase, re] of PHRASE_RES) rest = rest.replace(re, ` ${ALIAS.get(phrase)!.replace(/ /g, '_')}@ `);
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
  if (!span) return new Set();
  // The gazetteer's phrases are a regular expression each. A fresh copy each call: callers may add to it.
  return new Set(sentenceStart ? entitiesAtStart(span) : entitiesWithin(span));
}
const entitiesAtStart = perText((span) => readEntities(span, true) as ReadonlySet<string>);
const entitiesWithin = perText((span) => readEntities(span, false) as ReadonlySet<string>);

/**
 * Names that start a sentence, where the capital says nothing: a word English does not have ("Tarrow bans …",
 * "… free. Tarrow …"), not "Nurses", "Sixty" or "They're".
 */
const initialNamesIn = perText((text) => {
  const out = new Set<string>();
  for (const sentence of text.split(SENTENCE_END)) {
    const first = wordsOf(sentence)[0];
    if (!first || first.entity || !/^[A-Z]/.test(first.raw)) continue;
    if (/['’]/.test(sentence.slice(0, first.raw.length + 2))) continue;
    // "Tarrow-Lowmarsh rail …": two names.
    for (const w of first.raw.toLowerCase().split('-')) if (w.length >= 3 && !NOT_NAMES.has(w) && !isEnglishWord(w)) out.add(w);
  }
  return out;
});
const SENTENCE_END = /(?<=[.!?])\s+/;

/**
 * The name a text opens with, as the one who acts ("Oakrest bans …", "President Ines Valcourt called …"), or null: a
 * text that opens otherwise ("Rebels blew up …", "The government …"), with a role ("Tarrow's mayor …", "Tarrow PM …")
 * or with a label ("Tarrow: …"), or shouting.
 */
const leadNamesOf = perText((text): ReadonlySet<string> | null => {
  const tokens = text.trim().split(/\s+/);
  let i = /^(?:the|a|an)$/i.test(tokens[0] ?? '') ? 1 : 0;
  const lead: string[] = [];
  for (; i < tokens.length && lead.length < 4; i++) {
    const token = tokens[i];
    if (!/^\p{Lu}\p{Ll}/u.test(token)) break;
    if (/:$/.test(token)) return null;
    const word = token.replace(/[’']s$|[^\p{L}'’-]+$/gu, '');
    lead.push(word);
    if (word !== token) {
      // "Tarrow's mayor", "Tarrow, the …": the name ends here.
      i++;
      break;
    }
  }
  if (lead.length === 0) return null;
  const next = (tokens[i] ?? '').toLowerCase().replace(/[^\p{L}]+$/u, '');
  if (ROLE_WORDS.has(next) || ORG_NOUNS.has(next) || next === 'pm') return null;
  const names = new Set<string>();
  let unknown = false;
  for (const { raw, entity } of wordsOf(lead.join(' ').replace(/-(?=\p{Lu})/gu, ' '))) {
    const w = raw.toLowerCase();
    if (entity) names.add(entity);
    else if (!ROLE_WORDS.has(w) && !ORG_NOUNS.has(w) && !NOT_NAMES.has(w)) names.add(w);
    if (entity || !isEnglishWord(w)) unknown = true;
  }
  // Only English words ("Rebels", "Wind turbines"): no name.
  return unknown && names.size > 0 ? names : null;
});

function readEntities(span: string, sentenceStart: boolean): Set<string> {
  const out = new Set<string>();
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
  /** `all`, the speaker's names and the names that start a sentence (initialNamesIn): names to tell two claims apart by. */
  named: Set<string>;
  interval: Interval | null;
  unit: string | null;
  outcomes: ReadonlySet<string>;
  /** Written in another language than English: its words cannot be compared with ours, nor its unit read. */
  foreign: boolean;
}


/** Verbs whose subject is the recipient, not the actor: "Pakistan will receive $1.2bn" ≈ "a $1.2bn loan to Pakistan". */
const RECIPIENT_VERB = /^(?:\s+(?:has|have|had|will|would|is|was|are|were|to|be|been|also|now|already|just|reportedly|recently))*\s+(?:receive[sd]?|receiving|obtain(?:s|ed)?|secured?|secures|got|gets?|getting)\b/i;

/** What the ranker reads of a claim, once per claim object: first what its figures need (cheap), then its names. */
const basics = perObject(readBasics);
const profile = perObject((c: MatchableClaim): Profile => ({ ...basics(c), ...readNames(c) }));
/** Its figures and years (the contradictions need its years too). */
const figuresOfClaim = perObject((c: MatchableClaim) => claimFigures(c, basics(c).unit));

function readNames(c: MatchableClaim): Pick<Profile, 'actors' | 'places' | 'all' | 'named'> {
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
  // For telling two claims' names apart, every name the text gives: the speaker's too ("Tarrow banned …", said by the
  // Tarrow council), and the names that start a sentence.
  const named = new Set([...entitiesIn(c.text), ...all, ...initialNamesIn(c.text)]);
  return { actors, places, all, named };
}

function readBasics(c: MatchableClaim): Pick<Profile, 'interval' | 'unit' | 'outcomes' | 'foreign'> {
  const foreign = otherLanguage(c.text);
  // In another language, what happened to the people counted is read from the English gloss ("an die Grenze" is no death).
  const gloss = glossOf(c.text);
  const outcomes = outcomesIn(gloss || c.text);
  // The extractor reads English: in another language what it takes for the unit is any word after the figure
  // ("26 000 ours polaires" → polaires). A currency or a share it reads from the signs stays.
  let unit = canonicalUnit(c.quantity?.unit ?? null);
  if (foreign && unit !== null && unit !== 'percent' && !/^[A-Z]{3}$/.test(unit)) unit = null;
  // "infected 13,000 people" counts cases.
  if (unit !== null && PEOPLE_UNITS.has(unit) && outcomes.has('infected')) unit = 'cases';
  return { interval: intervalOf(c.quantity), unit, outcomes, foreign };
}

/** What happened to the people counted: died, injured, missing, displaced … Two claims with different outcomes differ. */
const OUTCOMES: Record<string, string[]> = {
  killed: ['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'deaths', 'death', 'fatalities', 'perished', 'lives'],
  wounded: ['wounded', 'wounds', 'wounding', 'injured', 'injures', 'injuring', 'injuries', 'hurt'],
  // Shot, not said to have died: "21 officers were shot" is not "21 officers were killed" ("shot dead" says both).
  shot: ['shot'],
  missing: ['missing', 'unaccounted'],
  displaced: ['displaced', 'fled', 'flee', 'fleeing', 'flees', 'uprooted', 'homeless', 'evacuated', 'evacuees', 'refugees', 'refugee'],
  detained: ['arrested', 'detained', 'jailed', 'imprisoned', 'abducted', 'kidnapped'],
  infected: ['infected', 'infections', 'cases', 'sickened'],
  rescued: ['rescued'],
  // Held where they were, not yet dead or out: miners trapped, passengers stranded.
  trapped: ['trapped', 'stranded', 'stuck'],
  // Prisoners who got out are not guards who were hurt, nor inmates let out; soldiers who deserted are not troops sent.
  escaped: ['escaped', 'escapees'],
  released: ['released', 'freed'],
  deserted: ['deserted', 'deserters', 'defected', 'defectors'],
  // Troops sent somewhere are neither troops lost nor troops who deserted; families evicted are not people homeless.
  deployed: ['deployed', 'massed', 'amassed', 'stationed', 'mobilised', 'mobilized'],
  evicted: ['evicted', 'evictions'],
};
const OUTCOME = wordIndex(OUTCOMES);

export const outcomesIn: (text: string) => ReadonlySet<string> = perText((text) =>
  new Set(lowerWords(text.replace(BROKE_OUT_OF, ' escaped ').replace(TROOPS_MOVED, ' deployed ').replace(GERMAN_DIE, ' ')).flatMap((w) => OUTCOME.get(w) ?? [])));
/** German's article before a noun ("an die Grenze"), not the English verb ("die of cold"). */
const GERMAN_DIE = /\bdie\s+(?=\p{Lu})/gu;
/** "moved 12,000 troops", "sent 300 soldiers": a deployment. */
const TROOPS_MOVED = /\b(?:moved|moves|sent|sends|rushed)\s+(?:some\s+|about\s+|around\s+|over\s+|more\s+than\s+)?[\d.,]+\s*(?:k|thousand|million)?\s+(?:\w+\s+)?(?:troops|soldiers)\b/gi;
/** "broke out of jail" is an escape ("war broke out" is not). */
const BROKE_OUT_OF = /\bbr(?:oke|eak|eaks|eaking)\s+out\s+of\b/gi;

/**
 * Opposite directions or stances: "rose 5 %" is not "fell 5 %", "45 % support" is not "45 % oppose". A text with
 * words of both sides is left alone.
 */
const POLARITIES: Array<[string[], string[]]> = [
  [
    ['rose', 'rise', 'risen', 'rises', 'rising', 'climbed', 'climbs', 'increased', 'increase', 'increases', 'grew', 'grow', 'grows', 'jumped', 'surged', 'soared', 'gained', 'expanded',
      'doubled', 'doubles', 'tripled', 'triples', 'quadrupled', 'skyrocketed'],
    // Not "fall": "in the fall" is a season.
    ['fell', 'fallen', 'falls', 'falling', 'dropped', 'drops', 'declined', 'decline', 'declines', 'slipped', 'decreased', 'shrank', 'shrunk', 'contracted', 'plunged', 'slumped',
      'halved', 'halves', 'plummeted', 'tumbled', 'dwindled'],
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
/** The text's sign on each pair of POLARITIES. */
const polaritiesOf = perText((text) => POLARITIES.map((pair) => polarityOf(text, pair)));

export function oppositePolarity(a: string, b: string): boolean {
  const [x, y] = [polaritiesOf(a), polaritiesOf(b)];
  return x.some((p, i) => p * y[i] === -1);
}

/**
 * How many times over a text says something grew, in words: "doubled", "twice as many", "tripled", "three times what
 * it was", "3x". Two claims that each say so, and never the same, are two claims ("doubled the price" is not "tripled
 * the price"). Not idioms ("doubles down", "double-digit", "twice a week"); shares said in words ("halved", "cut in
 * half") are figures already (figures.ts).
 */
const MULTIPLE_WORDS: Array<[RegExp, number]> = [
  [/\btwofold\b|\bdoubl(?:ed|es|ing)\b(?!\s+(?:down|up|back|over|as\s+(?:a|an|the)\b))|\b(?:twice|two\s+times)\s+(?:as\s+(?:many|much|big|large|high|expensive|long|fast|often)|what|the)\b/i, 2],
  [/\bthreefold\b|\b(?:tripl|trebl)(?:ed|es|ing)\b|\bthree\s+times\s+(?:as|what|the|more)\b/i, 3],
  [/\bfourfold\b|\bquadrupl(?:ed|es|ing)\b|\bfour\s+times\s+(?:as|what|the|more)\b/i, 4],
  [/\bfivefold\b|\bfive\s+times\s+(?:as|what|the|more)\b/i, 5],
  [/\bten\s*fold\b|\bten\s+times\s+(?:as|what|the|more)\b/i, 10],
];
/** "3x what they were", "prices 2x": a digit and x on its own (not "4x4", not "x2"). */
const MULTIPLE_X = /(?:^|\s)([2-9]|10)x(?=\s|[.,!?]|$)/gi;
const multiplesIn = perText((text): ReadonlySet<number> => {
  const out = new Set<number>();
  for (const [re, n] of MULTIPLE_WORDS) if (re.test(text)) out.add(n);
  for (const m of text.matchAll(MULTIPLE_X)) out.add(Number(m[1]));
  return out;
});

/** Each text says by how many times something grew, and no multiple is in both. */
export function differentMultiples(a: string, b: string): boolean {
  const [x, y] = [multiplesIn(a), multiplesIn(b)];
  return x.size > 0 && y.size > 0 && ![...x].some((n) => y.has(n));
}

const DAY_MS = 86_400_000;
/** Date.parse, remembered: a ranking compares the same few dates (a year's first and last day) pair after pair. */
const parseDate = perText((iso) => Date.parse(iso));
/** A period this long or longer is not the same period as one it holds three times over (a quarter is not the year). */
const MIN_PERIOD_DAYS_FOR_RATIO = 28;

/**
 * The periods claims are about, when both say: 2017 is not 2022, a quarter is not the year. Short periods
 * ("on Monday" and "this week") only need to overlap: reports of one event name its day loosely.
 */
export function differentPeriod(a: MatchableClaim['timeRef'], b: MatchableClaim['timeRef']): boolean {
  if (!a?.from || !a.to || !b?.from || !b.to) return false;
  const [a0, a1, b0, b1] = [parseDate(a.from), parseDate(a.to), parseDate(b.from), parseDate(b.to)];
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

/** pg_trgm's similarity(a, b). */
export function trigramSimilarity(a: string, b: string): number {
  return jaccard(trigramsOf(a), trigramsOf(b));
}

const UNIT_ALIASES: Record<string, string> = {
  troop: 'troops', soldiers: 'troops', soldier: 'troops', dead: 'killed', deaths: 'killed', injured: 'wounded',
  person: 'people', persons: 'people', individuals: 'people', residents: 'people', inhabitants: 'people',
  // a crowd is counted in people, whatever the article calls them
  protesters: 'people', demonstrators: 'people', marchers: 'people', participants: 'people', '%': 'percent', 'per cent': 'percent', usd: 'USD', eur: 'EUR', dollars: 'USD', euros: 'EUR',
  cops: 'police', cop: 'police', policemen: 'police',
  kids: 'children', kid: 'children', child: 'children', minors: 'children', youngsters: 'children',
  // Units of measure and their symbols.
  gw: 'gigawatts', mw: 'megawatts', kw: 'kilowatts', twh: 'terawatt-hours', gwh: 'gigawatt-hours', km: 'kilometres',
  kilometers: 'kilometres', cm: 'centimetres', centimeters: 'centimetres', mm: 'millimetres', m: 'metres', meters: 'metres',
  kg: 'kilograms', kilos: 'kilograms', lbs: 'pounds', lb: 'pounds', t: 'tonnes', tons: 'tonnes', mt: 'million tonnes',
  mph: 'miles per hour', 'km/h': 'kilometres per hour', kmh: 'kilometres per hour', kph: 'kilometres per hour', ha: 'hectares', sq: 'square',
  mi: 'miles', ft: 'feet', foot: 'feet', acre: 'acres', hectare: 'hectares', mile: 'miles', kilometre: 'kilometres', kilometer: 'kilometres',
  metre: 'metres', meter: 'metres', kilogram: 'kilograms', kilo: 'kilograms', pound: 'pounds', tonne: 'tonnes', ton: 'tonnes', g: 'grams', gram: 'grams',
  // (their own names, which the stemmer would cut)
  acres: 'acres', hectares: 'hectares', miles: 'miles', feet: 'feet', metres: 'metres', kilometres: 'kilometres', kilograms: 'kilograms',
  pounds: 'pounds', tonnes: 'tonnes', grams: 'grams', yards: 'yards', inches: 'inches', litres: 'litres', liters: 'litres', gallons: 'gallons',
};

/**
 * Units of measure by what they measure: the same number in two units of one dimension is two amounts ("8,000 acres"
 * is not "8,000 hectares"). (By unitKey; speeds as their texts write them, see measureKey.)
 */
const DIMENSIONS: Record<string, string> = {
  kilometres: 'length', metres: 'length', centimetres: 'length', millimetres: 'length', miles: 'length', feet: 'length', yards: 'length', inches: 'length',
  hectares: 'area', acres: 'area', 'square kilometres': 'area', 'square miles': 'area', 'square metres': 'area', 'square feet': 'area',
  'kilometres per hour': 'speed', 'miles per hour': 'speed',
  kilograms: 'mass', grams: 'mass', tonnes: 'mass', pounds: 'mass', ounces: 'mass',
  litres: 'volume', gallons: 'volume', barrels: 'volume',
};

/** A distance unit of a text that writes a speed ("30 km/h", "50 miles an hour") is that speed. */
function measureKey(c: MatchableClaim, unit: string): string {
  const key = unitKey(unit);
  if (key === 'kilometres' && /\bkm\s?\/\s?h\b|\bkilomet(?:re|er)s?\s+(?:per|an|a)\s+hour\b/i.test(c.text)) return 'kilometres per hour';
  if (key === 'miles' && /\bmiles?\s+(?:per|an|a)\s+hour\b/i.test(c.text)) return 'miles per hour';
  return key;
}

function canonicalUnit(unit: string | null): string | null {
  if (!unit) return null;
  // A currency code stays one ("CHF", "GBP"): lower-cased, it would read as a count.
  if (/^[A-Z]{3}$/.test(unit)) return unit;
  return UNIT_ALIASES[unit.toLowerCase()] ?? UNIT_ALIASES[unit] ?? unit.toLowerCase();
}

/** A unit as compared: aliases folded ("kids" = "children", "soldiers" = "troops"), then singular ("governors" = "governor"). */
function unitKey(unit: string): string {
  const lower = unit.toLowerCase();
  if (/^[A-Z]{3}$/.test(unit)) return unit;
  return UNIT_ALIASES[lower] ?? SYNONYM.get(lower) ?? (isPeopleUnit(lower) ? lower : stem(lower));
}

const DEMONYM_SUFFIXES = ['n', 'an', 'ian', 'ese', 'i', 'ish', 's', 'ns', 'ians'];

/** The same entity, also when a name outside the gazetteer meets its demonym: libya ~ libyan, chile ~ chilean. */
function sameEntity(a: string, b: string, partOf = true): boolean {
  if (a === b || (partOf && (PART_OF[a] === b || PART_OF[b] === a))) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short) && DEMONYM_SUFFIXES.includes(long.slice(short.length))) return true;
  // Written in another language: "sorvénie" is "sorvenia" (their first letters alike, accents aside).
  const [fa, fb] = [a.charCodeAt(0), b.charCodeAt(0)];
  return short.length >= 4 && (fa === fb || fa > 127 || fb > 127) && nameForm(a) === nameForm(b);
}
const nameForm = perText(englishNameForm);

function disjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) for (const y of b) if (sameEntity(x, y)) return false;
  return true;
}

/** Does `text` (a claim's entities) name one of `places` itself (not only the country a region is in)? */
function namesAny(text: ReadonlySet<string>, places: ReadonlySet<string>): boolean {
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
export const eventsIn: (text: string) => ReadonlySet<string> = perText(readEvents);

function readEvents(text: string): Set<string> {
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
  // ("4.6 percent of GDP" measures something else by GDP: a deficit, a debt)
  growth: /(?<!\bof (?:the |its )?)\b(?:gdp|economy|economic growth|output)\b/i,
  // (a household's bills are what it pays: "energy bills" and "energy prices" rise together)
  inflation: /\binflation\b|(?<!ticket )\bprices\b|\bcpi\b|\b(?:phone|energy|electricity|gas|water|household|mobile|broadband) bills?\b/i,
  unemployment: /\bunemploy|\bjobless|\bout of (?:a )?(?:work|jobs?)\b|\b(?:no|without(?: a)?) jobs?\b/i,
  // The same figure as a budget's gap, what a country emits, what it uses.
  deficit: /\b(?:budget |fiscal |trade )?deficits?\b/i,
  emissions: /\bemissions?\b|\bco2\b|\bcarbon dioxide\b|\bgreenhouse gas(?:es)?\b/i,
  energy_use: /\b(?:electricity|energy|power|gas|fuel|water) (?:use|usage|consumption|demand)\b|\b(?:uses?|used|consum(?:e|es|ed)) (?:less|more) (?:electricity|energy|power|gas|fuel|water)\b/i,
  // A central bank's rate is not what a mortgage costs.
  interest_rate: /(?<!mortgage )\binterest rates?\b|\b(?:base|policy|benchmark|key|main|bank|lending|repo|prime) rates?\b/i,
  mortgage_rate: /\bmortgage (?:interest )?rates?\b|\bmortgages?\b[^!?;]{0,40}?\binterest\b/i,
  tax_rate: /\bvat\b|\b(?:sales|income|corporate|corporation|value[- ]added) tax\b|\btax rates?\b/i,
  fares: /\bfares?\b|\bticket prices?\b/i,
  rent: /\brents\b|\brent (?:rose|rises|went|is|are|increased|fell)\b/i,
  wage: /\b(?:minimum|average|median|hourly) (?:wage|salary|pay)\b|\bwages\b|\b(?:an|per) hour\b|\bsalar(?:y|ies)\b|\bpay (?:rise|increase|cut|freeze)s?\b/i,
  // Paid once on top of pay.
  bonus: /\bbonus(?:es)?\b/i,
  // What a company earned over its costs is not what it paid out.
  profit: /\bprofits?\b|\bnet income\b/i,
  // Trains or flights that ran late are not those that did not run.
  delays: /\b(?:ran|running|arrived|arriving|were|was) late\b|\bdelay(?:s|ed)\b|\bon time\b|\bpunctual/i,
  cancellations: /\bcancel(?:l?ed|lations?)\b|\bscrapped services\b/i,
  // An age set by law: a voting age of 16 is not a wage of 16.
  legal_age: /\b(?:voting|retirement|pension|drinking|school-leaving|driving|legal|minimum) age\b|\bretire at\b/i,
  // (the poor, poor families, people who are poor: not a poor harvest or poor air)
  poverty: /\bpoverty\b|\bthe poor(?:est)?\b|\bpoor (?:families|households|people|children|pensioners|retirees|countries|workers)\b|\b(?:are|is|be|being|live|lives|living) poor\b/i,
  approval: /\bapproval (?:rating|ratings)\b|\bapprov(?:e|es|ed|ing) of\b/i,
  // A party's standing in the polls is not a leader's approval.
  polling: /\bpolling (?:at|on)\b|\b(?:leads?|ahead|behind|trails?) in the polls\b|\bvoting intentions?\b/i,
  // An age of military service is not one of voting or retiring.
  conscription: /\bconscript\w*|\bmilitary (?:service|draft)\b|\bdraft(?:ed)? (?:into|age|dodg\w*|evasion|notices?|lottery)\b|\bdraftees?\b|\bdrafting (?:men|boys|women|young)\b/i,
  // A share of what is sold in a period (a flow) is not a share of all there is (the stock): EVs as 18 % of new car
  // sales are not 18 % of the cars on the road; new homes sold are not the housing stock.
  sales: /\bsales\b|\bsold\b|\bnew (?:car|vehicle)? ?registrations\b|\bof (?:all )?new (?:cars|vehicles|homes|buyers)\b/i,
  stock: /\bon the roads?\b|\bin use\b|\bin circulation\b|\b(?:the|its|national|entire) fleet\b|\bof all (?:the )?(?:cars|vehicles|homes)\b|\bhousing stock\b/i,
  // Cars sold are not cars recalled.
  recalls: /\brecall(?:s|ed|ing)?\b/i,
  // What is owed, who is counted as a customer, the jobs a figure is about.
  debt: /\bowe[sd]?\b|\bowing\b|\bdebts?\b|\bunpaid\b|\barrears\b/i,
  customers: /\b(?:customers|subscribers|clients)\b/i,
  // (workers and employees count as jobs with what is done to them or how many there are: "NHS workers are offered
  // 5 %" is pay, not jobs)
  jobs: /\bjobs\b|\blay-?offs?\b|\blaid off\b|\bout of (?:a )?(?:work|jobs?)\b|\blose (?:their |its )?jobs\b|\b(?:employs|employed|employing|hires?|hired|hiring|cuts?|cutting|shed|shedding|sacks?|sacked|sacking|fires|fired|firing|lays? off|laying off)\s+(?:[\w,]+\s+){0,3}(?:workers|employees|staff)\b|\b(?:workers|employees|staff)\s+(?:were |will be |are |to be )?(?:laid off|fired|sacked|cut|let go)\b/i,
  // Money lent is not money given.
  loans: /\bloans?\b|\blent\b|\blending\b(?! rates?)/i,
  // ("grants Egypt a $3 billion loan" is the verb)
  grants: /\bgrants?\b(?!\s+(?!of\b)(?:\w+\s+){0,2}[$€£\d])|\bsubsid(?:y|ies)\b/i,
  // Crimes counted apart; people counted at different steps of the law.
  burglary: /\bburgl(?:ary|aries|ed|ars?)\b|\bbreak-ins?\b/i,
  vehicle_theft: /\b(?:car|vehicle|motor|bike|bicycle) thefts?\b|\b(?:cars|vehicles|bikes) (?:were |being )?stolen\b/i,
  homicide: /\bmurders?\b|\bhomicides?\b/i,
  arrests: /\barrest(?:s|ed)?\b|\bdetained\b/i,
  convictions: /\bconvict(?:ed|ions?)\b|\bsentenced\b|\bfound guilty\b/i,
  // Arrivals are not removals.
  // (crossing counts as arriving only when it is a crossing of migrants; people held at the border were arriving too)
  arrivals: /\barriv(?:ed|als?|ing)\b|\bcrossed\b[^.;]{0,30}\b(?:channel|illegally|irregularly|small boats?|by boat|by sea)\b|\b(?:arrested|detained|apprehended)\b[^.;]{0,30}\bmigrants\b/i,
  removals: /\bdeport(?:ed|ations?)\b|\bexpelled\b|\bremovals\b|\b(?:sent|flown) back\b/i,
  // A hospital's beds are not its patients; infections counted are not people in hospital.
  beds: /\bbeds\b/i,
  patients: /\bpatients\b|\bin hospital\b|\bhospitali[sz]ed\b/i,
  // ("in 80 % of cases" is no count of cases)
  cases: /(?<!\b(?:of|in most|in many|in some|in all) )\bcases\b|\binfections\b/i,
  // Homes built are not people waiting for one.
  homes: /\b(?:homes|houses|flats|apartments|housing units)\b/i,
  waiting_list: /\bwaiting lists?\b|\bwaiting (?:for|to)\b[^.;]{0,30}\b(?:treatment|surgery|operations?|appointments?|homes?|housing)\b/i,
  evictions: /\bevict(?:ed|ions?|s)?\b|\b(?:forced|kicked|thrown) out of (?:their )?homes\b/i,
  // Weapons counted apart.
  drones: /\bdrones?\b|\buavs?\b/i,
  // ("rent rockets 20 %" is the verb)
  missiles: /\bmissiles?\b|(?<!\bto )\brockets?\b(?!\s+(?:by|to|up|higher|past|above|over|\d|[$€£]))/i,
  // What an amount is spent on: 1.4 billion for roads is not 1.4 billion for defence or for schools.
  defence: /\bdefen[cs]e\b|\bmilitary\b|\barmed forces\b|\barmy\b/i,
  education: /\bschools?\b|\beducation\b|\buniversit(?:y|ies)\b|\btuition\b/i,
  health: /\bhospitals?\b|\bhealth ?care\b|\bhealth (?:service|system|budget|spending)\b|\bon (?:public )?health\b/i,
  roads: /(?<!\bon the )\broads?\b|\bhighways?\b|\bmotorways?\b|\bbridges?\b|\brailways?\b/i,
};

const MEASURE_ENTRIES = Object.entries(MEASURES);
export const measuresIn: (text: string) => ReadonlySet<string> = perText((text) => new Set(MEASURE_ENTRIES.filter(([, re]) => re.test(text)).map(([m]) => m)));

/** Two sets of events contradict when they share none, or both name diseases and share none of those. */
function differentEvents(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  // (without building the sets of diseases and of general events: this runs for every pair ranked in full)
  const isDisease = (e: string) => e.startsWith('disease:');
  let diseasesA = false;
  let diseasesB = false;
  let sharedDisease = false;
  for (const e of a) if (isDisease(e)) diseasesA = true;
  for (const e of b) {
    if (!isDisease(e)) continue;
    diseasesB = true;
    if (a.has(e)) sharedDisease = true;
  }
  if (diseasesA && diseasesB && !sharedDisease) return true;
  // In general terms a disease is an epidemic: the two contradict when they share no event so read.
  const epidemicA = diseasesA || a.has('epidemic');
  for (const e of b) if (isDisease(e) || e === 'epidemic' ? epidemicA : a.has(e)) return false;
  return true;
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

// ---------------------------------------------------------------------------------------------------------------
// Scoring.

export interface MatchScore {
  /** In [0, 1]; 0 when the pair contradicts. */
  score: number;
  /** Why, for the editor: e.g. ["text:0.62", "same_figure:80000000", "same_year:2019", "shared_entity"] or ["figure_contradicts:…"]. */
  reasons: readonly string[];
}

/** How rare a word is among stored claims (see TermStatistics); every word weighs the same without statistics. */
export interface TermWeighting {
  weight(term: string): number;
}
const UNIFORM: TermWeighting = { weight: () => 1 };

/** A pair is suggested from this score up. */
export const MATCH_THRESHOLD = 0.33;

const YEAR_MS = 365.25 * 86_400_000;
/** Claims with figures published this many years apart, with no date in either text, are about two moments. */
const FIGURES_AGE_YEARS = 2;
/**
 * News of a change, told in the present perfect ("the government has shut down", "the central bank has raised rates"):
 * when both claims say it so, each is the news of its day, as much as "this week" would say.
 */
const PRESENT_PERFECT = new RegExp(
  String.raw`\b(?:has|have|'s|'ve)\s+(?:just\s+|now\s+|finally\s+|officially\s+|again\s+)?(?:been\s+)?` +
    String.raw`(?:[a-z]+ed|shut|gone|become|begun|fled|left|hit|won|lost|put|set|cut|quit|made|built|sold|paid|kept|held|sent|spent|struck|` +
    String.raw`risen|fallen|broken|taken|given|seen|driven|grown|shown|thrown|frozen|stolen|chosen|sworn|torn|drawn|run|come)\b`,
  'i',
);
/** Words that tie a claim to the moment it is made. */
const NOW_WORDS = /\b(?:(?:this|last|next|past) (?:week|month|year|summer|winter|spring|autumn|quarter|january|february|march|april|may|june|july|august|september|october|november|december)|today|tonight|yesterday|currently|right now|so far this|for the first time)\b/i;
/** The bonus of a figure both claims state, in full once their words are this alike. */
/**
 * What is going on as the text is written: "nurses are on strike", "farmers are blocking the motorways". Said in both
 * texts, each is the news of its day, as the present perfect is.
 */
const PROGRESSIVE = /\b(?:is|are|'re)\s+(?:now\s+|still\s+|currently\s+|again\s+)?(?:on\s+strike|at\s+war|in\s+lockdown|under\s+curfew|(?!being\b|going\s+to\b)[a-z]{3,}ing\b)/i;
/**
 * States that are news only while they last, and records, which stand until broken: "drivers are on strike", "the
 * country is at war", "the hottest day ever", "murders at a record high", "the lowest in twenty years". Said on either
 * side, the claim is of its day: a strike or a record a year or more before is another one. (The present progressive
 * in general ties a claim only when both sides use it: "they are putting chips in vaccines" is a rumour that returns.)
 */
const ONGOING_OR_RECORD = new RegExp(
  String.raw`\b(?:(?:is|are|'re|remains?|still|now)\s+(?:now\s+|still\s+|again\s+|currently\s+)?|back\s+)(?:on\s+strike|at\s+war|in\s+lockdown|under\s+curfew|in\s+recession)\b` +
    String.raw`|\bon\s+strike\s+(?:again|today|now)\b` +
    String.raw`|\brecord[-\s](?:highs?|lows?|levels?)\b|\ball[-\s]time\s+(?:highs?|lows?)\b|\bsince\s+records\s+began\b` +
    String.raw`|\b(?:highest|lowest|hottest|coldest|warmest|wettest|driest|biggest|largest|smallest|worst|best|fewest|most)\b[\w\s,'-]{0,40}?` +
    String.raw`\b(?:ever|on\s+record|in\s+(?:\d+|a|[a-z]+)\s+(?:years?|decades?))\b`,
  'i',
);

/** How a text ties itself to its moment: on its own (`now`: "this July", a strike going on, a record), or with the other text's help. */
const momentOf = perText((text) => ({
  now: NOW_WORDS.test(text) || ONGOING_OR_RECORD.test(text), perfect: PRESENT_PERFECT.test(text), progressive: PROGRESSIVE.test(text),
}));

const SAME_FIGURE_BONUS = 0.25;
const SAME_YEAR_BONUS = 0.05;
const SHARED_ENTITY_BONUS = 0.05;
const LEAD_DIFFERS = 0.1;
const FIGURE_UNSAID = 0.12;
/** Any number, share or multiple, in digits or words. */
const SAYS_A_NUMBER = perText((text) => NUMBER_EXPRESSION.test(text));
const NUMBER_EXPRESSION = new RegExp(
  String.raw`\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|` +
    String.raw`eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|` +
    String.raw`trillions?|dozens?|half|halved?|halves|thirds?|quarters?|fifths?|tenths?|double[ds]?|doubling|triple[ds]?|tripling|` +
    String.raw`quadrupled|twice|times|percent|per\s+cent|majority|minority)\b|%`,
  'i',
);
const NO_SHARED_NAME = 0.1;
/** Two claims this alike in words that count different things (by the extractor's units) are two claims. */
const UNIT_REFUSAL_TEXT = 0.6;
const FULL_SUPPORT_TEXT = 0.3;
const NO_SUPPORT_TEXT = 0.1;
const UNITS_DIFFER_FIGURE_SHARE = 0.5;
const DISTINCTIVE_FIGURE = 1000;

/** 1,200, 26,000 or 1.5 million, not 1,000 or 3 million: large, and more than one significant digit. */
function isDistinctive(v: number): boolean {
  if (!(v >= DISTINCTIVE_FIGURE)) return false;
  const digits = String(Math.round(v)).replace(/0+$/, '');
  return digits.length >= 2;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The words compared: Postgres's terms when the claim came from the database, else a light stand-in (pure use). */
const wordsFor = perObject((c: MatchableClaim): ReadonlySet<string> =>
  new Set((c.terms ?? [...contentTokens(c.text, new Set())]).filter((t) => !t.startsWith('#'))));

/**
 * A claim's words with their weights and the sum of them, once per claim and weighting (a candidate meets many
 * queries). Words are numbered (TermNumbers), and a claim keeps them twice: in their own order with their weights (the
 * query side: the shared weights are summed in that order) and sorted (the candidate side, searched by bisection).
 * Comparing numbers instead of looking words up in a Map was most of the similarity's time (findRepeats ranks ~2,700
 * pairs an article).
 */
interface WeighedWords { terms: Int32Array; weights: Float64Array; sorted: Int32Array; total: number; epoch: number }
const weighed = new WeakMap<TermWeighting, WeakMap<MatchableClaim, WeighedWords>>();
/** (The weighting of the last call, and its claims: one weighting ranks a whole request or extraction.) */
let lastWeighted: { weighting: TermWeighting | null; byClaim: WeakMap<MatchableClaim, WeighedWords> } = { weighting: null, byClaim: new WeakMap() };
function weighedWords(c: MatchableClaim, weighting: TermWeighting): WeighedWords {
  let byClaim: WeakMap<MatchableClaim, WeighedWords> | undefined;
  if (lastWeighted.weighting === weighting) byClaim = lastWeighted.byClaim;
  else {
    byClaim = weighed.get(weighting);
    if (!byClaim) weighed.set(weighting, (byClaim = new WeakMap()));
    lastWeighted = { weighting, byClaim };
  }
  let known = byClaim.get(c);
  if (!known || known.epoch !== TERM_NUMBERS.epoch) {
    const words = wordsFor(c);
    const terms = TERM_NUMBERS.numbers(words);
    const weights = new Float64Array(words.size);
    let total = 0;
    let i = 0;
    for (const t of words) {
      const w = weighting.weight(t);
      weights[i++] = w;
      total += w;
    }
    byClaim.set(c, (known = { terms, weights, sorted: terms.slice().sort(), total, epoch: TERM_NUMBERS.epoch }));
  }
  return known;
}

/**
 * Words as numbers, for the similarity. Bounded: when a claim's words would take the numbering past `max`, it starts
 * again (a new epoch) before that claim, so one claim's words are always numbered in one epoch; claims numbered in an
 * older epoch are numbered again when next compared.
 */
export class TermNumbers {
  epoch = 0;
  private readonly numbered = new Map<string, number>();
  constructor(readonly max = 500_000) {}

  /** The numbers of these words, in their order. */
  numbers(words: ReadonlySet<string>): Int32Array {
    if (this.numbered.size + words.size > this.max) {
      this.numbered.clear();
      this.epoch++;
    }
    const out = new Int32Array(words.size);
    let i = 0;
    for (const t of words) {
      let n = this.numbered.get(t);
      if (n === undefined) this.numbered.set(t, (n = this.numbered.size));
      out[i++] = n;
    }
    return out;
  }
}
const TERM_NUMBERS = new TermNumbers();

/**
 * textSimilarity of one query to candidate after candidate, its words read once (mostAlike compares a query with all
 * of its candidates in a row).
 */
export function textSimilarityTo(query: MatchableClaim, weights: TermWeighting = UNIFORM): (candidate: MatchableClaim) => number {
  const q = weighedWords(query, weights);
  return (candidate) => {
    const c = weighedWords(candidate, weights);
    return q.epoch === c.epoch ? wordSimilarity(q, c) : textSimilarity(query, candidate, weights);
  };
}

/** The words two claims share, weighed by rarity (the text part of scoreMatch), in [0, 1]. */
export function textSimilarity(query: MatchableClaim, candidate: MatchableClaim, weights: TermWeighting = UNIFORM): number {
  const q = weighedWords(query, weights);
  const c = weighedWords(candidate, weights);
  // (A new epoch begun while numbering the second: the first is numbered again, into the emptied numbering.)
  return q.epoch === c.epoch ? wordSimilarity(q, c) : wordSimilarity(weighedWords(query, weights), c);
}

/** Words in common, weighed by rarity: 2·shared / (query + candidate), in [0, 1]. */
function wordSimilarity(q: WeighedWords, c: WeighedWords): number {
  const shared = q.terms.length <= 32 ? sharedByMarks(q, c) : sharedBySearch(q, c);
  // (the candidate's weights added one by one after the query's sum, in the order a plain sum over both takes)
  let total = q.total;
  const cw = c.weights;
  for (let i = 0; i < cw.length; i++) total += cw[i];
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The query's words marked by number (the stamp of the query marked last, and each word's place in it): a ranking
 * compares one query with all its candidates in a row, and a candidate's words are then each one array read instead of
 * a binary search per query word (mostAlike was a fifth of extraction's repeat matching).
 */
const QUERY_MARKS = { of: null as WeighedWords | null, stamp: 0, stamps: new Int32Array(0), places: new Uint8Array(0) };

/** The weights of the query's words the candidate has, added in the query's order (as sharedBySearch adds them). */
function sharedByMarks(q: WeighedWords, c: WeighedWords): number {
  const marks = QUERY_MARKS;
  if (marks.of !== q) {
    if (marks.stamps.length < TERM_NUMBERS.max) {
      marks.stamps = new Int32Array(TERM_NUMBERS.max);
      marks.places = new Uint8Array(TERM_NUMBERS.max);
    }
    if (marks.stamp === 0x7fffffff) {
      marks.stamps.fill(0);
      marks.stamp = 0;
    }
    const stamp = ++marks.stamp;
    for (let i = 0; i < q.terms.length; i++) {
      marks.stamps[q.terms[i]] = stamp;
      marks.places[q.terms[i]] = i;
    }
    marks.of = q;
  }
  let found = 0; // (bit i: the query's word i is the candidate's)
  const stamp = marks.stamp;
  const terms = c.terms;
  for (let i = 0; i < terms.length; i++) {
    if (marks.stamps[terms[i]] === stamp) found |= 1 << marks.places[terms[i]];
  }
  let shared = 0;
  for (let i = 0; found !== 0; i++, found >>>= 1) if (found & 1) shared += q.weights[i];
  return shared;
}

function sharedBySearch(q: WeighedWords, c: WeighedWords): number {
  let shared = 0;
  const sorted = c.sorted;
  for (let i = 0; i < q.terms.length; i++) {
    const t = q.terms[i];
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    if (lo < sorted.length && sorted[lo] === t) shared += q.weights[i];
  }
  return shared;
}

/** Why two claims cannot be the same claim, or null. */
function contradiction(query: MatchableClaim, candidate: MatchableClaim, q: Profile, c: Profile, text: number, qYears: Set<number>, cYears: Set<number>): string | null {
  const units = differentUnits(query, candidate, q, c);
  if (units === 'hard') return /^[A-Z]{3}$/.test(q.unit!) && /^[A-Z]{3}$/.test(c.unit!) ? 'currency_differs' : 'unit_differs';
  // Alike in all but what they count ("300 tanks" and "300 drones" from its allies): the counted thing is the
  // difference. Worded apart, the extractor's reading of the unit is too loose to refuse on ("20k new cops" and
  // "20,000 new police officers"): the score takes a penalty instead.
  if (units === 'soft' && text >= UNIT_REFUSAL_TEXT) return 'unit_differs';
  if (differentReading(query, candidate, q, c)) return 'category_differs';
  if (disjoint(gazetteerOnly(q.actors), gazetteerOnly(c.actors))) return 'different_actor';
  // Places contradict when one of them is a place we know ("CA" and "California" are not two places we can tell apart).
  const known = gazetteerOnly(q.places).size > 0 || gazetteerOnly(c.places).size > 0;
  if (known && disjoint(q.places, c.places) && !namesAny(c.all, q.places) && !namesAny(q.all, c.places)) return 'different_place';
  if (differentEvents(eventsIn(query.text), eventsIn(candidate.text))) return 'different_event';
  // What a rate measures, for claims that state one ("voted against the bill" is no turnout figure).
  // A post in another language says what it measures and does through its English gloss too.
  const [qText, cText] = [readable(query.text), readable(candidate.text)];
  if (q.interval && c.interval && disjoint(measuresIn(qText), measuresIn(cText))) return 'different_measure';
  if (disjoint(q.outcomes, c.outcomes)) return 'different_outcome';
  if (oppositePolarity(qText, cText)) return 'opposite_direction';
  if (differentMultiples(qText, cText)) return 'different_multiple';
  if (oppositeActions(qText, cText)) return 'opposite_action';
  if (!q.foreign && !c.foreign && !glossOf(query.text) && !glossOf(candidate.text) && rolesSwapped(query.text, candidate.text, q, c)) return 'roles_swapped';
  if (fromToSwapped(query.text, candidate.text)) return 'roles_swapped';
  if (q.interval && c.interval && disjoint(populationsIn(qText), populationsIn(cText))) return 'different_population';
  // "last year" means a period only where the claim's date is known: a post sent without one is not dated "now".
  // A year both texts name settles the period ("banned since 2021" and "banned in 2021").
  const sharedYear = [...qYears].some((y) => cYears.has(y));
  if (!sharedYear && anchored(query, qYears) && anchored(candidate, cYears) && differentPeriod(query.timeRef, candidate.timeRef)) return 'different_period';
  return null;
}

/** A text and, in another language, its English gloss ("… plus d'argent …" is read as "more money" too). */
const glossOf = perText(glossFor);
const readable = perText((text) => {
  const gloss = glossOf(text);
  return gloss ? `${text} ${gloss}` : text;
});

/** The claim's period can be trusted: its text names a year, or its publication date anchors "last year". */
function anchored(c: MatchableClaim, years: Set<number>): boolean {
  return !!c.publishedAt || years.size > 0;
}

/**
 * The same figure counting other things: tanks are not drones, demonstrators not soldiers, homes not the dead, dollars
 * not euros. 'hard' (always two claims) for money in two currencies, troops against other people, and the dead, hurt
 * or displaced against things. 'soft' otherwise: units as the extractor reads them differ more often than the claims
 * do ("a 75 MPH governor": mph or governor; "20k cops" and "20,000 police officers"), so a unit that either claim's
 * words hold is no difference at all, and another unit refuses only claims otherwise alike.
 */
function differentUnits(query: MatchableClaim, candidate: MatchableClaim, q: Profile, c: Profile): 'hard' | 'soft' | null {
  if (!q.interval || !c.interval || numericCloseness(q.interval, c.interval) === null || !q.unit || !c.unit) return null;
  if (categoryFit(query, candidate) === 'compatible') return null;
  const [a, b] = [measureKey(query, q.unit), measureKey(candidate, c.unit)];
  if (a === b || harmUnitsCompatible(q.unit, c.unit) || (isPeopleUnit(a) && isPeopleUnit(b))) return null;
  if (/^[A-Z]{3}$/.test(q.unit) && /^[A-Z]{3}$/.test(c.unit)) return 'hard';
  // One figure in two units of one measure: two amounts.
  if (DIMENSIONS[a] !== undefined && DIMENSIONS[a] === DIMENSIONS[b]) return 'hard';
  const [qClass, cClass] = [unitClass(q.unit, query.category), unitClass(c.unit, candidate.category)];
  // "45,000 people" and "45,000 arrivals": plain people against people counted by what was done (not troops).
  if ((isPeopleUnit(a) && PEOPLE_BY_EVENT.has(c.unit.toLowerCase())) || (isPeopleUnit(b) && PEOPLE_BY_EVENT.has(q.unit.toLowerCase()))) return null;
  // Kinds we tell apart for sure: troops against other people; the dead, hurt or displaced against things.
  const harmed = (k: string, cat: ClaimCategory) => k === 'people' && (cat === 'casualties' || cat === 'displacement');
  if ((qClass === 'troops' && cClass === 'people') || (qClass === 'people' && cClass === 'troops')) return 'hard';
  if ((harmed(qClass, query.category) && cClass === 'things') || (harmed(cClass, candidate.category) && qClass === 'things')) return 'hard';
  // People against things ("60 firefighters" and "60 homes"; THING_UNITS), unless either text names the other's unit.
  const thing = qClass === 'people' && cClass === 'things' ? c.unit : qClass === 'things' && cClass === 'people' ? q.unit : null;
  if (thing !== null && THING_UNITS.has(thing.toLowerCase()) && !mentions(candidate, q.unit) && !mentions(query, c.unit)) return 'hard';
  // Two kinds of things ("4,000 trees" and "4,000 potholes"; "40 missiles" and "40 drones").
  const [qThing, cThing] = [q.unit.toLowerCase(), c.unit.toLowerCase()];
  if (THING_UNITS.has(qThing) && THING_UNITS.has(cThing) && !thingsAlike(qThing, cThing) && !mentions(candidate, q.unit) && !mentions(query, c.unit)) return 'hard';
  return !mentions(candidate, q.unit) && !mentions(query, c.unit) ? 'soft' : null;
}

const TROOP_UNITS = new Set(['troops', 'reservists', 'servicemen', 'marines', 'paratroopers', 'conscripts']);
/**
 * Nouns that count people by a movement or a measure taken: "45,000 arrivals" and "4,000 deportations" are people,
 * as are "20,000 removals" or "1,200 arrests" (not things to hold against the dead or the displaced); "cops" are police.
 */
const PEOPLE_BY_EVENT = new Set([
  'arrivals', 'crossings', 'departures', 'deportations', 'removals', 'expulsions', 'admissions', 'arrests', 'detentions',
  'evictions', 'resettlements', 'asylum claims', 'asylum applications', 'cops', 'cop',
]);
const HARM_UNITS = new Set(['killed', 'wounded', 'casualties', 'displaced', 'missing']);
/**
 * Things often counted in the news that are no people and stand for none (not "jobs", "seats" or "cases"): a count
 * of them against a count of people is two figures. (A list: our reading of a unit cannot tell an unknown noun's kind,
 * and "captives" or "convicts" are people.)
 */
const THING_UNITS = new Set([
  'homes', 'houses', 'buildings', 'apartments', 'flats', 'schools', 'hospitals', 'clinics', 'branches', 'stores', 'shops',
  'restaurants', 'factories', 'offices', 'churches', 'mosques', 'cars', 'vehicles', 'trucks', 'lorries', 'buses', 'trains',
  'flights', 'planes', 'aircraft', 'jets', 'ships', 'boats', 'vessels', 'tanks', 'drones', 'missiles', 'rockets', 'shells',
  'bombs', 'weapons', 'guns', 'rifles', 'trees', 'animals', 'cattle', 'cows', 'sheep', 'pigs', 'chickens', 'birds', 'fish',
  'dogs', 'cats', 'potholes', 'roads', 'bridges', 'doses', 'vaccines', 'tests', 'pills', 'tablets', 'masks', 'bills', 'laws',
  'documents', 'emails', 'messages', 'tweets', 'videos', 'photos', 'books', 'phones', 'computers', 'laptops', 'meals',
  'tickets', 'permits', 'licences', 'licenses', 'turbines', 'panels', 'wells', 'mines', 'stations', 'farms', 'parcels',
]);
/** Words of THING_UNITS that may count the same things: one kind, or a kind and a wider word for it ("vehicles": cars). */
const THING_ALIKE: readonly string[][] = [
  ['homes', 'houses', 'apartments', 'flats', 'buildings'], ['schools', 'hospitals', 'clinics', 'churches', 'mosques', 'factories', 'offices', 'buildings'],
  ['stores', 'shops', 'restaurants', 'stations', 'buildings'], ['branches', 'offices', 'stores', 'shops'], ['cars', 'trucks', 'lorries', 'buses', 'vehicles'],
  ['planes', 'aircraft', 'jets', 'flights'], ['drones', 'aircraft'], ['ships', 'boats', 'vessels'], ['missiles', 'rockets', 'shells', 'bombs', 'weapons'],
  ['guns', 'rifles', 'weapons'], ['tanks', 'vehicles', 'weapons'], ['pills', 'tablets', 'doses', 'vaccines'], ['licences', 'licenses', 'permits'],
  ['cattle', 'cows', 'sheep', 'pigs', 'chickens', 'birds', 'fish', 'dogs', 'cats', 'animals'], ['emails', 'messages', 'tweets'], ['farms', 'wells', 'mines'],
];
function thingsAlike(a: string, b: string): boolean {
  return a === b || THING_ALIKE.some((group) => group.includes(a) && group.includes(b));
}

/** What kind of thing a figure counts: troops, people, or other things (money is told apart by its currency). */
function unitClass(unit: string, category: ClaimCategory): 'troops' | 'people' | 'things' | 'money' {
  if (/^[A-Z]{3}$/.test(unit) || category === 'money') return 'money';
  if (HARM_UNITS.has(unit) || category === 'casualties' || category === 'displacement') return 'people';
  if (TROOP_UNITS.has(unit) || category === 'troop_count') return 'troops';
  return isPeopleUnit(unit) || isPersonNoun(unit) || PEOPLE_BY_EVENT.has(unit.toLowerCase()) ? 'people' : 'things';
}

/** Does the claim's wording hold `unit` (its stem, as Postgres or the light stemmer cuts it)? */
function mentions(c: MatchableClaim, unit: string): boolean {
  const units = lowerWords(unit).map((w) => UNIT_ALIASES[w] ?? w).map(stem);
  const words = c.terms ?? [...contentTokens(c.text, new Set())];
  return units.some((u) => u.length >= 3 && words.some((t) => t.length >= 3 && !t.startsWith('#') && (u.startsWith(t) || t.startsWith(u))));
}

/** Categories that say what a figure counts; the others (quantity_other, event, statement) say little. */
const COUNTING = new Set<ClaimCategory>(['troop_count', 'casualties', 'displacement', 'money', 'percentage']);

/**
 * Two claims whose figures both say what they count, and count different things (troops deployed against people
 * who fled). The same figure read two ways is not that: soldiers killed (troop_count beside casualties) when the
 * outcomes agree, or the fallback category on either side.
 */
function differentReading(query: MatchableClaim, candidate: MatchableClaim, q: Profile, c: Profile): boolean {
  if (query.category === candidate.category || !COUNTING.has(query.category) || !COUNTING.has(candidate.category)) return false;
  if (!q.interval || !c.interval) return false;
  return q.outcomes.size === 0 || c.outcomes.size === 0 || disjoint(q.outcomes, c.outcomes);
}

/**
 * The names a text gives, written as names: words in capitals are a post's shouting ("NEVER", "BREAKING") as often
 * as names, so they count only when the gazetteer knows them.
 */
function properNames(entities: Set<string>, text: string): Set<string> {
  const shouted = new Set((text.match(/\b[A-Z]{2,}\b/g) ?? []).map((w) => w.toLowerCase()));
  return new Set([...entities].filter((e) => GAZETTEER[e] !== undefined || !shouted.has(e)));
}

/** Actors that are places or bodies we know (the gazetteer): a stray capitalised word ("The Obama") is no contradiction. */
const gazetteerOnly = perObject((s: Set<string>): Set<string> => new Set([...s].filter((e) => GAZETTEER[e] !== undefined)));

/**
 * What scoreMatch reads of a pair first, from the readings that cost little: the figures and years each states, how
 * their figures compare, how far apart they were published, and `bound`, the most the pair can score (rounded as
 * scores are), or 0 when these readings refuse it already (another figure or year, published too far apart).
 */
export function cheapReading(query: MatchableClaim, candidate: MatchableClaim, text: number) {
  const qf = figuresOfClaim(query);
  const cf = figuresOfClaim(candidate);
  const figures = compareFigures(qf, cf);
  const yearsDiffer = qf.years.size > 0 && cf.years.size > 0 && !sharesAny(qf.years, cf.years);
  const apart = publishedApart(query, candidate, qf, cf);
  const bound = figures.verdict === 'contradicts' || yearsDiffer || apart?.refused ? 0
    : round(ceiling(text, figures, basics(query), basics(candidate), qf.years.size + cf.years.size > 0 ? sharesAny(qf.years, cf.years) : null, apart?.penalty ?? 0));
  return { qf, cf, figures, yearsDiffer, apart, bound };
}

function sharesAny<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * The most scoreMatch can give the pair (`text`: their textSimilarity), 0 when it refuses it for sure: a caller that
 * wants only the best candidate scores them in the order of this bound, and stops at a bound below the best score.
 */
export function scoreBound(query: MatchableClaim, candidate: MatchableClaim, text: number): number {
  return cheapReading(query, candidate, text).bound;
}

/** What scoreBound read of a pair, `bound` included: handed to scoreMatch, which then does not read it again. */
export type CheapReading = ReturnType<typeof cheapReading>;

/**
 * How well `candidate` (an earlier claim) matches `query` (the new one): the words they share, weighed by rarity, then
 * the evidence. Refused (score 0) only for a contradiction: another figure of the same kind, another year, another
 * actor, place, event, measure, outcome, direction or period, or figures published years apart with no date in the
 * texts. A figure on one side only, or another category, lowers the score a little. `text`: their textSimilarity, when
 * the caller has it already.
 */
export function scoreMatch(query: MatchableClaim, candidate: MatchableClaim, weights: TermWeighting = UNIFORM, floor = 0,
  text = textSimilarity(query, candidate, weights), cheap: CheapReading = cheapReading(query, candidate, text)): MatchScore {
  const { qf, cf, figures, yearsDiffer, apart, bound } = cheap;
  // A caller that keeps only scores from `floor` up is spared the reading of a pair that cannot get there: most of the
  // published claims sharing a new figure share nothing else with it, or give another figure or year (ranking was
  // most of extraction's matching time). Such a caller never sees a refusal's reason, so the cheap refusals go first.
  if (floor > 0 && bound < floor) return BELOW_FLOOR;
  const q = profile(query);
  const c = profile(candidate);
  const refused = contradiction(query, candidate, q, c, text, qf.years, cf.years);
  if (refused) return { score: 0, reasons: [refused] };
  if (yearsDiffer) return { score: 0, reasons: [`different_year:${[...qf.years].join('/')}≠${[...cf.years].join('/')}`] };
  if (figures.verdict === 'contradicts') return { score: 0, reasons: [`figure_contradicts:${figures.detail()}`] };

  const reasons = [`text:${round(text)}`];
  let score = 0.1 + 0.8 * text;
  const unitsDiffer = differentUnits(query, candidate, q, c) === 'soft';
  if (unitsDiffer) {
    score -= 0.1;
    reasons.push('unit_differs');
  }
  if (figures.verdict === 'same') {
    // A shared figure is evidence in proportion to what else is shared: 65 mph and a retirement age of 65 share a number only.
    // A large figure that is not a round one is rarely shared by chance ("26 000 ours polaires" and "26,000 polar bears").
    // (Not when the units say the figure counts other things.)
    // In a post in another language the words say little to ours (cognates at best): the figure of the same kind is the evidence.
    const distinctive = !unitsDiffer && (isDistinctive(figures.value) || q.foreign || c.foreign) ? 1 : 0;
    // Counted by other words (a soft unit difference), the same figure may be a coincidence: half the bonus.
    const support = Math.min(1, Math.max(0, (text - NO_SUPPORT_TEXT) / (FULL_SUPPORT_TEXT - NO_SUPPORT_TEXT)) + distinctive);
    score += SAME_FIGURE_BONUS * support * (unitsDiffer ? UNITS_DIFFER_FIGURE_SHARE : 1);
    reasons.push(`same_figure:${figures.value}`);
    if (q.foreign || c.foreign) reasons.push('other_language');
  } else if (figures.verdict === 'one_side') {
    // The figure is most of what a claim with one says: another claim without it is seldom the same claim.
    score -= 0.12;
    reasons.push('figure_one_side');
    // A new post's figure that the earlier claim says nothing like at all (no number, share or multiple in any words):
    // "Sixty dead in the crash" is not "the crash was caused by sabotage". (A post leaving out the checked claim's
    // figure is common; an earlier claim saying "doubled" or "two" where the post says 100 % or 2 is not this.)
    if (qf.figures.length > 0 && !SAYS_A_NUMBER(candidate.text)) {
      score -= FIGURE_UNSAID;
      reasons.push('figure_unsaid');
    }
  } else if (figures.verdict === 'unrelated') {
    // Each states a figure of a kind the other has none of (£80 million against 2.5 million days): neither's figure is in the other.
    score -= 0.12;
    reasons.push('figures_of_other_kinds');
  }
  const sharedYears = [...qf.years].filter((y) => cf.years.has(y));
  if (sharedYears.length > 0) {
    score += SAME_YEAR_BONUS;
    reasons.push(`same_year:${sharedYears.join('/')}`);
  } else if (qf.years.size + cf.years.size > 0) {
    score -= 0.05;
    reasons.push('year_one_side');
  }
  const fit = categoryFit(query, candidate);
  if (fit === 'compatible') reasons.push('compatible_category');
  // Two categories that each say what is counted, and differ; a statement or the fallback says nothing against.
  if (fit === null && COUNTING.has(query.category) && COUNTING.has(candidate.category)) {
    score -= 0.05;
    reasons.push('category_differs');
  }
  // The same names, and nothing else said alike: no answer (isMatch), but the ranking stands, so the pair is still
  // listed as related ("Corvane Air is bust" / "Corvane Air has gone bankrupt" may be worded apart beyond our words).
  if (figures.verdict !== 'same' && !q.foreign && !c.foreign && sharePredicateWords(query, candidate) === false) reasons.push('names_only');
  // Each reports an action, none of one family (actions.ts): two stories told of the same names ("tears up its trade
  // deal" / "banned crypto trading"). No answer either.
  if (figures.verdict !== 'same' && otherActions(readable(query.text), readable(candidate.text))) reasons.push('other_action');
  if (q.all.size > 0 && c.all.size > 0 && !disjoint(q.all, c.all)) {
    score += SHARED_ENTITY_BONUS;
    reasons.push('shared_entity');
    // Other names shared, but each opens with its own as the one who acts: "A closed its border with C" is not "B
    // closed its border with C". No answer (isMatch: `actor_differs`); the score stands.
    if (!q.foreign && !c.foreign && otherActor(query.text, candidate.text, q, c, true)) reasons.push('actor_differs');
  } else if (!q.foreign && !c.foreign && disjoint(properNames(q.named, query.text), properNames(c.named, candidate.text))) {
    // Each names someone or somewhere, and not the same: Oakrest's ban is not Dunmarrow's. (Not a refusal: a post may
    // name the mayor where the fact-check names the city.)
    score -= NO_SHARED_NAME;
    reasons.push('no_shared_name');
    // Each opens with its own name, as the one who acts, and neither names the other's: another actor (and no
    // answer, `actor_differs`, where both are English and the two names are of one kind: see otherActor).
    const [ql, cl] = [leadNamesOf(query.text), leadNamesOf(candidate.text)];
    if (ql && cl && disjoint(ql, cl) && !namesAny(c.named, ql) && !namesAny(q.named, cl)) {
      score -= LEAD_DIFFERS;
      reasons.push('other_actor');
      if (otherActor(query.text, candidate.text, q, c, false)) reasons.push('actor_differs');
    }
  }
  if (apart) {
    reasons.push(publishedReason(query, candidate));
    if (apart.refused) return { score: 0, reasons: ['published_years_apart', ...reasons] };
    score -= apart.penalty;
  }
  return { score: round(Math.max(0, Math.min(1, score))), reasons };
}

/** A pair refused before its full reading (shared: callers keeping scores from a floor up never read its reasons). */
const BELOW_FLOOR: MatchScore = Object.freeze({ score: 0, reasons: Object.freeze(['below_floor']) });

/**
 * No year in either text: the publication dates stand for the claims' moments. Figures, and words like "this July"
 * or "currently", tie a claim to its moment; a claim without them (a rumour) may come back years later.
 */
function publishedApart(query: MatchableClaim, candidate: MatchableClaim, qf: TextFigures, cf: TextFigures): { refused: boolean; penalty: number } | null {
  if (qf.years.size > 0 || cf.years.size > 0 || !query.publishedAt || !candidate.publishedAt) return null;
  const apart = Math.abs(parseDate(query.publishedAt) - parseDate(candidate.publishedAt)) / YEAR_MS;
  if (Number.isNaN(apart)) return null;
  const withFigures = qf.figures.length > 0 && cf.figures.length > 0;
  if (withFigures && apart >= FIGURES_AGE_YEARS) return APART_REFUSED;
  if (apart >= 1) {
    const [qm, cm] = [momentOf(query.text), momentOf(candidate.text)];
    if (qm.now || cm.now || (qm.perfect && cm.perfect) || (qm.progressive && cm.progressive)) return APART_REFUSED;
  }
  // Otherwise a claim that says nothing of its moment (a rumour: "the vaccines contain microchips") is the same claim
  // whenever it comes back: the gap only puts a recent check of it first (a figure without a date, a little more).
  return { refused: false, penalty: apart >= 1 ? (withFigures ? 0.05 : 0.025) * Math.min(apart, 4) : 0 };
}
const APART_REFUSED = Object.freeze({ refused: true, penalty: 0 });

/** The dates publishedApart compared, as a reason. */
function publishedReason(query: MatchableClaim, candidate: MatchableClaim): string {
  return `published:${query.publishedAt!.slice(0, 10)}~${candidate.publishedAt!.slice(0, 10)}`;
}

/**
 * The most a pair can score, from its words, figures, years and dates alone: every bonus of scoreMatch that these do
 * not rule out granted, and only the penalties they settle taken (a figure on one side or of other kinds, a year on
 * one side, the publication dates' gap). `sharedYear`: whether they share a year, null when neither names one.
 * (Kept in step with scoreMatch: the unit tests compare both on the dev sets. A hair above, so that adding in another
 * order than scoreMatch never puts it below the score.)
 */
function ceiling(text: number, figures: FigureEvidence, q: Pick<Profile, 'foreign'>, c: Pick<Profile, 'foreign'>, sharedYear: boolean | null, apartPenalty: number): number {
  let score = 0.1 + 0.8 * text;
  if (figures.verdict === 'same') {
    const distinctive = isDistinctive(figures.value) || q.foreign || c.foreign ? 1 : 0;
    score += SAME_FIGURE_BONUS * Math.min(1, Math.max(0, (text - NO_SUPPORT_TEXT) / (FULL_SUPPORT_TEXT - NO_SUPPORT_TEXT)) + distinctive);
  } else if (figures.verdict === 'one_side' || figures.verdict === 'unrelated') {
    score -= 0.12;
  }
  if (sharedYear === true) score += SAME_YEAR_BONUS;
  else if (sharedYear === false) score -= 0.05;
  return Math.max(0, score + SHARED_ENTITY_BONUS - apartPenalty + 1e-9);
}

const nameStarts = new Map<string, RegExp>();
function nameStart(name: string): RegExp {
  let re = nameStarts.get(name);
  if (!re) {
    if (nameStarts.size >= 20_000) nameStarts.clear();
    nameStarts.set(name, (re = new RegExp(`(?<![\\p{L}])${escapeRe(name)}`, 'u')));
  }
  return re;
}

/** "was bought by", "were shot down by": the name after "by" did it. */
const PASSIVE_BY = /\b(?:was|were|is|are|been|being|gets?|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|t|wn|id|ld|ght)\s+(?:[\w.,$€£]+\s+){0,3}by\b/i;
/**
 * "A gets an award from B", "A won seats from B": the second name gave, as "B gave A an award" says the other way
 * round. Any verb of getting counts alike, so "won … from" and "took … from" agree.
 */
const GOT_FROM = /\b(?:gets?|got|gotten|receives?|received|receiving|wins?|won|accepts?|accepted|takes?|took|taken|gains?|gained|seizes?|seized|obtains?|obtained)\b[^.!?]{0,60}\bfrom\b/i;
/** The second name acts on the first: a passive with "by", or a verb of getting "from". */
const turnedRound = (text: string) => PASSIVE_BY.test(text) || GOT_FROM.test(text);
/** Relations that hold both ways: a deal, talks or a war between two is theirs whichever is named first. */
const SYMMETRIC = /\b(?:and|&|between|versus|vs|deal|deals|agreement|agreements|treaty|treaties|talks|ceasefire|truce|trade|summit|met|meet|meets|meeting|swap|swaps|swapped|exchange|exchanged|exchanges|war|wars|clash|clashes|clashed|merger|merge|merged|merging|tie|ties|relations|match|game|final)\b|[–—/]/i;
/** Verbs of saying right after a name: "Ukraine says Russia …" puts the speaker first, not the one who acts. */
const SAYS_AFTER = /^\W*(?:\w+\s+)?(?:says?|said|claims?|claimed|reports?|reported|accuses?|accused|told|tells|warns?|warned|denies|denied|insists?|insisted|tweets?|tweeted|posts?|posted|wrote|writes|admits?|admitted|announces?|announced)\b/i;

/** "from A to B": the two names, lower-cased, or null. */
const FROM_TO = /\bfrom\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})\s+(?:to|into|for)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})/u;
const fromToOf = perText((text): readonly [string, string] | null => {
  const m = FROM_TO.exec(text);
  return m ? [m[1].toLowerCase().replace(/[’']s$/, ''), m[2].toLowerCase().replace(/[’']s$/, '')] : null;
});

/**
 * "Moves its headquarters from A to B" / "… from B to A", "flights from A to B": the two ends the other way round,
 * whatever leads the sentence (rolesSwapped reads the first two names, here the company's and one end).
 */
function fromToSwapped(qText: string, cText: string): boolean {
  const [q, c] = [fromToOf(qText), fromToOf(cText)];
  return !!q && !!c && sameEntity(q[0], c[1], false) && sameEntity(q[1], c[0], false) && !sameEntity(q[0], q[1], false);
}

/**
 * Who a rate or count is of, when a text says so as such: "young people", "of women", "youth unemployment",
 * "pensioners", "overall unemployment". Youth unemployment at 25 % is not unemployment at 25 %. Only phrases that
 * name the population a figure is of: a bare "man" ("Man Utd", "man-made"), "total" or "over 60" says nothing. A text
 * naming no group says nothing against.
 */
const POPULATIONS: Array<[string, RegExp]> = [
  ['young', /\b(?:young\s+(?:people|adults|workers|voters)|youths|youth\s+(?:unemployment|jobless\w*|employment|turnout|poverty)|under-(?:2[0-9]|1[0-9])s|teenagers|aged\s+1[5-9]\s*(?:-|–|and|to)\s*2[0-9])\b/i],
  ['children', /\b(?:(?:of|among|for)\s+(?:all\s+)?(?:children|kids|minors|pupils)|child\s+(?:poverty|mortality|obesity|vaccination))\b/i],
  ['women', /\b(?:(?:of|among|for)\s+(?:all\s+)?(?:women|girls)|female\s+(?:unemployment|employment|turnout|voters|workers))\b/i],
  ['men', /\b(?:(?:of|among|for)\s+(?:all\s+)?men|male\s+(?:unemployment|employment|turnout|voters|workers))\b/i],
  ['old', /\b(?:pensioners|retirees|over-(?:6[0-9]|7[0-9])s|aged\s+(?:6[0-9]|7[0-9])\s+(?:and|or)\s+(?:over|older|above))\b/i],
  ['everyone', /\b(?:overall\s+(?:unemployment|employment|jobless\w*|poverty|turnout|rate)|(?:unemployment|jobless|poverty|employment)\s+rate\s+overall)\b/i],
];
export const populationsIn: (text: string) => ReadonlySet<string> = perText((text) => {
  const out = new Set<string>();
  for (const [group, re] of POPULATIONS) if (re.test(text)) out.add(group);
  return out;
});

/** Labels heading a text: each up to three capitalised words and a colon ("BREAKING: Vengil: …"). */
const LABEL = /^(?:\s*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s*:\s)+/u;
/** The text with its labels blanked (so places keep their offsets). */
const unlabelled = perText((text) => text.replace(LABEL, (m) => ' '.repeat(m.length)));

/**
 * Two claims naming the same two parties the other way round: "A sued B" / "B sued A", "A closed its border with B",
 * "moved from A to B", "A shot down B's jet"; or the same order with one side passive ("A buys B" / "A was bought by
 * B"). Only where the first name of each text is one of the two, not a speaker, and the relation is not one that holds
 * both ways (a deal, talks, a war, "A and B").
 */
function rolesSwapped(qLabelled: string, cLabelled: string, q: Profile, c: Profile): boolean {
  // A post's label ("Galrinbor: the army detained 84 protesters", "BREAKING: …") says where or what about, not who
  // acts: left out before the order of the names is read.
  const [qText, cText] = [unlabelled(qLabelled), unlabelled(cLabelled)];
  // Named on both sides, also by a demonym on one ("Velmora" and "Velmoran"): searched by the shorter form.
  const shared = [...new Set([...q.named].flatMap((n) => [...c.named].filter((m) => sameEntity(n, m, false)).map((m) => (n.length <= m.length ? n : m))))];
  if (shared.length < 2) return false;
  // A name's first place, its demonym too ("Velmoran" for "velmora").
  const firstAt = (text: string, name: string) => text.toLowerCase().search(nameStart(name));
  // One name written in two words ("Hollin Ridge") is one party: a name right after another is part of it.
  const order = (text: string) => {
    const found = shared.map((n) => [n, firstAt(text, n)] as const).filter(([, at]) => at >= 0).sort((a, b) => a[1] - b[1]);
    return found.filter(([, at], i) => i === 0 || !/^[\s-]*$/.test(text.slice(found[i - 1][1] + found[i - 1][0].length, at).replace(/^[\p{L}]*/u, '')));
  };
  const [qo, co] = [order(qText), order(cText)];
  if (qo.length < 2 || co.length < 2) return false;
  const [qa, qb] = [qo[0], qo[1]];
  const ca = co.find(([n]) => n === qa[0]);
  const cb = co.find(([n]) => n === qb[0]);
  if (!ca || !cb) return false;
  // Each text opens with one of the two, as the one who acts, and neither is a speaker.
  const leads = (text: string, at: number) => /^\s*(?:(?:the|a|an)\s+)?$/i.test(text.slice(0, at));
  const [cFirst, cSecond] = ca[1] < cb[1] ? [ca, cb] : [cb, ca];
  if (!leads(qText, qa[1]) || !leads(cText, cFirst[1])) return false;
  const nameEnd = (text: string, [n, at]: readonly [string, number]) => text.slice(at + n.length).replace(/^[\p{L}]*/u, '');
  if (SAYS_AFTER.test(nameEnd(qText, qa)) || SAYS_AFTER.test(nameEnd(cText, cFirst))) return false;
  const between = (text: string, a: number, b: number) => text.slice(a, b);
  if (SYMMETRIC.test(between(qText, qa[1], qb[1] + qb[0].length)) || SYMMETRIC.test(between(cText, cFirst[1], cSecond[1] + cSecond[0].length))) return false;
  // Both in one sentence on each side: names in two sentences are no relation between them.
  const oneSentence = (text: string, a: number, b: number) => !/[.!?]\s/.test(text.slice(Math.min(a, b), Math.max(a, b)));
  if (!oneSentence(qText, qa[1], qb[1]) || !oneSentence(cText, ca[1], cb[1])) return false;
  const reversed = ca[1] > cb[1];
  const passive = turnedRound(qText) !== turnedRound(cText);
  return reversed !== passive;
}

/**
 * The pair is an answer: it scores the threshold, shares more than names (`names_only`: "President Roux called an
 * early election" is no answer from "the economy has doubled since Roux took office", however rare the name), and
 * reports neither another actor (`actor_differs`) nor actions of another family (`other_action`). These three leave
 * the score as it is: the pair is still listed, as related.
 */
export function isMatch(s: Pick<MatchScore, 'score' | 'reasons'>): boolean {
  return s.score >= MATCH_THRESHOLD && !isGated(s);
}

/** The pair carries a reason that makes it no answer whatever its score (isMatch). */
export function isGated(s: Pick<MatchScore, 'reasons'>): boolean {
  return s.reasons.includes('names_only') || s.reasons.includes('actor_differs') || s.reasons.includes('other_action')
    || s.reasons.some((r) => r.startsWith('nearer_claim_contradicts'));
}

/**
 * The words of a text that name someone or something, lower-cased: capitalised words, except an English word that is
 * capitalised only because it opens a sentence or shouts ("Good news", "COUNTED TWICE"). A word that is part of a name
 * ("Corvane Air", "Pyralis Pharma") is a name word.
 */
const nameWordsOf = perText((text): ReadonlySet<string> => {
  const out = new Set<string>();
  // A headline in Title Case capitalises its English words too: there only the words English does not have are names.
  const words = text.match(/[\p{L}][\p{L}'’-]{2,}/gu) ?? [];
  const titleCase = words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.6 * words.length;
  // Sentences start after . ! ? or a colon, on a new line, and after a leading @mention or #tag.
  for (const sentence of text.replace(/^(?:\s*[@#][\w.]+)+/, '').split(/(?<=[.!?:])\s+|\n+/)) {
    const tokens = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    tokens.forEach((token, i) => {
      if (!/^\p{Lu}/u.test(token)) return;
      const word = token.replace(/[’']s$/, '').toLowerCase();
      const shouted = token.length > 1 && token === token.toUpperCase();
      if ((i === 0 || shouted || titleCase) && isEnglishWord(word)) return;
      for (const part of word.split(/[-'’]/)) if (part.length >= 2) out.add(part);
    });
  }
  return out;
});

/**
 * A term Postgres's English stemmer made of one of these name words: the word itself, or it less an ending the
 * stemmer takes off ("Corvane" → corvan, "Harris" → harri), or with a final y made i ("Quenby" → quenbi). Not any
 * word the name begins with: "trust" is no form of "Truss", nor "poll" of "Poland".
 */
function isNameTerm(term: string, names: ReadonlySet<string>): boolean {
  if (names.has(term)) return true;
  for (const n of names) {
    if (n.length > term.length && n.startsWith(term) && STEMMED_ENDINGS.has(n.slice(term.length))) return true;
    if (n.endsWith('y') && term.length === n.length && term.endsWith('i') && n.startsWith(term.slice(0, -1))) return true;
  }
  return false;
}
// (the endings of the stemmer's steps that a name may end in: "President" → presid, "Harris" → harri)
const STEMMED_ENDINGS = new Set(['e', 's', 'es', 'ed', 'ing', 'ly', 'er', 'ers', 'ent', 'ment', 'ence', 'ance', 'al', 'ic', 'ant', 'ism', 'ist', 'ous', 'ive', 'ize', 'ise', 'ate', 'ion', 'ions', 'ity']);

/**
 * The words a figure is written with, as Postgres stems them (a scale, a currency, a share), and the periods it is
 * counted over ("this year"); numbers themselves (Postgres keeps "16" beside "#16") are left out with them.
 */
const FIGURE_WORDS = new Set(['hundr', 'hundred', 'thousand', 'million', 'billion', 'trillion', 'percent', 'per', 'cent',
  'dollar', 'euro', 'pound', 'franc', 'rupe', 'yen', 'yuan', 'year', 'month', 'week', 'day']);

/**
 * Whether the two claims share any word besides their names and figures (`beyondFigures`: nor the numbers and the words
 * a figure is written with, "billion", "euros", "a year"): what happens, to what or whom. Two claims
 * about the same party that share nothing else ("Roux called an early election" / "the economy doubled under Roux")
 * are two claims. Each text's own names are left out of its own words (a name that a post writes in lower case is
 * then no word the other shares with it). Null when either has no such words to compare, or is in another language
 * (its terms are not ours).
 */
export function sharePredicateWords(query: MatchableClaim, candidate: MatchableClaim, beyondFigures = false): boolean | null {
  if (!writtenInEnglish(query.text) || !writtenInEnglish(candidate.text)) return null;
  // (A stored claim's terms hold its speaker's words too, "President" of "President Roux": said of it, not by it.)
  const rest = (c: MatchableClaim) => {
    const names = new Set([...nameWordsOf(c.text), ...speakerOnlyWords(c)]);
    return [...wordsFor(c)].filter((t) => !isNameTerm(t, names) && !(beyondFigures && (FIGURE_WORDS.has(t) || /^\d/.test(t))));
  };
  const [q, c] = [rest(query), new Set(rest(candidate))];
  if (q.length === 0 || c.size === 0) return null;
  return q.some((t) => c.has(t));
}

/**
 * Each text opens with its own name as the one who acts, and neither names the other's: two actors. Only between
 * English texts (a post in another language names a country its own way: "España", "La Sorvénie"), and only between
 * names of one kind: both places or bodies of the gazetteer, or both not (then only when the texts share another
 * name); a name we do not know may be the leader of the country the other names ("Marrow cut the tax" / "Quenby cut
 * the tax"), or a company's head.
 */
function otherActor(qText: string, cText: string, q: Profile, c: Profile, sharedNames: boolean): boolean {
  const [ql, cl] = [leadNamesOf(qText), leadNamesOf(cText)];
  if (!ql || !cl || !disjoint(ql, cl) || namesAny(c.named, ql) || namesAny(q.named, cl)) return false;
  const [qKnown, cKnown] = [gazetteerOnly(ql as Set<string>).size > 0, gazetteerOnly(cl as Set<string>).size > 0];
  // Two names we do not know may be a company and its head ("Pfizer" / "Bourla"): peers only when the two texts
  // also share another name ("A closed its border with C" / "B closed its border with C").
  if (qKnown !== cKnown || (!qKnown && !sharedNames)) return false;
  return writtenInEnglish(qText) && writtenInEnglish(cText) && !leadSpeaks(qText) && !leadSpeaks(cText);
}

/**
 * The name a text opens with is a speaker ("Ines Hale told reporters that …", "Musk Says …" in a Title Case
 * headline): two speakers may say one claim.
 */
const leadSpeaks = perText((text) => {
  const tokens = text.trim().split(/\s+/);
  const start = /^(?:the|a|an)$/i.test(tokens[0] ?? '') ? 1 : 0;
  for (let i = start; i < tokens.length && i - start < 4 && /^\p{Lu}/u.test(tokens[i]); i++) {
    if (SAYS_AFTER.test(` ${tokens.slice(i + 1).join(' ')}`)) return true;
  }
  return false;
});

/** The words of a claim's speaker that its text does not hold, lower-cased. */
function speakerOnlyWords(c: MatchableClaim): string[] {
  if (!c.speaker) return [];
  const inText = new Set(lowerWords(c.text));
  return lowerWords(c.speaker).filter((w) => !inText.has(w));
}

/**
 * Most of its lower-case words are English ones (mostlyEnglish, remembered). A post in another language has no words
 * of ours to compare.
 */
const writtenInEnglish = perText(mostlyEnglish);
