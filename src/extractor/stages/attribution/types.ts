/** The attribution stage's shapes: what a rule finds, what it remembers across sentences, and where it looks. */
import type { Tok } from '../tokens/index.js';
import type { Attribution } from '../../types.js';

export interface FoundAttribution extends Attribution {
  /** token index of the verb (or "according") */
  verbIdx: number;
  person: boolean;
  media: boolean;
  /** start/end char offsets of the speaker phrase */
  s: number;
  e: number;
  /** id of the rule that found it (the claim trace names it) */
  rule?: string;
  /** 2 = said/told/according to/estimated, 1 = other reporting verbs */
  prio?: number;
  /** the verb ends the sentence ("..., the ministry said on Tuesday."): it covers what comes before */
  tail?: boolean;
  /** "according to X" covers the whole sentence */
  whole?: boolean;
  /** resolved from he/she/they */
  pronoun?: boolean;
  /** the second of two verbs sharing a subject ("Zelenskyy thanked Britain and said …"): speaks only for what follows */
  coord?: boolean;
}

export interface SpeakerMemory {
  lastPerson: Attribution | null;
  lastAny: Attribution | null;
  /** full names seen: surname (lowercase) -> attribution */
  names: Map<string, Attribution>;
  /** generic heads of named organisations seen ("group" -> the Sudan Doctors Network), for "the group said" */
  aliases: Map<string, Attribution>;
}

/** A speaker phrase split into the name and its role ("Deputy Foreign Minister" + "Sergei Ryabkov"). */
export interface Speaker {
  speaker: string;
  role: string | null;
  person: boolean;
}

/** Token span [first, last], both inclusive. */
export type Span = [number, number];

/** One candidate verb in a sentence, as the rules of rules.ts see it. */
export interface VerbSite {
  toks: Tok[];
  text: string;
  mem: SpeakerMemory;
  /** index of the verb (or "according") */
  i: number;
  /** the second pass over a sentence without figures: stance verbs ("Russia criticized the format") */
  stance: boolean;
  /** a weak or reporting verb: attributes only to a pronoun or a named subject */
  conditional: boolean;
  inQuote: boolean[];
  /** memo of the left context (said-after.ts) */
  left?: unknown;
}

/** A rule's verdict on a verb: an attribution, NONE (the verb is settled, no speaker), or undefined (not mine: next rule). */
export const NONE = 'none' as const;
export type Decision = FoundAttribution | typeof NONE | undefined;
