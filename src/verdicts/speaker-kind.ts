import { isPersonNoun } from '../extractor/index.js';
import { MEDIA, ORG_NOUNS, ROLE_WORDS } from '../extractor/resources/lexicon.js';
import { DOCUMENT_SOURCES, GENERIC_SOURCES, ORG_HEADS, PERSON_HEADS, STUDY_NOUNS } from '../extractor/resources/speakers.js';

export type SpeakerKind = 'Person' | 'Organization';

/** Words after which a speaker phrase only qualifies its head: "a spokesman for the hospital association" → "a spokesman". */
const QUALIFIER_START = /\s+(?:for|of|at|from|with|familiar|close|in|on|who|that|to)\s+.*$/i;
const ACRONYM = /^(?:[A-Z]{2,}|(?:[A-Z]\.){2,})$/;
const MEDIA_NAMES = new Set(MEDIA.map((m) => m.replace(/^the /, '')));
/** Words for what an organisation puts out ("the IOM report", "NATO estimates"): the claim is the organisation's. */
const OUTPUT_NOUNS = new Set([...GENERIC_SOURCES, ...DOCUMENT_SOURCES, ...STUDY_NOUNS]);

const bare = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/[,;:]$/, '');
const capitalised = (w: string) => /^[A-Z]/.test(w);

/**
 * Is the speaker of a claim a person or an organisation (ClaimReview's itemReviewed.author)? A general rule over the
 * extractor's own vocabulary, no list of names: the head of the phrase decides ("the defence ministry spokesman" is
 * a person, "the U.N. refugee agency" an organisation); officials, ministries, agencies, groups of people and what an
 * organisation publishes are organisations; a title with a name, or a role given with the speaker, is a person; an
 * acronym, "the" before a proper name, a news outlet or a single name (states, companies, parties) is an
 * organisation; two or more capitalised words are a person's name.
 */
export function speakerKind(speaker: string, role: string | null = null): SpeakerKind {
  // "Ukraine's air force" → "air force": what follows the possessive is the head phrase.
  const phrase = speaker.trim().replace(QUALIFIER_START, '').split(/[’']s\s+/).pop()!.trim();
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'Person';
  const lower = words.map(bare);
  const last = lower[lower.length - 1];

  // A title that is also a collective ("the general staff") is left to the next rules.
  if (PERSON_HEADS.has(last) || (ROLE_WORDS.has(last) && !ORG_NOUNS.has(last))) return 'Person';
  if (ORG_HEADS.has(last) || ORG_NOUNS.has(last) || OUTPUT_NOUNS.has(last)) return 'Organization';
  // A title before a name: "Finance Minister Jane Doe", "Police Chief Ana Ruiz".
  if (lower.some((w) => ROLE_WORDS.has(w)) && capitalised(words[words.length - 1])) return 'Person';
  if (lower.some((w) => ORG_HEADS.has(w) || ORG_NOUNS.has(w) || /-based$/.test(w))) return 'Organization';
  // A group of people ("residents", "diplomats") speaks as a body, not as one person.
  if (isPersonNoun(last) && /s$|^people$|^police$/.test(last)) return 'Organization';
  if (MEDIA_NAMES.has(lower.join(' ').replace(/^the /, ''))) return 'Organization';
  if (words.some((w) => ACRONYM.test(w))) return 'Organization';
  // "The Pentagon", "the Treasury", "The United States": people's names take no article.
  if (/^the$/i.test(words[0]) && words.length > 1 && capitalised(words[1])) return 'Organization';
  if (role) return 'Person';
  if (words.length === 1) return capitalised(words[0]) ? 'Organization' : 'Person';
  return 'Person';
}
