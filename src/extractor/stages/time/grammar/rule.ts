/** The shape of a time grammar rule: a pattern and how a match resolves against the publication date. */
import type { Rule } from '../../../pipeline/rule.js';
import type { TimeValue, YMD } from '../calendar.js';

/** m: the match; pub: the publication date; before: the sentence text before the match. null: not a time after all. */
export type Resolve = (m: RegExpExecArray, pub: YMD, before: string) => TimeValue | null;

/** A global regex and its resolution; rules are tried in the order of rules.ts, an earlier match keeps its span. */
export type TimeGrammarRule = Rule<Resolve> & { readonly re: RegExp };
