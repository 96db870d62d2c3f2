/**
 * Transcript turns (stages/attribution/transcript.ts): a line "LABEL: …" is spoken by the person the label names, up to
 * the next label; the label resolves to the full name and role of the cast line; an explicit source in the line wins.
 * Must-not-fire cases: news copy with colons at line starts (headline tags, datelines, times, photo credits).
 */
import { describe, expect, test } from '@jest/globals';
import { findTurns, turnAt } from '../../../../src/extractor/stages/attribution/transcript.js';
import { claims, quantities } from '../helpers.js';

/** speaker and role of the figure whose text contains `q` */
const who = (text: string, q: string): [string | null, string | null] => {
  const c = quantities(text).find((x) => x.quantity!.text.includes(q));
  if (!c) throw new Error(`no quantity ${q} in ${text}: ${quantities(text).map((x) => x.quantity!.text).join(' | ')}`);
  return [c.attribution?.speaker ?? null, c.attribution?.role ?? null];
};

const COUNCIL = [
  'Harbour council budget debate, Monday 12 January 2026. Participants: Mayor Ilse Varga, Councillor Tomas Pell. Moderator: Nadia Ferro.',
  '',
  'MODERATOR: Mayor, bus fares rose 9% this year. Why?',
  '',
  'VARGA: Fuel cost us 20% more. We also hired 45 drivers.',
  '',
  'And we kept 12 routes open at night.',
  '',
  'PELL: The city lost 300 bus stops, according to the Transit Users Forum.',
  '',
  'VARGA: We removed 25.',
].join('\n');

describe('transcript turns: who speaks a figure', () => {
  test.each([
    ['9%', 'Nadia Ferro', 'Moderator'],
    ['20%', 'Ilse Varga', 'Mayor'],
    ['45 drivers', 'Ilse Varga', 'Mayor'],
    // the turn runs on across a paragraph without a label
    ['12 routes', 'Ilse Varga', 'Mayor'],
    // an explicit source inside the line is that figure's speaker
    ['300 bus stops', 'the Transit Users Forum', null],
    ['25', 'Ilse Varga', 'Mayor'],
  ])('%s → %s (%s)', (q, speaker, role) => {
    expect(who(COUNCIL, q)).toEqual([speaker, role]);
  });

  test('role words in the label are roles; the cast line gives the full name', () => {
    const text = 'Senate hearing, Tuesday 3 March 2026. Chair: Senator Rosa Lind. Witness: Dr. Ivo Marek, head of the Water Board.\n\n'
      + 'SEN. LIND: Leaks cost 14% of supply. Why?\n\nDR. MAREK: We replaced 80 kilometres of pipe last year.\n\nSEN. LIND: Not enough.';
    expect(who(text, '14%')).toEqual(['Rosa Lind', 'Senator']);
    expect(who(text, '80 kilometres')).toEqual(['Ivo Marek', 'Dr.']);
  });

  test('a host label takes the name given after the role ("Host Ada Brun interviews …")', () => {
    const text = 'Morning Radio, Friday 6 March 2026. Host Ada Brun interviews Mayor Kofi Mensah.\n\n'
      + 'HOST: Rents rose 11% this year.\n\nMENSAH: We built 900 homes.\n\nHOST: Is that enough?';
    expect(who(text, '11%')).toEqual(['Ada Brun', 'Host']);
    expect(who(text, '900 homes')).toEqual(['Kofi Mensah', 'Mayor']);
  });

  test('a lower-case role before a name in the cast line, and the field word before a colon', () => {
    const text = 'Finance debate. Participants: opposition finance spokeswoman Lena Holt. Moderator: Jon Arden.\n\n'
      + 'ARDEN: Growth was 2% last year.\n\nHOLT: Wages fell 3%.\n\nARDEN: Minister?';
    expect(who(text, '2%')).toEqual(['Jon Arden', 'Moderator']);
    expect(who(text, '3%')).toEqual(['Lena Holt', 'opposition finance spokeswoman']);
  });

  test('a label the transcript never names stays as written', () => {
    const text = 'Town hall. Candidate: Councillor Mia Storm.\n\nAUDIENCE MEMBER: My rent rose 15% in a year.\n\nSTORM: Rents rose 4% citywide.\n\nSTORM: We will build 500 homes.';
    expect(who(text, '15%')).toEqual(['AUDIENCE MEMBER', null]);
    expect(who(text, '4%')).toEqual(['Mia Storm', 'Councillor']);
  });

  test('Title-case labels and a transcript without a cast line (a speaker who speaks twice)', () => {
    const text = 'Kai Roth: We cut waiting lists by 8%.\n\nLea Sund: They grew 5%.\n\nKai Roth: No.';
    expect(who(text, '8%')).toEqual(['Kai Roth', null]);
    expect(who(text, '5%')).toEqual(['Lea Sund', null]);
  });

  test('a cast line on its own line ("Moderator: Nadia Ferro.") is not a turn', () => {
    const text = 'Budget debate.\nModerator: Nadia Ferro.\nParticipants: Mayor Ilse Varga, Councillor Tomas Pell.\n\nVARGA: We hired 45 drivers.\n\nPELL: You fired 60.';
    const turns = findTurns(text);
    expect(turns.map((t) => t.speaker.speaker)).toEqual(['Ilse Varga', 'Tomas Pell']);
    expect(turnAt(turns, text.indexOf('45'))?.speaker.speaker).toBe('Ilse Varga');
    expect(turnAt(turns, text.indexOf('Budget'))).toBeNull();
  });
});

