/** Appositives that name the speaker: "A doctors' group, the Sudan Doctors Network, said", "A spokesman, Col. Idris Baig, said". */
import { ALIAS_HEADS } from '../../resources/speakers.js';
import { defineRule } from '../../pipeline/rule.js';
import { appositiveNamesOrganisation, appositiveNamesPerson, leftContext } from './left-context.js';
import type { Decision, VerbSite } from './types.js';

export const APPOSITIVE_ORGANISATION = defineRule({
  id: 'attribution.appositive-organisation',
  stage: 'attribution',
  summary: 'A description, then the organisation\'s name between commas: "A local charity, the Northway Food Trust, said".',
  examples: {
    fires: ['A local charity, the Northway Food Trust, said 400 families used its food banks.'],
    doesNotFire: ['The Northway Food Trust, a local charity, said 400 families used its food banks.'],
  },
  apply: appositiveOrganisation,
});

export const APPOSITIVE_PERSON = defineRule({
  id: 'attribution.appositive-person',
  stage: 'attribution',
  summary: 'A description, then the person\'s name between commas: "A spokeswoman for the port, Hanne Moe, said".',
  examples: {
    fires: ['A spokeswoman for the port, Hanne Moe, said 12 ships were turned away.'],
    doesNotFire: ['Hanne Moe, a spokeswoman for the port, said 12 ships were turned away.'],
  },
  apply: appositivePerson,
});

/** Rule unit: the appositive names an organisation; its head ("group") is remembered for a later "the group said". */
export function appositiveOrganisation(site: VerbSite): Decision {
  const { toks, text, mem, i } = site;
  const { j, appositive: ap } = leftContext(site);
  if (!ap || !appositiveNamesOrganisation(toks, ap, j)) return undefined;
  const np = ap.np!;
  const appos = ap.appos!;
  const speaker = ap.apposSpeaker!.speaker;
  const head = toks[np[1]].l;
  if (ALIAS_HEADS.has(head)) mem.aliases.set(head, { speaker, role: null });
  const role = text.slice(toks[np[0]].s, toks[np[1]].e).replace(/^(a|an)\s+/i, '');
  return { speaker, role, person: false, verbIdx: i, media: false, s: toks[appos[0]].s, e: toks[appos[1]].e };
}

/** Rule unit: the appositive names a person; the description before it is the role. */
export function appositivePerson(site: VerbSite): Decision {
  const { toks, text, i } = site;
  const { appositive: ap } = leftContext(site);
  if (!ap || !appositiveNamesPerson(ap)) return undefined;
  const { np, appos, apposSpeaker } = ap;
  const role = apposSpeaker!.role ?? (np ? text.slice(toks[np[0]].s, toks[ap.c - 1].e).replace(/^(a|an|the)\s+/i, '') : null);
  return { speaker: apposSpeaker!.speaker, role, person: true, verbIdx: i, media: false, s: toks[appos![0]].s, e: toks[appos![1]].e };
}
