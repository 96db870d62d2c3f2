/** Number vocabulary: words for digits, tens and scales, glued suffixes, fractions and vague plurals (lowercase). */

export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  // South Asian scales: "5 lakh" = 500,000, "3 crore" = 30,000,000
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
};
/** Scale abbreviations written apart from the digits: "5 bln euros", "3.2 mln", "$4 bn", "1 tn". */
export const SCALE_ABBREVIATIONS: Record<string, number> = {
  mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
};
/** Suffixes glued to digits: "6.8m", "$2bn", "10k". */
export const SUFFIX_SCALES: Record<string, number> = {
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
};
/** Denominators for fractions: "two-thirds", "a quarter". Value is the share in percent. */
export const FRACTION_DENOMS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8,
  ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};

/** Vague plurals: "tens of thousands", "hundreds", "dozens". Base unit; range = 2x..9x base (documented convention). */
export const VAGUE_PLURALS: Record<string, number> = {
  tens: 10, dozens: 12, scores: 20, hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9,
};
