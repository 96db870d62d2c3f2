/**
 * Rules added for the holdout7 weaknesses (1.14): general versions, each with cases that must fire and cases that must not.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, quantities } from './helpers.js';

const PUB7 = new Date('2025-08-09T12:00:00Z'); // a Saturday
const q7 = (s: string) => quantities(s, PUB7);
const find = (s: string, qtext: string) => {
  const c = q7(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${q7(s).map((x) => x.quantity!.text).join(' | ')}`);
  return c;
};
const speakerOf = (s: string, qtext: string) => find(s, qtext).attribution?.speaker ?? null;
const timeOf = (s: string, qtext: string) => {
  const t = find(s, qtext).timeRef;
  return t ? [t.text, t.from ?? t.date, t.to ?? t.date] : null;
};
const others = (s: string) => claims(s, PUB7).filter((c) => c.quantity === null).map((c) => [c.category, c.attribution?.speaker ?? null]);

describe('speakers (1.14)', () => {
  test.each([
    // a plural source with a named place and a '-led' modifier
    ['Tuareg-led rebels in northern Mali said they had killed at least 47 soldiers.', '47', 'Tuareg-led rebels in northern Mali'],
    ['Officials in eastern Congo said 47 soldiers were killed.', '47', 'Officials in eastern Congo'],
    // a statement or tally named with from/kept by
    ['Gunmen freed more than 500 inmates, according to a statement from the Haitian National Police.', '500', 'a statement from the Haitian National Police'],
    // a description with a possessive, then the company's name after a '-based' modifier
    ["The ship's operator, Greece-based Aegean Bulk, said 21 crew were on board.", '21', 'Aegean Bulk'],
    // 'accuse' (plural present) with a place phrase
    ['Prosecutors in Karlsruhe accuse him of leading a group of seven people.', 'seven', 'Prosecutors in Karlsruhe'],
  ])('%s [%s] → %s', (text, q, spk) => {
    expect(speakerOf(text, q)).toEqual(spk);
  });
  test('must not: a named place after a non-person noun', () => {
    expect(speakerOf('Exports of 300 tonnes in northern Mali said little.', '300')).not.toMatch(/tonnes/);
  });
  test('neither … nor … responded is no speech; an accusation verb takes no inverted speaker', () => {
    expect(others('Neither the government nor the ministry responded to requests for comment, and the force, which took over from Wagner in June, publishes nothing.')).toEqual([['event', null]]);
    expect(others('M23, which seized Goma in January, accused government forces of launching drone strikes.')).toEqual([['event', null]]);
  });
  test('a subject with an acronym in parentheses and an appositive', () => {
    expect(others('The far-right Alternative for Germany (AfD), now the largest opposition party, accused the government of hiding the cost.')).toEqual([['statement', 'Alternative for Germany']]);
  });
});

describe('quotations (1.14)', () => {
  test('a two-sentence quotation attributed at its end', () => {
    expect(others('"It was a trap. They came up the valley in trucks," the source said.')).toEqual([['statement', 'the source']]);
  });
  test('"said one of the observers" and the quoted sentence after it', () => {
    expect(others('"The trend is going in the wrong direction," said one of the observers, who asked not to be named. "Week by week, we see more incidents."'))
      .toEqual([['statement', 'one of the observers'], ['statement', 'one of the observers']]);
    // must not: 'one of the' before a non-person noun
    expect(others('"The trend is going in the wrong direction," said one of the reports.')).toEqual([]);
  });
  test('a quotation paragraph right after an attributed quotation goes on with its speaker', () => {
    expect(others('"It was a trap," the source said.\n\n"The convoy had no air cover."')).toEqual([['statement', 'the source'], ['statement', 'the source']]);
    // must not: the previous paragraph does not end in an attribution after a quotation, or a plain line break
    expect(others('The source said it was a trap.\n\n"The convoy had no air cover."')).toEqual([['statement', 'The source']]);
    expect(others('"It was a trap," the source said.\n"The convoy had no air cover."')).toEqual([['statement', 'the source']]);
  });
});

describe('time (1.14)', () => {
  test('earlier in the week', () => {
    expect(timeOf('Russian forces killed 22 soldiers in an ambush earlier in the week.', '22')).toEqual(['earlier in the week', '2025-08-04', '2025-08-09']);
  });
  test("a speech date before the figure loses to the figure's own clause time", () => {
    expect(timeOf('Rebels said on Saturday they had killed at least 47 Russian paramilitaries in an ambush near the Algerian border earlier in the week.', '47'))
      .toEqual(['earlier in the week', '2025-08-04', '2025-08-09']);
    // must not: no time of its own → the speech date stays
    expect(timeOf('Rebels said on Saturday they had killed at least 47 Russian paramilitaries.', '47')).toEqual(['on Saturday', '2025-08-09', '2025-08-09']);
  });
});

describe('time, part 2 (1.14)', () => {
  const PUBJ = new Date('2025-07-03T12:00:00Z'); // a Thursday
  const tj = (s: string, qtext: string) => {
    const c = quantities(s, PUBJ).find((x) => x.quantity!.text.includes(qtext));
    if (!c) throw new Error(`no quantity ${qtext}`);
    return c.timeRef ? [c.timeRef.text, c.timeRef.from ?? c.timeRef.date, c.timeRef.to ?? c.timeRef.date] : null;
  };
  test('sentence openers with a preposition, "alone" or "late"', () => {
    expect(tj('In June alone, Russian strikes damaged 14 civilian vessels, the ministry said on Wednesday.', '14')).toEqual(['June', '2025-06-01', '2025-06-30']);
    expect(tj('Late on Friday night, a drone hit a carrier, injuring two crew members, the governor said.', 'two')).toEqual(['on Friday night', '2025-06-27', '2025-06-27']);
    // must not: an opener that is more than a time
    expect(tj('In a report on Monday, the agency said the war had destroyed 300 homes.', '300')?.[0] ?? null).not.toBe('on Monday');
  });
  test('headline halves and spans of an event', () => {
    expect(tj('Ports ship 40 million tons in first half of year', '40')).toEqual(['in first half of year', '2025-01-01', '2025-06-30']);
    expect(tj('Monitors recorded 214 violations in the first six weeks of the truce.', '214')).toEqual(['in the first six weeks of the truce', null, null]);
  });
  test('a second coordinated that-clause keeps its own time', () => {
    expect(tj('A source said that "around 30" Russians had been killed and that the wounded were flown to Gao on Thursday night.', '30')).toBeNull();
    // must not: one clause
    expect(tj('A source said that 30 Russians had been killed on Thursday night.', '30')?.[0]).toBe('on Thursday night');
  });
  test('a time after an appositive figure is that figure\'s; a change after a level shares its time', () => {
    expect(tj('Nearly 1.3 million people have been displaced, a record and a 24% increase since December, the IOM said Wednesday.', '1.3')?.[0]).toBe('Wednesday');
    expect(tj('Nearly 1.3 million people have been displaced, a record and a 24% increase since December, the IOM said Wednesday.', '24%')?.[0]).toBe('since December');
    expect(tj('Ports shipped 40 million tons in the first half of the year, up 9% from the same period of 2024, Kuleba said on July 2.', '9%')?.[0]).toBe('in the first half of the year');
    // must not: a change with its own time
    expect(tj('Ports shipped 40 million tons in the first half of the year, up 9% in June alone, Kuleba said on July 2.', '9%')?.[0]).toBe('in June');
  });
  test("'could be' makes a month future", () => {
    expect(tj('Rations could be cut by half in July.', 'half')).toEqual(['in July', '2025-07-01', '2025-07-31']);
    expect(tj('Rations were cut by half in May.', 'half')).toEqual(['in May', '2025-05-01', '2025-05-31']);
  });
});

describe('numbers and noise (1.14)', () => {
  test('a measure before a direction keeps its unit', () => {
    expect(find('The missile came down roughly 200 km west of the island.', '200').quantity!.unit).toBe('km');
    // must not: a noun after the measure word is still read as before
    expect(find('Crews cleared 30 km of roads.', '30').quantity!.unit).toBe('km');
  });
  test('an adverb and a participle with no noun after a number inherit the earlier noun', () => {
    const c = find('The mission has about 1,000 personnel on the ground, well short of the 2,500 originally pledged.', '2,500');
    expect([c.category, c.quantity!.unit]).toEqual(['troop_count', 'troops']);
    // must not: adverb + participle before a noun stay modifiers (1.12)
    expect(find('Russia holds four partly occupied regions.', 'four').quantity!.unit).toBe('regions');
  });
  test('an audio-player line is no figure', () => {
    expect(q7('Truce monitors log violations\n\nListen to this article | 4 mins\n\nMonitors recorded 214 violations.').map((c) => c.quantity!.text)).toEqual(['214 violations']);
  });
});
