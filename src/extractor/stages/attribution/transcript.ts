/**
 * Transcript turns: in a debate, interview or hearing transcript a line "LABEL: …" is spoken by the person the
 * label names, up to the next label (across paragraphs). The label is resolved to the full name and role the
 * transcript's cast line gives ("Participants: Governor Tomas Brandt, …  Moderator: Dana Whitcombe."): "BRANDT:" is
 * Tomas Brandt (Governor), "MODERATOR:" is Dana Whitcombe. A figure with its own source inside the line keeps it.
 *
 * Computed once per text (findTurns); a figure asks for its speaker with speakerInTurn.
 */
import { ROLE_WORDS } from '../../resources/lexicon.js';
import { CAST_FIELDS, HOST_ROLES, NOT_SPEAKER_LABELS, ROLE_ABBREVIATIONS } from '../../resources/transcripts.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { FoundAttribution } from './index.js';

export const SPEAKER_LABEL = defineRule({
  id: 'attribution.transcript-speaker-label',
  stage: 'attribution',
  summary: 'A line opening with an upper-case or Title-case name or role and a colon ("OKAFOR:", "SEN. AMBE:", "Dana Whitcombe:") is a speaker label in a transcript.',
  examples: {
    fires: ['PELL: We built 300 bridges.\n\nVARGA: You built 30.\n\nPELL: It was 300.'],
    doesNotFire: ['The vote opened at 10:30: by noon 400 people had voted.', 'Prices rose 3% in May, the office said.'],
  },
});

export const NOT_A_SPEAKER = defineRule({
  id: 'attribution.line-head-not-speaker',
  stage: 'attribution',
  summary: 'A line head of news copy with a label shape ("UPDATE:", "Note:", "Analysis:", "Read more:") is not a speaker label.',
  examples: {
    fires: ['UPDATE: The mayor said 40 buses were bought.\n\nNote: The figure excludes 6 trams.'],
    doesNotFire: ['PELL: We built 300 bridges.\n\nVARGA: You built 30.\n\nPELL: It was 300.'],
  },
});

export const NOT_A_TRANSCRIPT = defineRule({
  id: 'attribution.not-a-transcript',
  stage: 'attribution',
  summary: 'Label-shaped line heads make a transcript only when there are two speakers and one of them speaks twice or is named in the cast line; datelines ("LONDON:") do not.',
  examples: {
    fires: ['LONDON: Bus fares rose 4% on Monday.\n\nMADRID: Train fares fell 2% on Monday.'],
    doesNotFire: ['PELL: We built 300 bridges.\n\nVARGA: You built 30.\n\nPELL: It was 300.', 'Bus fares rose 4% on Monday, the operator said.'],
  },
});

export const LABEL_TO_PARTICIPANT = defineRule({
  id: 'attribution.label-to-participant',
  stage: 'attribution',
  summary: 'A label naming a participant resolves to the full name and role the cast line gives: "VARGA:" after "Participants: Mayor Ilse Varga" is Ilse Varga (Mayor); role words in the label are roles.',
  examples: {
    fires: ['Budget debate. Participants: Mayor Ilse Varga, Councillor Tom Pell.\n\nVARGA: We hired 120 teachers.\n\nPELL: You hired 12.'],
    doesNotFire: ['Budget debate.\n\nVARGA: We hired 120 teachers.\n\nPELL: You hired 12.\n\nVARGA: It was 120.'],
  },
});

export const HOST_LABEL = defineRule({
  id: 'attribution.host-label',
  stage: 'attribution',
  summary: 'A moderator, host or chair label ("MODERATOR:", "HOST:") resolves to the name the cast line gives for that role.',
  examples: {
    fires: ['Radio debate. Host: Mira Solberg.\n\nHOST: Fares went up 9% this year. Why?\n\nPELL: Fuel costs rose 20%.'],
    doesNotFire: ['Radio debate.\n\nHOST: Fares went up 9% this year. Why?\n\nPELL: Fuel costs rose 20%.\n\nHOST: Really?'],
  },
});

