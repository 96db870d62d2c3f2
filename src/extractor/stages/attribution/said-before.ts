/** The speaker after the verb: '"…," said Sergei Ryabkov, deputy foreign minister.', '…, said chief forecaster Paul Gundersen.' */
import { TRANSITIVE_STANCE_STEM } from '../../resources/speech-verbs.js';
import { ROLE_RUN_STOP } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { when } from '../../pipeline/trace.js';
import { leftSubject, speakerLeft } from './left-context.js';
import { npRight } from './noun-phrases.js';
import { appositiveRole, splitRole } from './roles.js';
import { isCommaOrCloseQuote, isMedia, isNameTok } from './tokens.js';
import { NONE, type Decision, type VerbSite } from './types.js';

export const STANCE_OBJECT = defineRule({
  id: 'attribution.stance-object-not-speaker',
  stage: 'attribution',
  summary: 'After a transitive stance verb comes its object, not an inverted speaker: "…, accused the landlord of …".',
  examples: {
    fires: ['Tenants marched on Sunday, accused the landlord of raising rents by 30 percent.'],
    doesNotFire: ['"Rents rose by 30 percent," said the tenants\' union.'],
  },
  apply: stanceObject,
});

export const SAID_BEFORE_ROLE_NAME = defineRule({
  id: 'attribution.said-before-role-name',
  stage: 'attribution',
  summary: 'After a closing comma or quote, a lowercase role then a name: \'"…," said chief engineer Marta Solberg.\'',
  examples: {
    fires: ['"The bridge needs 40 new cables," said chief engineer Marta Solberg.'],
    doesNotFire: ['"The bridge needs 40 new cables," said Marta Solberg.'],
  },
  apply: saidBeforeRoleName,
});

export const SAID_BEFORE = defineRule({
  id: 'attribution.said-before',
  stage: 'attribution',
  summary: 'After a closing comma or quote, the speaker follows the verb: \'"…," said Marta Solberg, the chief engineer.\'',
  examples: {
    fires: ['"The bridge needs 40 new cables," said Marta Solberg, the chief engineer.'],
    doesNotFire: ['The bridge needs 40 new cables, Marta Solberg said.'],
  },
  apply: saidBefore,
});

/** No subject before the verb (only then does a speaker after it count). */
function noSubject(site: VerbSite): boolean {
  return speakerLeft(site, leftSubject(site).np) === null;
}

/** Rule unit: (1.14) a transitive stance or accusation verb takes an object ("…, accused government forces of …"). */
export function stanceObject(site: VerbSite): Decision {
  const verb = site.toks[site.i];
  return when(STANCE_OBJECT, noSubject(site) && TRANSITIVE_STANCE_STEM.test(verb.l), verb.s, verb.e) ? NONE : undefined;
}

/** Rule unit: "said chief forecaster Paul Gundersen", "said manager Claire Donnelly": lowercase role words, then the name. */
export function saidBeforeRoleName(site: VerbSite): Decision {
  const { toks, text, i } = site;
  if (!noSubject(site) || !isCommaOrCloseQuote(toks[i - 1])) return undefined;
  const r0 = npRight(toks, i + 1);
  let q = r0 ? r0[1] + 1 : i + 1;
  const q0 = q;
  while (q < toks.length && q - q0 < 3 && toks[q].k === 'word' && !toks[q].cap && !ROLE_RUN_STOP.has(toks[q].l)) q++;
  if (!(q > q0 && isNameTok(toks[q]) && isNameTok(toks[q + 1]))) return undefined;
  let e = q + 1;
  while (e + 1 < toks.length && isNameTok(toks[e + 1])) e++;
  return { speaker: text.slice(toks[q].s, toks[e].e), role: text.slice(toks[i + 1].s, toks[q - 1].e), person: true, verbIdx: i, media: false, s: toks[i + 1].s, e: toks[e].e };
}

/** Rule unit: '"…," said X' with X's role split off or taken from an appositive after it (NONE when no speaker follows). */
export function saidBefore(site: VerbSite): Decision {
  const { toks, text, mem, i } = site;
  if (!noSubject(site)) return undefined;
  const r0 = npRight(toks, i + 1);
  if (!r0 || !(isCommaOrCloseQuote(toks[i - 1]) || i === 0)) return NONE;
  const r = splitRole(toks, r0[0], r0[1], text, mem);
  let role = r.role;
  if (!role && toks[r0[1] + 1]?.t === ',') {
    let e = r0[1] + 2;
    while (e < toks.length && toks[e].t !== ',' && toks[e].t !== '.' && e - r0[1] < 12) e++;
    role = appositiveRole(toks, r0[1] + 2, e - 1, text);
  }
  return { speaker: r.speaker, role, person: r.person, verbIdx: i, media: isMedia(r.speaker), s: toks[r0[0]].s, e: toks[r0[1]].e };
}
