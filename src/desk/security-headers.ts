import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The desk renders article text and user input as text only; the policy is the second line: scripts only
 * from our own origin (no inline script, no eval), no plugins, no framing, requests only to our own API.
 * Inline style *attributes* are not allowed either; React sets styles through the CSSOM, which CSP permits.
 */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/**
 * helmet's standard headers (nosniff, frame-ancestors, referrer policy, HSTS behind https...) on every
 * answer, with the desk's policy. /docs (Swagger UI) and /admin/queues (Bull Board) ship inline code of
 * their own, so they keep helmet's other headers but not this policy.
 */
export function securityHeaders(): RequestHandler {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES } });
  const relaxed = helmet({ contentSecurityPolicy: false });
  return (req, res, next) => ((/^\/(docs|admin\/queues)(\/|-json|$)/.test(req.path) ? relaxed : strict)(req, res, next));
}
