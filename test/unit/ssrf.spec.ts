import { describe, expect, test } from '@jest/globals';
import { isPrivateAddress, resolveTarget, UnresolvableTargetError, UnsafeTargetError } from '../../src/webhooks/ssrf.js';

describe('webhook targets (SSRF)', () => {
  test.each([
    '127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '192.0.2.10', '224.0.0.1',
    '::1', '::', 'fe80::1', 'fd00::1', 'ff02::1',
    '::ffff:127.0.0.1', // IPv4-mapped
    '::7f00:1', // IPv4-compatible (::127.0.0.1)
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '64:ff9b:1::a00:1', // local-use NAT64
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    '2001:db8::1', // documentation
  ])('%s is refused', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  test.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001:82a::200e'])('%s is a public address', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  test('a literal private address is refused without a DNS lookup; allowed when private targets are', async () => {
    await expect(resolveTarget(new URL('http://[::ffff:10.0.0.1]/h'), false)).rejects.toBeInstanceOf(UnsafeTargetError);
    await expect(resolveTarget(new URL('http://127.0.0.1:9/h'), true)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(resolveTarget(new URL('file:///etc/passwd'), true)).rejects.toBeInstanceOf(UnsafeTargetError);
  });

  test('a name that does not resolve is its own error (retried at delivery, refused at creation)', async () => {
    await expect(resolveTarget(new URL('http://no-such-host.invalid/h'), false)).rejects.toBeInstanceOf(UnresolvableTargetError);
  });
});
