/** "according to X": the source of the whole sentence, with the source behind an output ("figures from X") and a named appositive. */
import {
  ARTICLES, BY_FROM, DETS, DOCUMENT_SOURCES, GENERIC_SOURCES, LOOSE_STOP, SOURCE_OF, SOURCE_OUTPUT_LINKS, SOURCE_OUTPUT_NOUNS,
} from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { aliasOf } from './memory.js';
import { npLoose, npRight } from './noun-phrases.js';
import { splitRole } from './roles.js';
import { hasCap, isMedia, isNameTok, isWeekday, low } from './tokens.js';
import { NONE, type Decision, type Span, type VerbSite } from './types.js';

export const ACCORDING_TO = defineRule({
  id: 'attribution.according-to',
  stage: 'attribution',
  summary: '"according to X" makes X the source of the whole sentence: "According to the port authority, 12 ships were turned away."',
  examples: {
    fires: ['According to the Port Authority, 12 ships were turned away.', 'The fare rose to 4 euros, according to Mayor Lene Vik.'],
    doesNotFire: ['The Port Authority turned 12 ships away.', 'Ships were sorted according to size, and 12 were turned away.'],
  },
  apply: accordingTo,
});

export const SOURCE_BEHIND_OUTPUT = defineRule({
  id: 'attribution.source-behind-output',
  stage: 'attribution',
  summary: 'The source of "according to figures/a survey/a statement by/from X" is X, not the figures.',
  examples: {
    fires: ['According to a survey published by the Harbour Board, 90 boats were lost.'],
    doesNotFire: ['According to the Harbour Board, 90 boats were lost.'],
  },
});

export const NAMED_AFTER_DESCRIPTION = defineRule({
  id: 'attribution.according-to-named-after-description',
  stage: 'attribution',
  summary: '"according to the regional health agency, Nordhelse, …": the name set off by commas is the speaker, the description its role.',
  examples: {
    fires: ['According to the regional health agency, Nordhelse, 800 beds are empty.'],
    doesNotFire: ['According to Nordhelse, the regional health agency, 800 beds are empty.'],
  },
});

/** Rule unit: "according to X". Settles the verb "according" followed by "to" (NONE when no source is found). */
export function accordingTo(site: VerbSite): Decision {
  const { toks, text, mem, i } = site;
  if (toks[i].l !== 'according' || low(toks, i + 1) !== 'to') return undefined;
  const np = accordingSource(toks, i);
  if (!np) return NONE;
  const named = namedAfterDescription(site, np);
  if (named) return named;
  const r = splitRole(toks, np[0], np[1], text, mem);
  return { ...r, ...aliasOf(r, toks, np, mem), verbIdx: i, media: isMedia(r.speaker), s: toks[np[0]].s, e: toks[np[1]].e };
}

/** The source phrase after "according to". */
function accordingSource(toks: Tok[], i: number): Span | null {
  let np = npRight(toks, i + 2);
  // "according to data from X", "according to the figures of X": a generic output, extended by its source
  if (np && (np[0] === np[1] || (np[1] === np[0] + 1 && DETS.has(toks[np[0]].l))) && GENERIC_SOURCES.has(toks[np[1]].l) && SOURCE_OF.has(low(toks, np[1] + 1))) {
    const more = npRight(toks, np[1] + 2) ?? npLoose(toks, np[1] + 2);
    if (more) np = [np[0], more[1]];
  }
  if (!np || GENERIC_SOURCES.has(toks[np[1]].l) || np[1] === np[0]) {
    const source = sourceBehindOutput(toks, i + 2);
    if (source) np = source;
  }
  if (!np) {
    // "according to unofficial results", "according to a plea agreement unsealed Thursday", "according to the
    // accounting firm Deloitte"
    const loose = npLoose(toks, i + 2);
    const l = loose ? toks[loose[1]].l : '';
    if (loose && toks[loose[1]].k === 'word' && (/s$|ment$|ing$/.test(l) || DOCUMENT_SOURCES.has(l) || isNameTok(toks[loose[1]])) && !ARTICLES.has(l)) np = loose;
  }
  return np;
}

/**
 * "according to early figures from the broker Lockwood Re", "according to a national survey published Wednesday by
 * the nonprofit Brightline Health Foundation", (1.14) "a tally kept by Japan's defence ministry": the named source.
 */
function sourceBehindOutput(toks: Tok[], from: number): Span | null {
  let q = from;
  if (DETS.has(low(toks, q))) q++;
  for (let adj = 0; adj < 3 && toks[q]?.k === 'word' && !toks[q].cap && !GENERIC_SOURCES.has(toks[q].l) && !LOOSE_STOP.has(toks[q].l); adj++) q++;
  if (!toks[q] || !(GENERIC_SOURCES.has(toks[q].l) || SOURCE_OUTPUT_NOUNS.has(toks[q].l))) return null;
  let r = q + 1;
  for (let hops = 0; hops < 5 && r < toks.length && (SOURCE_OUTPUT_LINKS.has(toks[r].l) || isWeekday(toks[r].l)); hops++) r++;
  if (!BY_FROM.has(low(toks, r))) return null;
  const more = npRight(toks, r + 1) ?? npLoose(toks, r + 1);
  return more && hasCap(toks, more[0], more[1]) && when(SOURCE_BEHIND_OUTPUT, true, toks[more[0]].s, toks[more[1]].e) ? more : null;
}

/**
 * "according to the UN refugee agency, UNHCR", "According to Ukraine's human rights ombudsman, Dmytro Lubinets, …": a
 * description, then the name set off by commas.
 */
function namedAfterDescription(site: VerbSite, np: Span): Decision {
  const { toks, text, mem, i } = site;
  if (toks[np[1]].k !== 'word' || toks[np[1]].cap || toks[np[1] + 1]?.t !== ',') return undefined;
  let e = np[1] + 2;
  while (e < toks.length && isNameTok(toks[e]) && e - np[1] < 7) e++;
  if (!(e > np[1] + 2 && (e >= toks.length || /^[,.;]$/.test(toks[e].t)))) return undefined;
  const named: Span = [np[1] + 2, e - 1];
  if (!when(NAMED_AFTER_DESCRIPTION, true, toks[named[0]].s, toks[named[1]].e)) return undefined;
  const r = splitRole(toks, named[0], named[1], text, mem);
  const role = text.slice(toks[np[0]].s, toks[np[1]].e).replace(/^(the|a|an)\s+/i, '');
  return { speaker: r.speaker, role, person: r.person, verbIdx: i, media: isMedia(r.speaker), s: toks[named[0]].s, e: toks[named[1]].e, rule: NAMED_AFTER_DESCRIPTION.id };
}
