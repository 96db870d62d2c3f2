import { expect } from '@jest/globals';
import { one, PUB } from '../helpers.js';

/** A sentence with one figure takes the time `t` with these dates (PUB = Wednesday 2022-01-19). */
export function expectTime(text: string, t: string, date: string | null, from: string, to: string, pub: Date = PUB): void {
  const c = one(text, pub);
  expect(c.timeRef).not.toBeNull();
  expect(c.timeRef!.text).toBe(t);
  expect(c.timeRef!.date).toBe(date);
  expect(c.timeRef!.from).toBe(from);
  expect(c.timeRef!.to).toBe(to);
  expect(text.slice(c.timeRef!.start, c.timeRef!.end)).toBe(c.timeRef!.text);
}
