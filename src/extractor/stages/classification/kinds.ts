/** Money, percentages, and bare baselines that take the kind of the figure they are compared with. */
import { defineRule } from '../../pipeline/rule.js';
import type { Classified } from '../outcome/harm.js';
import type { Figure } from './context.js';

export const MONEY = defineRule({
  id: 'classification.money',
  stage: 'classification',
  summary: 'A figure with a currency is money, the currency its unit.',
  examples: {
    fires: ['The bridge repairs will cost $40 million.'],
    doesNotFire: ['The town hired 40 new teachers.'],
  },
  apply: ({ m }: Figure): Classified | null => (m.currency ? { category: 'money', unit: m.currency } : null),
});

export const PERCENTAGE = defineRule({
  id: 'classification.percentage',
  stage: 'classification',
  summary: 'A figure in percent is a percentage.',
  examples: {
    fires: ['Turnout fell to 61% this year.'],
    doesNotFire: ['Turnout fell to 61,000 this year.'],
  },
  apply: ({ m }: Figure): Classified | null => (m.percent ? { category: 'percentage', unit: 'percent' } : null),
});

export const BASELINE_UNIT = defineRule({
  id: 'classification.baseline-unit',
  stage: 'classification',
  summary: 'A bare baseline takes the kind and unit of the figure it is compared with: "the toll rose to 68 from 54", "rose to $5.1 billion from 4.2 billion".',
  examples: {
    fires: ['The toll rose to 68 from 54.', 'Revenue rose to $5.1 billion from 4.2 billion.'],
    doesNotFire: ['The toll rose to 68 on Sunday.'],
  },
  apply: ({ n, base, classify }: Figure): Classified | null => {
    if (n || !base) return null;
    const bc = classify(base);
    return bc.unit !== null ? bc : null;
  },
});
