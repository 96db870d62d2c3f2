import { describe, expect, test } from '@jest/globals';
import { normalizeUrl, textHash } from '../../src/articles/normalize.js';
import { assertTransition, canTransition } from '../../src/claims/claim-state.js';
import { decodeCursor, encodeCursor } from '../../src/common/pagination.js';
import { loadConfig } from '../../src/config/config.js';

describe('normalizeUrl', () => {
  test('folds case of host, www, fragment, tracking parameters, trailing slash and default port', () => {
    expect(normalizeUrl('HTTPS://WWW.News.Example.org:443/World/Story/?utm_source=x&b=2&a=1#top')).toBe(
      'https://news.example.org/World/Story?a=1&b=2',
    );
  });
  test('keeps what identifies the page', () => {
    expect(normalizeUrl('https://example.org/story?id=7')).not.toBe(normalizeUrl('https://example.org/story?id=8'));
    expect(normalizeUrl('https://example.org/a')).not.toBe(normalizeUrl('https://example.org/b'));
  });
});

describe('textHash', () => {
  test('ignores whitespace differences but not wording', () => {
    expect(textHash('  One  two\n\nthree ')).toBe(textHash('One two three'));
    expect(textHash('One two three')).not.toBe(textHash('One two four'));
  });
});

describe('claim state machine', () => {
  test('allows the documented path', () => {
    expect(canTransition('queued', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'published')).toBe(true);
    expect(canTransition('awaiting_approval', 'in_review')).toBe(true);
    expect(canTransition('dismissed', 'queued')).toBe(true);
  });
  test('rejects illegal moves with a 409 naming the current state', () => {
    expect(canTransition('queued', 'published')).toBe(false);
    expect(canTransition('dismissed', 'in_review')).toBe(false);
    try {
      assertTransition('published', 'queued');
      throw new Error('should have thrown');
    } catch (err: any) {
      expect(err.getStatus()).toBe(409);
      expect(err.extra).toEqual({ currentStatus: 'published' });
    }
  });
});

describe('cursors', () => {
  test('round-trip and reject forgeries', () => {
    expect(decodeCursor(encodeCursor('12345'))).toBe('12345');
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(/cursor/);
  });
});

describe('configuration', () => {
  test('defaults apply when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/claimcheck');
    expect(config.REVIEW_LEASE_SECONDS).toBe(1800);
  });
  test('values are parsed from strings', () => {
    expect(loadConfig({ PORT: '8080', SWAGGER_ENABLED: 'false' })).toMatchObject({ PORT: 8080, SWAGGER_ENABLED: false });
  });
  test('a bad value fails with a message naming each bad variable', () => {
    const bad = () => loadConfig({ PORT: 'abc', REDIS_URL: 'http://x' });
    expect(bad).toThrow(/PORT="abc": .*integer/);
    expect(bad).toThrow(/REDIS_URL="http:\/\/x": REDIS_URL must be a redis:\/\/ URL/);
  });
  test('REQUIRE_CORRECTION_APPROVAL is on by default and, when unset, follows REQUIRE_APPROVAL', () => {
    expect(loadConfig({}).REQUIRE_CORRECTION_APPROVAL).toBe(true);
    expect(loadConfig({ REQUIRE_APPROVAL: 'false' }).REQUIRE_CORRECTION_APPROVAL).toBe(false);
    expect(loadConfig({ REQUIRE_APPROVAL: 'false', REQUIRE_CORRECTION_APPROVAL: 'true' }).REQUIRE_CORRECTION_APPROVAL).toBe(true);
    expect(loadConfig({ REQUIRE_CORRECTION_APPROVAL: 'no' }).REQUIRE_CORRECTION_APPROVAL).toBe(false);
  });
  test('desk sessions and sign-in limits: defaults, and bad values stop the boot', () => {
    expect(loadConfig({})).toMatchObject({
      SESSION_IDLE_MINUTES: 120, SESSION_ABSOLUTE_HOURS: 12,
      SIGN_IN_MAX_FAILURES_PER_NAME: 5, SIGN_IN_MAX_FAILURES_PER_ADDRESS: 20, SIGN_IN_WINDOW_MINUTES: 15,
    });
    expect(loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' })).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_ABSOLUTE_HOURS: 8 });
    const bad = () => loadConfig({ SESSION_IDLE_MINUTES: '0', SESSION_ABSOLUTE_HOURS: 'a day', SIGN_IN_MAX_FAILURES_PER_NAME: '-1' });
    expect(bad).toThrow(/SESSION_IDLE_MINUTES="0"/);
    expect(bad).toThrow(/SESSION_ABSOLUTE_HOURS="a day"/);
    expect(bad).toThrow(/SIGN_IN_MAX_FAILURES_PER_NAME="-1"/);
  });
  test('a bad secret setting is named but its value is not printed', () => {
    const bad = () => loadConfig({ METRICS_TOKEN: 'short-secret' });
    expect(bad).toThrow(/METRICS_TOKEN=\[redacted, 12 characters\]/);
    expect(bad).not.toThrow(/short-secret/);
  });
  test('a boolean takes true/false/1/0/yes/no in any case, and anything else stops the boot naming the variable', () => {
    for (const [raw, value] of [['TRUE', true], ['Yes', true], ['1', true], ['false', false], ['NO', false], ['0', false]] as const) {
      expect(loadConfig({ REQUIRE_APPROVAL: raw }).REQUIRE_APPROVAL).toBe(value);
    }
    for (const typo of ['ture', 'flase', 'off?', 'enabled']) {
      expect(() => loadConfig({ REQUIRE_APPROVAL: typo })).toThrow(new RegExp(`REQUIRE_APPROVAL="${typo.replace('?', '\\?')}": REQUIRE_APPROVAL must be one of true, false, 1, 0, yes, no`));
    }
    const both = () => loadConfig({ SWAGGER_ENABLED: 'ture', WEBHOOK_ALLOW_PRIVATE: 'nope' });
    expect(both).toThrow(/SWAGGER_ENABLED="ture"/);
    expect(both).toThrow(/WEBHOOK_ALLOW_PRIVATE="nope"/);
  });
});
