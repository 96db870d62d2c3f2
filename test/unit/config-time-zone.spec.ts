import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config/config.js';

describe('DEFAULT_TIME_ZONE', () => {
  test('UTC by default; an IANA zone is taken; anything else stops the boot with a message naming it', () => {
    expect(loadConfig({}).DEFAULT_TIME_ZONE).toBe('UTC');
    expect(loadConfig({ DEFAULT_TIME_ZONE: 'Europe/Kyiv' }).DEFAULT_TIME_ZONE).toBe('Europe/Kyiv');
    expect(() => loadConfig({ DEFAULT_TIME_ZONE: 'Atlantis/Capital' })).toThrow(/DEFAULT_TIME_ZONE must be an IANA time zone/);
  });
});
