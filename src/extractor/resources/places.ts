/** Vocabulary for a figure's subject and location (stages/claims/subject.ts, location.ts). Lowercase. */

/** Prepositions that can open a place phrase ("in Kharkiv", "along the border"). */
export const LOCATION_PREPS = new Set(['to', 'in', 'into', 'near', 'along', 'across', 'inside', 'at', 'from', 'on', 'around', 'throughout', 'within', 'outside']);
/** Common nouns that name a place ("the border region", "refugee camps"). */
export const LOCATION_NOUNS = new Set(['border', 'frontier', 'region', 'province', 'city', 'country', 'capital', 'coast', 'town', 'village', 'state', 'territory', 'area', 'district', 'county', 'island', 'peninsula', 'camp', 'camps', 'zone', 'oblast', 'strip', 'bank', 'valley', 'port', 'countries', 'regions', 'towns', 'cities', 'villages', 'areas']);
// said/says/according here are phrase boundaries among prepositions and auxiliaries: not a speech list.
/** Words that end a place phrase (conjunctions, relatives, time words, verbs, prepositions). */
export const LOCATION_STOP = new Set(['for', 'and', 'or', 'but', 'which', 'who', 'that', 'when', 'while', 'after', 'before', 'since', 'next', 'last', 'this', 'over', 'during', 'by', 'as', 'amid', 'to', 'in', 'on', 'at', 'were', 'was', 'have', 'has', 'had', 'are', 'is', 'will', 'would', 'said', 'says', 'according', 'than', 'because', 'earlier', 'later']);
/** Determiners a place phrase may open with ("in the capital", "across their territory"). */
export const LOCATION_DETERMINERS = new Set(['the', 'its', 'their', 'his', 'her', 'a', 'an', 'our']);
/** Auxiliaries and adverbs between a subject and its verb ("Russia has already …"). */
export const SUBJECT_SKIP = new Set(['has', 'have', 'had', 'also', 'already', 'now', 'reportedly', 'since', 'so', 'far', 'will', 'would', 'could', 'may', 'might', 'is', 'was', 'are', 'were', 'been', 'recently', 'further', 'still', 'just', 'previously', 'earlier']);
/** Capitalised words that open a sentence but name no one. */
export const NOT_A_SUBJECT = /^(The|A|An|In|On|At|But|And|It|He|She|They|We|This|That|One|Two|Three|Some|Many|Most|All)$/;
