/** "he said", "they told reporters": the remembered speaker. */
import { describe, expect, test } from '@jest/globals';
import { claims } from '../helpers.js';

describe('attribution: pronouns', () => {
  test('a pronoun points back to the previous speaker', () => {
    const cs = claims('Deputy Foreign Minister Sergei Ryabkov said talks had failed. "We are ready," he told reporters.');
    expect(cs[1].attribution?.speaker).toBe('Sergei Ryabkov');
  });
});
