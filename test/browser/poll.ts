import { expect } from '@jest/globals';
import { isDeepStrictEqual } from 'node:util';

/**
 * Playwright-style auto-waiting for Jest: reads `read()` until it equals the expected value (the page catches up
 * asynchronously), then asserts — so a value that never comes fails with Jest's diff of the last one read.
 */
export function poll<T>(read: () => Promise<T> | T, timeoutMs = 10_000) {
  const until = async (expected: unknown): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    let last: T;
    for (;;) {
      last = await read();
      if (isDeepStrictEqual(last, expected) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(last).toEqual(expected);
  };
  return { toBe: until, toEqual: until };
}
