/**
 * News-length articles for the hot-path benchmark: ~1,000 words and ~70 claims each, generated from templates
 * written for this benchmark (invented places, agencies and people), deterministic in (seed, index): article k of a
 * seed is the same text in every process, so the load generator builds the bodies itself and service and floor
 * ingest the same articles.
 */
import { pick, prng, type Rnd } from '../random.js';

const int = (r: Rnd, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const SYL = ['bar', 'ven', 'tol', 'mir', 'sa', 'kor', 'lin', 'dra', 'pe', 'ust', 'ham', 'ri', 'gel', 'no', 'vak', 'sel', 'tu', 'mon', 'ar', 'ked'];
function name(r: Rnd, parts = 2): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += pick(r, SYL);
  return w[0].toUpperCase() + w.slice(1);
}
const FIRST = ['Ana', 'Tomas', 'Lea', 'Idris', 'Mira', 'Jonas', 'Sefa', 'Karel', 'Nadia', 'Oskar', 'Ruth', 'Emil', 'Yara', 'Pavel', 'Ines', 'Hugo'];
const ROLES = ['the interior minister', 'the regional governor', 'a police spokesman', 'the health minister', 'the mayor', 'the finance minister',
  'a spokeswoman for the aid agency', 'the army chief of staff', 'the head of the statistics office', 'an opposition lawmaker'];
