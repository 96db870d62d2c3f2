import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Addresses a webhook may never reach unless WEBHOOK_ALLOW_PRIVATE=true: loopback, private, link-local (cloud metadata), etc. */
// Two lists: Node checks an IPv4 address against IPv6 rules too (as ::a.b.c.d), which ::/96 would then match.
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.51.100.0', 24], ['203.0.113.0', 24], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blockedV4.addSubnet(net, prefix, 'ipv4');
// IPv6 also covers the forms that carry an IPv4 address inside (mapped, compatible, NAT64, 6to4,
// Teredo), since any of them can point back at a private IPv4 network.
for (const [net, prefix] of [
  ['::', 96], ['::1', 128], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 32],
  ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  return family === 4 ? blockedV4.check(address, 'ipv4') : blockedV6.check(address, 'ipv6');
}

export class UnsafeTargetError extends Error {}

/** The name did not resolve (ENOTFOUND, EAI_AGAIN, ...): may be transient, so a delivery retries it. */
export class UnresolvableTargetError extends Error {}

async function resolveAll(host: string) {
  try {
    return await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    throw new UnresolvableTargetError(`${host} does not resolve (${(err as { code?: string }).code ?? String(err)})`);
  }
}

/**
 * Resolves the host once and checks every address; the caller connects to the returned address
 * (not the name again), so DNS cannot be switched between the check and the connection.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UnsafeTargetError(`scheme ${url.protocol} is not allowed`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) as 4 | 6 }] : await resolveAll(host);
  if (addresses.length === 0) throw new UnsafeTargetError(`${host} does not resolve`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) throw new UnsafeTargetError(`${host} resolves to ${bad.address}, a private or reserved address`);
  }
  return { address: addresses[0].address, family: addresses[0].family as 4 | 6 };
}
