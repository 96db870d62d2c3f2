/**
 * Rules added for the holdout6 weaknesses (1.13): general versions, each with cases that must fire and cases that must not.
 */
import { describe, expect, test } from '@jest/globals';
import { claims, quantities } from './helpers.js';

const speakerOf = (s: string, qtext: string) => {
  const c = quantities(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${quantities(s).map((x) => x.quantity!.text).join(' | ')}`);
  return c.attribution?.speaker ?? null;
};
const timeOf = (s: string, qtext: string) => {
  const c = quantities(s).find((x) => x.quantity!.text.includes(qtext));
  if (!c) throw new Error(`no quantity ${qtext} in ${s}: ${quantities(s).map((x) => x.quantity!.text).join(' | ')}`);
  return c.timeRef ? c.timeRef.text : null;
};

describe('speakers (1.13)', () => {
  test.each([
    // an abbreviation's final dot before the verb
    ['They are holding 40 staff, the U.N. says.', '40', 'the U.N.'],
    ['The U.N. said 40 staff were detained.', '40', 'The U.N.'],
    // a plural source with a short place phrase
    ['Thousands of trucks are stranded, officials on both sides said.', 'Thousands', 'officials on both sides'],
    ['About 300 homes were destroyed, residents in the area said.', '300', 'residents in the area'],
    // a closing speaker after a comma with material but no figure after the verb
    ['Turnout was about 52 percent, the commission told state media on Monday, a figure the opposition dismissed.', '52', 'the commission'],
    ['The crew of 25 was in good health, the Foreign Ministry said in a statement carried by the state news agency.', '25', 'the Foreign Ministry'],
    // a named broadcaster
    ['State television reported that 27 people were arrested.', '27', 'State television'],
    // must not: a vague broadcaster, a place phrase after a non-person noun, a figure after the closing verb
    ['A woman was pulled alive and 40 others were rescued, local television reported.', '40', null],
    ['Exports of 300 tonnes in the region said little.', '300', null],
    ['Turnout was 52 percent, the commission said in a statement that listed 40 polling stations.', '52', null],
  ])('%s [%s] → %s', (text, q, spk) => {
    expect(speakerOf(text, q)).toEqual(spk);
  });
  test('the speech date of a closing speaker with a trailing appositive', () => {
    expect(timeOf('Turnout was about 52 percent, the commission told state media on Monday, a figure the opposition dismissed.', '52')).toBe('on Monday');
  });
});

describe('times (1.13)', () => {
  const P = new Date('2025-08-29T12:00:00Z');
  const tq = (s: string, q: string) => {
    const c = quantities(s, P).find((x) => x.quantity!.text.includes(q));
    if (!c) throw new Error(`no quantity ${q}`);
    return c.timeRef ? [c.timeRef.text, c.timeRef.from, c.timeRef.to] : null;
  };
  test.each([
    // period ends and starts without a number
    ['Beirut will recruit 4,500 more soldiers by year\'s end.', '4,500', ["by year's end", '2025-08-29', '2025-12-31']],
    ['The 17 seafarers will be flown home by the end of the week.', '17', ['by the end of the week', '2025-08-29', '2025-08-31']],
    ['The army has ordered 18 tanks since the start of the year.', '18', ['since the start of the year', '2025-01-01', '2025-08-29']],
    // a long since-clause
    ['More than 1.2 million Afghans have fled since Islamabad launched a crackdown on undocumented foreigners in October 2023.', '1.2 million',
      ['since Islamabad launched a crackdown on undocumented foreigners in October 2023', '2023-10-01', '2025-08-29']],
    // a when-clause right after the figure's clause dates it
    ['At least 11 were wounded when Israeli forces fired on their positions last year.', '11', ['last year', '2024-01-01', '2024-12-31']],
    ['Three people were killed when a bus overturned on Tuesday.', 'Three', ['on Tuesday', '2025-08-26', '2025-08-26']],
    // an object relative clause on a later noun is not the figure's time
    ['Food reached a dozen marines aboard a warship that Manila grounded on the reef in 1999.', 'a dozen', null],
    ['Food reached a warship that Manila grounded on the reef in 1999, about 200 km west of Palawan.', '200 km', null],
    // an opener's participle has its own time
    ['Under legislation approved by the cabinet in August, about 20,000 volunteers a year would be recruited.', '20,000', null],
  ])('%s [%s]', (text, q, want) => {
    expect(tq(text, q)).toEqual(want);
  });
  test.each([
    // must not: a subject relative dates the predicate the figure takes part in; a figure in the when-clause keeps its own;
    // a comma before 'when'; the figure's own relative clause
    ['More than 40 warships took part in an exercise that began on Sunday.', '40', ['on Sunday', '2025-08-24', '2025-08-24']],
    ['The goal of 2% that was set in 2014 is outdated.', '2%', ['in 2014', '2014-01-01', '2014-12-31']],
    ['Five soldiers died, when 12 others were wounded on Tuesday.', 'Five', null],
    ['A wildfire has burned 42,000 acres since it broke out on Saturday and was 15% contained as of Thursday morning.', '15%', ['as of Thursday morning', '2025-08-28', '2025-08-28']],
  ])('must not: %s [%s]', (text, q, want) => {
    const got = tq(text, q);
    if (want === null) expect(got).toBeNull();
    else expect(got?.[1]).toEqual(want[1]);
  });
});

describe('events (1.13)', () => {
  const P = new Date('2025-10-22T12:00:00Z');
  const ev = (s: string) => claims(s, P).filter((c) => c.category === 'event').map((c) => c.timeRef!.text);
  test.each([
    ['The crossings at Torkham and Chaman were shut on Oct. 12 after clashes.', ['on Oct. 12']],
    ['An international arbitral tribunal ruled in 2016 that the claims had no legal basis.', ['in 2016']],
    ['The ship was boarded by fighters on Nov. 19, 2023.', ['on Nov. 19, 2023']],
    ['Qatar and Turkey, which brokered a truce on Sunday, are pressing both sides to talk.', ['on Sunday']],
    ['The second phase of voting is scheduled for Jan. 11.', ['Jan. 11']],
    // must not: a duration, a speech date behind a statement frame, 'ruled out', a sentence-initial participle, an opener's participle
    ['The ministry said the three sailors, who had been held for 430 days, were safe.', []],
    ['The U.N. rapporteur, Tom Andrews, said in a statement last week that no vote held at gunpoint could be credible.', []],
    ['The president ruled out talks on Monday.', []],
    ['Freed soldiers arrive at the border on Saturday.', []],
    ['Under legislation approved by the cabinet in August, volunteers would be recruited.', []],
  ])('%s', (text, want) => {
    expect(ev(text)).toEqual(want);
  });
});

describe('numbers (1.13)', () => {
  test.each([
    ['Berlin says it will reach that level by 2029, six years early.', []],
    ['The project finished two months ahead of schedule.', []],
    // must still fire
    ['The war has lasted six years.', ['six years']],
  ])('%s', (text, want) => {
    expect(quantities(text).map((c) => c.quantity!.text)).toEqual(want);
  });
});

describe('units (1.13)', () => {
  const unitOf = (s: string, q: string) => {
    const c = quantities(s).find((x) => x.quantity!.text.includes(q));
    if (!c) throw new Error(`no quantity ${q}`);
    return [c.category, c.quantity!.unit];
  };
  test.each([
    // a group after 'of the' between the noun and the harm verb
    ['Since 1978, more than 330 members of the force have died.', '330', 'casualties', 'killed'],
    ['Twelve members of the crew were injured.', 'Twelve', 'casualties', 'wounded'],
    // scare quotes around the counted noun
    ['State television reported that 27 "terrorists" were arrested.', '27', 'quantity_other', 'terrorists'],
    // must not: a group noun with no harm verb, a quoted verb phrase
    ['About 40 members of the team signed the letter.', '40', 'quantity_other', 'members'],
    ['He said 27 "were arrested" in the raid.', '27', 'quantity_other', null],
  ])('%s [%s] → %s/%s', (text, q, cat, unit) => {
    expect(unitOf(text, q)).toEqual([cat, unit]);
  });
});