export const UNNAMED_LABEL = defineRule({
  id: 'attribution.unnamed-label',
  stage: 'attribution',
  summary: 'A label the transcript never names stays as written ("AUDIENCE MEMBER"), with any role word split off as the role.',
  examples: {
    fires: ['Town meeting. Participants: Mayor Ilse Varga.\n\nCALLER: My rent rose 15%.\n\nVARGA: Rents rose 4% on average.'],
    doesNotFire: ['Town meeting. Participants: Mayor Ilse Varga, Tom Pell.\n\nPELL: My rent rose 15%.\n\nVARGA: Rents rose 4% on average.'],
  },
});

export const TURN_SPEAKER = defineRule({
  id: 'attribution.turn-speaker',
  stage: 'attribution',
  summary: 'A figure in a transcript turn without a source of its own is the turn\'s speaker\'s, the turn running to the next label across paragraphs.',
  examples: {
    fires: ['PELL: We built 300 bridges.\n\nAnd we repaired 45 more.\n\nVARGA: You built 30.\n\nPELL: It was 300.'],
    doesNotFire: ['Pell said the city built 300 bridges.\n\nVarga said it built 30.'],
  },
});

export const IN_LINE_SOURCE_FIRST = defineRule({
  id: 'attribution.in-line-source-first',
  stage: 'attribution',
  summary: 'Inside a turn, a figure with an explicit source ("according to the Audit Office") is that source\'s, not the speaker\'s.',
  examples: {
    fires: ['PELL: Waiting times rose 12%, according to the Audit Office.\n\nVARGA: They fell 3%.\n\nPELL: No.'],
    doesNotFire: ['PELL: Waiting times rose 12% last year.\n\nVARGA: They fell 3%.\n\nPELL: No.'],
  },
});

/** One speaker's turn: text[start, end) from its label line up to the next label line. */
export interface Turn {
  start: number;
  end: number;
  speaker: FoundAttribution;
}

interface LabelLine {
  /** start of the line, label span, end of "LABEL: " */
  lineStart: number;
  s: number;
  e: number;
  bodyStart: number;
  label: string;
}

/**
 * Upper-case label of 1-4 words ("SEN. AMBE", "AUDIENCE MEMBER") or a Title-case name of 1-3 words ("Dana Whitcombe",
 * "Dr. Kovac"), then a colon and speech on the same line.
 */
const LABEL_LINE = /^[ \t]*(\p{Lu}[\p{Lu}'’.&-]*(?:[ \t]+\p{Lu}[\p{Lu}'’.&-]*){0,3}|\p{Lu}[\p{Ll}'’][\p{L}'’-]*\.?(?:[ \t]+\p{Lu}[\p{Ll}'’][\p{L}'’-]*\.?){0,2}):[ \t]+(?=\S)/gmu;

function labelLines(text: string): LabelLine[] {
  const out: LabelLine[] = [];
  for (const m of text.matchAll(LABEL_LINE)) {
    const label = m[1];
    if ((label.match(/\p{L}/gu) ?? []).length < 2) continue;
    const s = m.index + m[0].indexOf(label);
    const key = label.toLowerCase().replace(/\s+/g, ' ');
    if (when(NOT_A_SPEAKER, NOT_SPEAKER_LABELS.has(key), s, s + label.length)) continue;
    const lineEnd = text.indexOf('\n', m.index);
    const body = text.slice(m.index + m[0].length, lineEnd < 0 ? text.length : lineEnd);
    if (isCastLine(key, body)) continue;
    out.push({ lineStart: m.index, s, e: s + label.length, bodyStart: m.index + m[0].length, label });
  }
  return out;
}

/** "Participants: …", or "Moderator: Dana Whitcombe." on a line of its own: the cast, not a turn. */
function isCastLine(key: string, body: string): boolean {
  if (!CAST_FIELDS.has(key)) return false;
  if (!HOST_ROLES.has(key) && key !== 'witness' && key !== 'candidate' && key !== 'interviewer') return true;
  const words = body.split(/[\s,;]+/).filter((w) => /\p{L}/u.test(w));
  const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return !body.includes('?') && words.length <= 10 && caps >= 2 && caps / words.length >= 0.6;
}

/** A run of capitalised words in the cast text ("Governor Tomas Brandt"), split into its leading role words and the name. */
interface CastName {
  role: string[];
  name: string[];
  /** the run ends with a colon: "Moderator:" introduces the next run */
  colon: boolean;
}

