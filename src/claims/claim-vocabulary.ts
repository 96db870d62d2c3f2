/**
 * The claim vocabulary the application owns: what a claim can be about and how its figure is hedged.
 * The database enums, the API, the desk and the extractor all speak these words; the extractor imports them
 * from here rather than defining them, so a new category is an application decision (with a migration).
 */
export const CLAIM_CATEGORIES = [
  'troop_count',
  'casualties',
  'displacement',
  'money',
  'percentage',
  'quantity_other',
  'event',
  'statement',
] as const;
export type ClaimCategory = (typeof CLAIM_CATEGORIES)[number];

export const QUALIFIERS = ['exact', 'approximate', 'lower_bound', 'upper_bound', 'range'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
