/** Qualifier vocabulary: phrases before a number that make it approximate, a lower bound or an upper bound. */

/** Qualifier phrases before the number, as token sequences (lowercase). Longest match wins. */
export const PRE_QUALIFIERS: Array<[string, 'approximate' | 'lower_bound' | 'upper_bound']> = [
  ['an estimated', 'approximate'], ['estimated', 'approximate'], ['est.', 'approximate'],
  ['about', 'approximate'], ['around', 'approximate'], ['roughly', 'approximate'],
  ['approximately', 'approximate'], ['approx.', 'approximate'], ['some', 'approximate'],
  ['an approximate', 'approximate'], ['circa', 'approximate'], ['in the region of', 'approximate'],
  ['in the order of', 'approximate'], ['on the order of', 'approximate'], ['give or take', 'approximate'],
  ['more than', 'lower_bound'], ['over', 'lower_bound'], ['at least', 'lower_bound'],
  ['upwards of', 'lower_bound'], ['upward of', 'lower_bound'], ['in excess of', 'lower_bound'],
  ['no fewer than', 'lower_bound'], ['no less than', 'lower_bound'], ['not less than', 'lower_bound'],
  ['a minimum of', 'lower_bound'], ['above', 'lower_bound'], ['exceeding', 'lower_bound'],
  ['north of', 'lower_bound'], ['well over', 'lower_bound'], ['just over', 'lower_bound'],
  ['well above', 'lower_bound'], ['just above', 'lower_bound'], ['beyond', 'lower_bound'],
  ['past', 'lower_bound'], ['over than', 'lower_bound'], ['exceed', 'lower_bound'], ['exceeds', 'lower_bound'], ['exceeded', 'lower_bound'], ['top', 'lower_bound'], ['tops', 'lower_bound'], ['surpass', 'lower_bound'], ['surpasses', 'lower_bound'], ['more than double', 'lower_bound'], ['greater than', 'lower_bound'], ['topped', 'lower_bound'], ['surpassed', 'lower_bound'], ['pass', 'lower_bound'], ['passes', 'lower_bound'], ['passing', 'lower_bound'], ['topping', 'lower_bound'], ['surpassing', 'lower_bound'],
  ['up to', 'upper_bound'], ['nearly', 'upper_bound'], ['almost', 'upper_bound'],
  ['fewer than', 'upper_bound'], ['less than', 'upper_bound'], ['under', 'upper_bound'],
  ['as many as', 'upper_bound'], ['as much as', 'upper_bound'], ['at most', 'upper_bound'],
  ['no more than', 'upper_bound'], ['not more than', 'upper_bound'], ['a maximum of', 'upper_bound'],
  ['close to', 'upper_bound'], ['just under', 'upper_bound'], ['just below', 'upper_bound'],
  ['below', 'upper_bound'], ['shy of', 'upper_bound'], ['just shy of', 'upper_bound'], ['short of', 'upper_bound'],
  ['just short of', 'upper_bound'], ['nigh on', 'upper_bound'], ['not quite', 'upper_bound'],
];
