import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { loadConfig, trustProxySetting } from '../../src/config/config.js';

describe('TRUST_PROXY', () => {
  test('what Express accepts: a hop count, true/false, addresses, CIDRs and names', () => {
    expect(trustProxySetting('loopback')).toEqual(['loopback']);
    expect(trustProxySetting('2')).toBe(2);
    expect(trustProxySetting('TRUE')).toBe(true);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1, uniquelocal')).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.1', 'uniquelocal']);
    expect(loadConfig({}).TRUST_PROXY).toBe('loopback');
  });

  test('anything else stops the boot, naming the variable and the bad entry', () => {
    for (const bad of ['loopbak', '10.0.0.0/33', '10.0.0.0/8/1', 'proxy.example.org', '1.2.3']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY=.*is not a proxy address/);
    }
  });
});
