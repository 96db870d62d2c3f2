/**
 * The language of an article's text: an ISO 639-1 code, or 'und' (undetermined) when the text is too short or the
 * detector is unsure. Pure (no I/O); the detector is ELD (Efficient Language Detector, n-gram tables shipped in the
 * package, no native build), its "small" table: as accurate as the larger ones on short news text in our checks and a
 * third of their load time (numbers in docs/extraction.md, Languages).
 */
import { eld } from 'eld/small';

export const UNDETERMINED = 'und';

/** Fewer letters than this say too little about a language ("Hello world", a bare headline): 'und'. */
export const MIN_LETTERS = 20;

/** Detection reads at most this many characters: the start of an article decides its language, at a fixed cost. */
const SAMPLE_CHARS = 4000;

export interface DetectedLanguage {
  /** ISO 639-1 code, or 'und' */
  language: string;
  /** ELD's score for the language, in [0, 1]; 0 for 'und' on text with too few letters */
  confidence: number;
  /** false when the detector's own reliability check failed, or the text is too short */
  reliable: boolean;
}

const LETTER = /\p{L}/gu;

export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return { language: UNDETERMINED, confidence: 0, reliable: false };
  const result = eld.detect(sample);
  const confidence = result.language ? (result.getScores()[result.language] ?? 0) : 0;
  if (!result.language || !result.isReliable()) return { language: UNDETERMINED, confidence, reliable: false };
  return { language: result.language, confidence, reliable: true };
}

/** True for an ISO 639-1 code (the override accepted at ingest). */
export function isLanguageCode(code: string): boolean {
  return LANGUAGE_CODES.includes(code);
}

/** ISO 639-1 codes (the 184 two-letter codes). */
export const LANGUAGE_CODES: readonly string[] =
  ('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu '
  + 'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko '
  + 'kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi '
  + 'pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk '
  + 'ur uz ve vi vo wa wo xh yi yo za zh zu').split(' ');
