import { createHash, timingSafeEqual } from 'node:crypto';
import { bearerToken } from '../auth/bearer.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True if the header carries METRICS_TOKEN as a bearer token (compared in constant time). */
export function isMetricsToken(metricsToken: string, authorization: string | undefined): boolean {
  const bearer = bearerToken(authorization);
  return metricsToken !== '' && bearer !== null && timingSafeEqual(digest(bearer), digest(metricsToken));
}
