/** The stage's entry: every candidate verb of a sentence through the ordered rules of rules.ts. */
import { enabled, fired, when } from '../../pipeline/trace.js';
import type { Tok } from '../tokens/index.js';
import { settleCoverage } from './coverage.js';
import { VERB_RULES } from './rules.js';
import { isTitleCase, quoteMask } from './tokens.js';
import { NONE, type FoundAttribution, type SpeakerMemory, type VerbSite } from './types.js';
import { CANDIDATE_VERBS, STANCE_PASS, VERB_SPELLING_IS_NOUN, characterises, isStanceVerb, notAVerb } from './verbs.js';

/** A token some rule may take as its verb: "according", or a speech/reporting/stance verb that is not a noun here. */
function candidate(toks: Tok[], i: number, titleCase: boolean, inQuote: boolean[], stance: boolean): boolean {
  const t = toks[i];
  if (inQuote[i] && t.t !== '"' && t.t !== '”') return false;
  if (t.l !== 'according') {
    if (!CANDIDATE_VERBS.has(t.l)) return false;
    if (when(VERB_SPELLING_IS_NOUN, notAVerb(toks, i, titleCase), t.s, t.e)) return false;
  }
  return !stance || characterises(toks, i) || isStanceVerb(toks, i);
}

/** The first rule's verdict on the site: an attribution (its rule recorded) or nothing. */
function decide(site: VerbSite): FoundAttribution | null {
  const verb = site.toks[site.i];
  for (const rule of VERB_RULES) {
    if (!enabled(rule)) continue;
    const d = rule.apply(site);
    if (d === undefined) continue;
    if (d === NONE) return null;
    d.rule ??= rule.id;
    fired(rule, Math.min(d.s, verb.s), Math.max(d.e, verb.e));
    return d;
  }
  return null;
}

/** Find attributions in one sentence's tokens (stance: the second pass over a sentence without figures). */
export function findAttributions(toks: Tok[], text: string, mem: SpeakerMemory, stance = false): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  if (stance && !enabled(STANCE_PASS)) return out;
  const inQuote = quoteMask(toks);
  const titleCase = isTitleCase(toks);
  for (let i = 0; i < toks.length; i++) {
    if (!candidate(toks, i, titleCase, inQuote, stance)) continue;
    const found = decide({ toks, text, mem, i, stance, conditional: false, inQuote });
    if (!found) continue;
    if (stance) fired(STANCE_PASS, Math.min(found.s, toks[i].s), Math.max(found.e, toks[i].e));
    out.push(found);
  }
  settleCoverage(toks, out);
  return out;
}