const ABBREVIATION = /^(dr|sen|rep|gov|gen|mr|mrs|ms|prof|col|capt|lt|st)\.$/i;

function castNames(header: string): CastName[] {
  const out: CastName[] = [];
  let run: string[] = [];
  // lower-case words just before the run, in the same phrase: "opposition health spokesman Karel Voss"
  let lower: string[] = [];
  const close = (colon: boolean): void => {
    if (run.length === 0) return;
    let k = 0;
    while (k < run.length && isRoleWord(run[k])) k++;
    let role = run.slice(0, k);
    const before = out[out.length - 1];
    // "Moderator: Farah Quist": the field word before the colon is the role
    if (role.length === 0 && before?.colon && before.name.length === 0) role = before.role;
    if (role.length === 0 && lower.length > 0 && ROLE_WORDS.has(lower[lower.length - 1].toLowerCase())) role = lower;
    out.push({ role, name: run.slice(k), colon });
    run = [];
    lower = [];
  };
  for (const m of header.matchAll(/\S+/g)) {
    const raw = m[0];
    const word = raw.replace(/^[("“‘']+/, '').replace(/[)"”’',;:!?]+$/, '');
    const lead = word !== raw.replace(/[)"”’',;:!?]+$/, '');
    if (!/^\p{Lu}/u.test(word) || lead) {
      close(false);
      if (!/^\p{Lu}/u.test(word)) {
        // a plain lower-case word may be part of a role; anything with punctuation ends the phrase
        if (/^\p{Ll}[\p{L}-]*$/u.test(raw)) lower.push(raw);
        else lower = [];
        continue;
      }
    }
    const bare = ABBREVIATION.test(word) ? word : word.replace(/\.$/, '');
    run.push(bare);
    if (bare !== word || /[,;:!?)"”]$/.test(raw)) close(/:$/.test(raw));
  }
  close(false);
  return out;
}

function isRoleWord(w: string): boolean {
  const l = w.toLowerCase();
  return ROLE_WORDS.has(l) || HOST_ROLES.has(l) || l in ROLE_ABBREVIATIONS;
}

const titleCase = (w: string): string => ROLE_ABBREVIATIONS[w.toLowerCase()] ?? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

type Decide = typeof when;
/** Decides without recording (the shape check runs before the text is known to be a transcript). */
const probe: Decide = (_rule, condition) => condition;

/** The speaker a label stands for, as an attribution spanning the label, and whether the cast line named it. */
function resolveLabel(line: LabelLine, cast: CastName[], decide: Decide): { attr: FoundAttribution; named: boolean } | null {
  const words = line.label.split(/\s+/);
  let k = 0;
  while (k < words.length && isRoleWord(words[k])) k++;
  const labelRole = words.slice(0, k).map(titleCase).join(' ') || null;
  const nameWords = words.slice(k).map((w) => w.toLowerCase());
  const at = (speaker: string, role: string | null, named: boolean) => ({ attr: { speaker, role, verbIdx: -1, person: true, media: false, s: line.s, e: line.e, prio: 2 }, named });
  if (nameWords.length > 0) {
    const found = cast.find((c) => c.name.length >= nameWords.length && c.name.slice(-nameWords.length).every((w, i) => w.toLowerCase() === nameWords[i]));
    if (decide(LABEL_TO_PARTICIPANT, !!found, line.s, line.e)) return at(found!.name.join(' '), found!.role.join(' ') || labelRole, true);
  } else if (HOST_ROLES.has(words.join(' ').toLowerCase())) {
    const host = hostName(words.join(' ').toLowerCase(), cast);
    if (decide(HOST_LABEL, !!host, line.s, line.e)) return at(host!.name.join(' '), titleCase(words.join(' ')), true);
  }
  // the label as written is still the best name the transcript gives; without this rule the turn has no speaker
  if (!decide(UNNAMED_LABEL, true, line.s, line.e)) return null;
  return at(nameWords.length > 0 ? words.slice(k).join(' ') : line.label, labelRole, false);
}

/** "Host Ben Adair" or "Moderator: Dana Whitcombe" in the cast text. */
function hostName(role: string, cast: CastName[]): CastName | null {
  for (let i = 0; i < cast.length; i++) {
    const c = cast[i];
    if (!c.role.some((w) => w.toLowerCase() === role)) continue;
    if (c.name.length > 0) return c;
    if (c.colon && cast[i + 1]?.name.length) return cast[i + 1];
  }
  return null;
}

/** The turns of a transcript, or none when the text does not look like one. */
export function findTurns(text: string): Turn[] {
  const lines = labelLines(text);
  if (lines.length === 0) return [];
  const cast = castNames(text.slice(0, lines[0].lineStart));
  const distinct = new Set(lines.map((l) => l.label.toLowerCase()));
  const named = lines.some((l) => resolveLabel(l, cast, probe)?.named);
  const shaped = lines.length >= 2 && distinct.size >= 2 && (distinct.size < lines.length || named);
  if (when(NOT_A_TRANSCRIPT, !shaped, lines[0].s, lines[0].e)) return [];
  const turns: Turn[] = [];
  lines.forEach((l, i) => {
    if (!when(SPEAKER_LABEL, true, l.s, l.e)) return;
    const resolved = resolveLabel(l, cast, when);
    if (resolved) turns.push({ start: l.lineStart, end: i + 1 < lines.length ? lines[i + 1].lineStart : text.length, speaker: resolved.attr });
  });
  return turns;
}

/** The turn containing a position, or null. */
export function turnAt(turns: readonly Turn[], pos: number): Turn | null {
  let lo = 0;
  let hi = turns.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid].end <= pos) lo = mid + 1;
    else if (turns[mid].start > pos) hi = mid - 1;
    else return turns[mid];
  }
  return null;
}

/** The speaker of a figure at [s, e): its explicit source when it has one, else its turn's speaker. */
export function speakerInTurn(turn: Turn | null, explicit: FoundAttribution | null): FoundAttribution | null {
  if (!turn) return explicit;
  if (explicit && when(IN_LINE_SOURCE_FIRST, true, explicit.s, explicit.e)) return explicit;
  if (when(TURN_SPEAKER, true, turn.speaker.s, turn.speaker.e)) return turn.speaker;
  return explicit;
}

export const TURN_STATEMENT = defineRule({
  id: 'attribution.turn-statement',
  stage: 'attribution',
  summary: 'In a transcript turn, a participant\'s closed declarative sentence without a figure or a source of its own is a statement of the turn\'s speaker when it asserts a fact: five words or more, no question, negation, condition, promise or first-person opening; moderators and hosts ask, they do not state.',
  examples: {
    fires: ['PELL: We built 300 bridges.\n\nVARGA: The council closed the old harbour bridge.\n\nPELL: It was 300.'],
    doesNotFire: ['PELL: We built 300 bridges.\n\nVARGA: I will not close the old harbour bridge.\n\nPELL: It was 300.', 'The council closed the old harbour bridge, the mayor said.'],
  },
});

/** Words that make a sentence something other than an assertion of fact (negation, condition, promise, wish). */
const NOT_ASSERTED = /^(not|n't|never|no|nothing|if|unless|would|will|could|should|might|may|can|must|shall|wo|want|hope|maybe|perhaps)$/;
/** Openings of a sentence about the speaker or the listener, not about the world ("I hear that …", "You know …"). */
const PERSONAL_OPENING = /^(i|i'm|i’m|you|thank|thanks|yes|well)$/;

/** The turn's speaker as the speaker of a figure-less sentence that asserts a fact, or null. */
export function turnStatementSpeaker(turn: Turn | null, sentence: { text: string; start: number; end: number }, toks: ReadonlyArray<{ l: string; k: string; s: number }>): FoundAttribution | null {
  if (!turn || (turn.speaker.role !== null && HOST_ROLES.has(turn.speaker.role.toLowerCase()))) return null;
  const words = toks.filter((t) => t.k === 'word' && t.s >= Math.max(turn.speaker.e, sentence.start)).map((t) => t.l);
  const asserted = /[.!]$/.test(sentence.text) && !sentence.text.includes('?') && words.length >= 5
    && !PERSONAL_OPENING.test(words[0]) && !words.some((w) => NOT_ASSERTED.test(w));
  return when(TURN_STATEMENT, asserted, sentence.start, sentence.end) ? turn.speaker : null;
}
