/**
 * Figures the numbers stage leaves out because only their outcome makes them worth a claim: a small number written
 * as a word next to a harm verb ("killing five of them", "killing four and injuring five", "One police officer died").
 * And a toll of one written "a/an <person>" ("a soldier was killed", "killed a civilian", "the death of an activist").
 * They join the numbers stage's mentions (same Mention shape), and the classification decides them like any other.
 */
import { DEATH_OF_NOUNS, KILL_WORDS, VIOLENT_VERBS, WOUND_WORDS } from '../../resources/harm.js';
import { TENS, UNITS } from '../../resources/number-words.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Mention } from '../numbers/index.js';
import type { Tok } from '../tokens/index.js';
import { isPersonHead } from '../counted/nouns.js';
import { harmOf, word } from './harm.js';

/** Harm verbs that take their victims as an object: "killing five", "killed a civilian". */
const HARM_OBJECT_VERBS = new Set(['killing', 'killed', 'kills', 'kill', 'wounding', 'wounded', 'injuring', 'injured', 'wounds', 'injures']);
const NP_BREAK = /^(was|were|is|are|has|have|had|who|that|which|and|or|but|of|in|on|at|to|from|by|with|for|after|before|when|while|died|as)$/;
const PREDICATE = /^(was|were|is|are|had|has|have|been|reportedly|later|also|fatally|seriously|critically|badly|lightly|slightly)$/;

export const HARMED_NUMBER_WORD = defineRule({
  id: 'outcome.harmed-number-word',
  stage: 'outcome',
  summary: 'A number word right after a harm verb, or before a person harmed, is a figure: "killing five of them", "One police officer died".',
  examples: {
    fires: ['Gunmen raided the farm, killing four of them.', 'The bomb went off, killing two and injuring seven.', 'One police officer died in the ambush.'],
    doesNotFire: ['Gunmen raided the farm, taking four of them.', 'One police officer guarded the gate.'],
  },
});

export const TOLL_OF_ONE = defineRule({
  id: 'outcome.toll-of-one',
  stage: 'outcome',
  summary: 'A death or injury without a numeral is a toll of one: "a soldier was killed", "killed a civilian", "the death of an activist".',
  examples: {
    fires: [
      'A soldier was killed in the shelling on Monday.', 'The militia killed a civilian near the well.', 'Crowds mourned the death of an activist.',
      'An elderly man died after the raid.', 'Guards beat a prisoner to death in the yard, his family said.',
    ],
    doesNotFire: [
      'A soldier guarded the well on Monday.', 'Not a single civilian was killed in the raid.', 'A man who killed two guards was arrested.',
      'The court sentenced a farmer to death on Tuesday.',
    ],
  },
});

/** "a soldier was killed", "killed a civilian": value 1. */
function tollOfOne(toks: Tok[], i: number): Mention | null {
  const head = personHead(toks, i + 1);
  if (head < 0) return null;
  const ok = (harmedBefore(toks, i) || harmedAfter(toks, head + 1) || violentToDeath(toks, i, head)) && !/^(no|not|never|including|among)$/.test(word(toks, i - 1));
  return when(TOLL_OF_ONE, ok, toks[i].s, toks[head].e) ? mention(toks, i, head, 1) : null;
}

function isNumberWord(l: string): boolean {
  return l in UNITS || l in TENS;
}

/** The person head of a short noun phrase starting at i ("elderly man", "Turkish Army soldier"): its index, or -1. */
function personHead(toks: Tok[], i: number): number {
  let head = -1;
  for (let j = i; j < toks.length && j < i + 4; j++) {
    const t = toks[j];
    if (t.k !== 'word' || NP_BREAK.test(t.l) || harmOf(t.l) || t.l === 'single') break;
    if (isPersonHead(t.l)) head = j;
  }
  return head;
}

/** A harm predicate right after te: "was killed", "died", "were seriously wounded". */
function harmedAfter(toks: Tok[], te: number): boolean {
  let k = te;
  while (k < toks.length && k < te + 4 && PREDICATE.test(toks[k].l)) k++;
  const l = word(toks, k);
  return KILL_WORDS.has(l) || WOUND_WORDS.has(l);
}

/** "beat a student to death", "stabbed a guard to death" (a violent verb, not "sentenced … to death"). */
function violentToDeath(toks: Tok[], i: number, head: number): boolean {
  return VIOLENT_VERBS.has(word(toks, i - 1)) && word(toks, head + 1) === 'to' && word(toks, head + 2) === 'death';
}

/** A harm verb taking the phrase at i as its object, or "the death of" before it. */
function harmedBefore(toks: Tok[], i: number): boolean {
  const p = word(toks, i - 1);
  return HARM_OBJECT_VERBS.has(p) || (p === 'of' && DEATH_OF_NOUNS.has(word(toks, i - 2)));
}

function mention(toks: Tok[], i: number, head: number, value: number): Mention {
  const te = head >= 0 ? head + 1 : i + 1;
  return {
    ts: i, te, ns: i, ne: i + 1, s: toks[i].s, e: toks[te - 1].e, value, low: null, high: null, qualifier: 'exact',
    currency: null, percent: false, vague: false, unspecified: false, word: true, measure: null,
    noun: head >= 0 ? toks[head].l : null, nounIdx: head, nounMods: [],
  };
}

function candidate(toks: Tok[], i: number): Mention | null {
  const t = toks[i];
  if (t.k === 'word' && (t.l === 'a' || t.l === 'an')) return tollOfOne(toks, i);
  if (t.k !== 'word' || !isNumberWord(t.l)) return null;
  // "no one was hurt", "including two children" (a part: the figure before it carries the outcome)
  const excluded = /^(no|not|never|including|among)$/.test(word(toks, i - 1));
  const head = personHead(toks, i + 1);
  const ok = harmedBefore(toks, i) || (head >= 0 && harmedAfter(toks, head + 1));
  return when(HARMED_NUMBER_WORD, ok && !excluded, t.s, t.e) ? mention(toks, i, head, UNITS[t.l] ?? TENS[t.l]) : null;
}

/** The numbers stage's mentions plus the harmed figures it leaves out, in text order. */
export function withHarmMentions(toks: Tok[], mentions: Mention[]): Mention[] {
  let extra: Mention[] | null = null;
  let next = 0;
  for (let i = 0; i < toks.length; i++) {
    while (next < mentions.length && mentions[next].te <= i) next++;
    if (next < mentions.length && mentions[next].ts <= i) continue;
    const c = candidate(toks, i);
    if (!c || mentions.some((m) => m.ts < c.te && c.ts < m.te)) continue;
    (extra ??= []).push(c);
    i = c.te - 1;
  }
  return extra ? [...mentions, ...extra].sort((a, b) => a.ts - b.ts) : mentions;
}