const AGENCIES = ['the statistics office', 'the health ministry', 'the defence ministry', 'the central bank', 'the city council',
  'the election commission', 'the refugee agency', 'the port authority', 'the education ministry', 'the energy regulator'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const HEDGES = ['', '', 'about ', 'more than ', 'nearly ', 'at least ', 'an estimated ', 'roughly ', 'fewer than ', 'some '];
const EVENTS = ['the floods', 'the storm', 'the earthquake', 'the fighting', 'the landslide', 'the fire', 'the clashes', 'the drought'];
const GOODS = ['tonnes of grain', 'vaccine doses', 'tents', 'water tanks', 'generators', 'school kits', 'blankets', 'food parcels'];
const PROJECTS = ['a new bridge', 'the metro extension', 'flood barriers', 'two hospitals', 'rural roads', 'the water network', 'solar farms'];
const INDICATORS = ['unemployment', 'inflation', 'turnout', 'the poverty rate', 'youth unemployment', 'the budget deficit', 'household debt'];
const POLICIES = ['a ban on night flights', 'a curfew in the old town', 'a tax on sugary drinks', 'the sale of the state railway',
  'a freeze on public sector wages', 'new limits on fishing in the bay', 'the closure of two coal plants', 'free school meals'];
const FILLER = [
  'Residents described long queues at the few shops that remained open.',
  'The road into the valley was still closed to most traffic by the evening.',
  'Local radio stations broadcast lists of shelters throughout the night.',
  'Several schools were turned into temporary dormitories.',
  'Volunteers from neighbouring towns arrived with trucks of supplies.',
  'The figures could not be independently verified.',
  'Critics said the response had been slow and poorly coordinated.',
  'The government has promised a full inquiry once the emergency is over.',
  'Officials urged people to stay away from the river banks.',
  'Power was restored to parts of the capital on the second day.',
  'Many of those who left said they did not know when they would be able to return to their villages.',
  'Shopkeepers along the main avenue boarded up their windows and waited for the crowds to pass.',
  'The opposition accused the cabinet of hiding the true state of the public finances from voters.',
  'Diplomats from neighbouring countries met in the capital to discuss how the crisis might be contained.',
  'Farmers in the north say the harvest will be late and smaller than in an ordinary year.',
];

const fmt = (v: number) => v.toLocaleString('en-US');
const count = (r: Rnd) => {
  const v = Math.round(Math.exp(2 + r() * 9));
  return v >= 1000 ? Math.round(v / 100) * 100 : v;
};

interface World { country: string; people: string; cities: string[]; year: number; speakers: string[] }

/** One paragraph: two to four sentences, most with one or two figures, some with a statement and a speaker. */
function paragraph(r: Rnd, w: World): string {
  const city = () => pick(r, w.cities);
  const who = () => (r() < 0.5 ? pick(r, w.speakers) : pick(r, ROLES));
  const when = () => pick(r, [`on ${pick(r, DAYS)}`, `last week`, `in ${pick(r, MONTHS)}`, `since ${pick(r, MONTHS)} ${w.year - 1}`, `in ${w.year - int(r, 1, 6)}`, '']);
  const templates: Array<() => string> = [
    () => `${pick(r, HEDGES)}${fmt(count(r))} people were killed and ${fmt(count(r))} injured in ${pick(r, EVENTS)} in ${city()} ${when()}, ${who()} said.`,
    () => `${cap(pick(r, AGENCIES))} said ${pick(r, HEDGES)}${fmt(count(r))} residents had been forced from their homes in ${city()} ${when()}.`,
    () => `${cap(who())} told reporters that ${pick(r, HEDGES)}${fmt(count(r))} soldiers had been sent to the border near ${city()}.`,
    () => `The government will spend $${int(r, 2, 95)}${r() < 0.5 ? '.' + int(r, 1, 9) : ''} ${pick(r, ['million', 'billion'])} on ${pick(r, PROJECTS)} in ${city()}, ${who()} said ${when()}.`,
    () => `${cap(pick(r, INDICATORS))} in ${w.country} rose to ${int(r, 1, 40)}.${int(r, 0, 9)} percent ${when()}, according to ${pick(r, AGENCIES)}.`,
    () => `${cap(pick(r, INDICATORS))} fell from ${int(r, 5, 30)} percent to ${int(r, 1, 4)}.${int(r, 0, 9)} percent in ${w.year - 1}, ${who()} said.`,
    () => `Aid groups delivered ${pick(r, HEDGES)}${fmt(count(r))} ${pick(r, GOODS)} to ${city()} and ${fmt(count(r))} ${pick(r, GOODS)} to ${city()} ${when()}.`,
    () => `${cap(who())} said ${pick(r, HEDGES)}${fmt(count(r))} people had been arrested during protests in ${city()} ${when()}.`,
    () => `The ${w.people} parliament approved ${pick(r, POLICIES)} ${when()}, ${who()} said.`,
    () => `${cap(who())} announced ${pick(r, POLICIES)} for ${city()}, a city of ${fmt(count(r) * 100)} people.`,
    () => `About ${int(r, 10, 90)} percent of households in ${city()} have no running water, ${pick(r, AGENCIES)} estimated.`,
    () => `The ${w.people} economy grew by ${int(r, 0, 6)}.${int(r, 0, 9)} percent last year, while exports fell by ${int(r, 1, 20)} percent.`,
    () => `Police said ${fmt(count(r))} vehicles had been damaged and ${fmt(count(r))} shops looted in ${city()}.`,
    () => `${cap(pick(r, AGENCIES))} recorded ${fmt(count(r))} new cases ${when()}, up from ${fmt(count(r))} a month earlier.`,
    () => `"We have ${fmt(count(r))} families still waiting for shelter," ${who()} said ${when()}.`,
    () => `Teachers in ${city()} have not been paid for ${int(r, 2, 9)} months, ${who()} said.`,
    () => pick(r, FILLER),
    () => pick(r, FILLER),
    () => pick(r, FILLER),
    () => `${pick(r, FILLER)} ${pick(r, FILLER)}`,
    () => `${pick(r, FILLER)} ${pick(r, FILLER)}`,
  ];
  const n = int(r, 2, 4);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(tidy(pick(r, templates)()));
  return out.join(' ');
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const tidy = (s: string) => cap(s.replace(/\s+([,.])/g, '$1').replace(/\s{2,}/g, ' '));

export interface BenchArticle { title: string; text: string; publishedAt: string; publisher: string }

/** Article `index` of `seed`: ~1,000 words (it stops at the first paragraph past WORDS). */
export function benchArticle(seed: number, index: number, words = 1000): BenchArticle {
  const r = prng(seed * 1_000_003 + index * 7919 + 11);
  const w: World = {
    country: name(r, 2) + 'ia',
    people: name(r, 2) + 'an',
    cities: Array.from({ length: 5 }, () => name(r, int(r, 2, 3))),
    year: 2019 + int(r, 0, 6),
    speakers: Array.from({ length: 4 }, () => `${pick(r, FIRST)} ${name(r, 2)}`),
  };
  const paragraphs: string[] = [];
  let n = 0;
  while (n < words) {
    const p = paragraph(r, w);
    paragraphs.push(p);
    n += p.split(/\s+/).length;
  }
  const published = new Date(Date.UTC(w.year, int(r, 0, 11), int(r, 1, 28), int(r, 6, 20)));
  return {
    title: `${w.country}: ${pick(r, ['crisis deepens', 'the week in figures', 'relief effort grows', 'budget under strain', 'protests spread'])} (${seed}/${index})`,
    // The index at the end keeps every text unique (ingestion de-duplicates on the text).
    text: `${paragraphs.join('\n\n')}\n\nReporting by the Claimcheck bench desk, file ${seed}-${index}.`,
    publishedAt: published.toISOString(),
    publisher: 'Bench Wire',
  };
}
