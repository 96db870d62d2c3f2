/** An appositive between commas names the speaker: "A spokesman for the army, Col. Idris Baig, said". */
import { describe, expect, test } from '@jest/globals';
import { one } from '../helpers.js';

describe('attribution: appositives', () => {
  test('a description, then the name', () => {
    expect(one('A spokesman for the army, Col. Idris Baig, said its forces had lost four men.').attribution?.speaker).toBe('Idris Baig');
  });
});