describe('transcript turns must not fire on news copy with colons', () => {
  test.each([
    // headline tags and section heads
    'UPDATE: The council approved 40 new buses on Monday, the mayor said.\n\nNote: The figure excludes 6 trams.',
    'Analysis: Why rents rose 7% in the capital\n\nRents rose 7% last year, the statistics office said.\n\nRead more: Housing costs climb',
    // a live blog: a repeated tag and a section head would pass the shape check without the line-head list
    'UPDATE: The bridge reopened with 2 lanes.\n\nUPDATE: A third lane opened.\n\nAnalysis: Traffic fell 8% during the closure.',
    // a time in a line
    '10:30: Polls opened with 400 people in line.\n\n11:45: Turnout reached 12%, officials said.',
    // datelines: two places, neither speaks twice nor is named
    'LONDON: Bus fares rose 4% on Monday.\n\nMADRID: Train fares fell 2% on Monday.',
    // credits and bylines
    'Photo: A queue outside the clinic.\n\nSource: Health ministry\n\nThe ministry said 300 clinics were open.',
    'Published: 3 March 2026\n\nYANGON: Turnout was 52%, the commission said.',
    // one label only
    'GENEVA: Aid agencies said 60,000 people had fled.',
  ])('%j', (text) => {
    expect(findTurns(text)).toEqual([]);
  });

  test('figures in such copy keep their news speakers', () => {
    const text = 'LONDON: Bus fares rose 4% on Monday, the operator said.\n\nMADRID: Train fares fell 2% on Monday.';
    expect(who(text, '4%')).toEqual(['the operator', null]);
    expect(who(text, '2%')).toEqual([null, null]);
  });
});

describe('transcript turns: statements without a figure', () => {
  const statements = (text: string) => claims(text).filter((c) => c.category === 'statement').map((c) => [c.text, c.attribution?.speaker ?? null]);
  const DEBATE = [
    'Harbour debate. Participants: Mayor Ilse Varga, Councillor Tomas Pell. Moderator: Nadia Ferro.',
    '',
    'MODERATOR: The harbour plan has been delayed again.',
    '',
    'PELL: The mayor sold the old ferry terminal without a vote.',
    '',
    'VARGA: That is simply wrong. I will not close anything. If the council agrees, we can reopen the pier.',
    '',
    'PELL: Will you reopen it?',
    '',
    'VARGA: The port authority shut the pier, the minister said.',
  ].join('\n');

  test('a participant asserting a fact is a statement of the turn speaker', () => {
    expect(statements(DEBATE)).toContainEqual(['PELL: The mayor sold the old ferry terminal without a vote.', 'Tomas Pell']);
  });

  test('must not: a moderator, a short reply, a first-person opening, a promise, a condition, a question', () => {
    const texts = statements(DEBATE).map(([t]) => t);
    expect(texts).not.toContain('MODERATOR: The harbour plan has been delayed again.');
    expect(texts).not.toContain('VARGA: That is simply wrong.');
    expect(texts).not.toContain('I will not close anything.');
    expect(texts).not.toContain('If the council agrees, we can reopen the pier.');
    expect(texts).not.toContain('PELL: Will you reopen it?');
  });

  test('an explicit source in the sentence keeps its own speaker', () => {
    expect(statements(DEBATE)).toContainEqual(['VARGA: The port authority shut the pier, the minister said.', 'the minister']);
  });

  test('outside a transcript nothing changes: a bare assertion is no statement', () => {
    expect(statements('The mayor sold the old ferry terminal without a vote.')).toEqual([]);
  });
});

describe('dated events in a transcript turn', () => {
  const events = (text: string) => claims(text).filter((c) => c.category === 'event').map((c) => c.attribution?.speaker ?? null);

  test("a dated event in a turn is the turn's speaker's, like a figure", () => {
    expect(events('River debate. Participants: Senator Vera Orlova, Senator Jan Brandt. Moderator: Ada Lind.\n\nMODERATOR: Your record, please.\n\nORLOVA: My opponent closed the river clinic in the last decade.')).toEqual(['Vera Orlova']);
  });

  test('outside a transcript the same event has no speaker', () => {
    expect(events('My opponent closed the river clinic in the last decade.')).toEqual([null]);
  });
});
