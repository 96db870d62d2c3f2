import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True if the header carries METRICS_TOKEN as a bearer token (compared in constant time). */
export function isMetricsToken(metricsToken: string, authorization: string | undefined): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return metricsToken !== '' && bearer !== null && timingSafeEqual(digest(bearer[1]), digest(metricsToken));
}
