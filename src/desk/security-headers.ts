import helmet from 'helmet';
import type { FastifyReply, FastifyRequest } from 'fastify';

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
 * their own, so they keep helmet's other headers but not this policy. An onRequest hook: helmet sets them on the
 * Node response, which Fastify merges into whatever answers (errors, 404s and streams included).
 */
export function securityHeaders() {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES } });
  const relaxed = helmet({ contentSecurityPolicy: false });
  return (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) =>
    (/^\/(docs|admin\/queues)(\/|-json|$|\?)/.test(req.url) ? relaxed : strict)(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
}
