import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable, Transform } from 'node:stream';

/**
 * Deepest nesting of objects and arrays a request body may have. Our deepest DTO is two levels; the
 * limit is far above that and far below what exhausts the stack of anything that walks a body
 * (class-transformer, class-validator, our own input checks).
 */
export const MAX_JSON_DEPTH = 32;

export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];

const [OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY, QUOTE, BACKSLASH] = [0x7b, 0x5b, 0x7d, 0x5d, 0x22, 0x5c];

/**
 * True when the JSON text nests deeper than `max`: one pass over the bytes, brackets inside strings ignored.
 * Strings (most of a body: an article's text) are skipped with the native indexOf, not byte by byte.
 */
export function nestsDeeperThan(json: Buffer, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === QUOTE) {
      // The closing quote is the next one preceded by an even number of backslashes.
      for (;;) {
        const end = json.indexOf(QUOTE, i + 1);
        if (end === -1) return false; // unterminated: JSON.parse reports it
        let backslashes = 0;
        while (json[end - 1 - backslashes] === BACKSLASH) backslashes++;
        i = end;
        if (backslashes % 2 === 0) break;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** A UTF-16 body as UTF-8; a charset the platform cannot decode (UTF-32) is a 415, like any unsupported charset. */
function reencoded(buf: Buffer, encoding: string): Buffer {
  try {
    return Buffer.from(new TextDecoder(encoding, { fatal: true }).decode(buf));
  } catch {
    throw unsupportedCharset(encoding);
  }
}

const unsupportedCharset = (charset: string) =>
  Object.assign(new Error(`unsupported charset "${charset.toUpperCase()}": send UTF-8`), { status: 415, type: 'charset.unsupported' });

/** The charset parameter of the request's Content-Type, lower-cased; utf-8 when there is none. */
function charsetOf(req: FastifyRequest): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '');
  return match ? match[1].toLowerCase() : 'utf-8';
}

/** A JSON media type (application/json, application/*+json) in a Content-Type header, parameters aside. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * The API's body parsers, in place of Fastify's own (bodyParser: false at creation): JSON, with a nesting limit
 * checked before JSON.parse (which would build the whole tree first), so too deep is a 400 (`entity.too.deep`,
 * see bodyParserProblem), not a stack overflow later. `textRoute` (the fact-check import) takes its body as text
 * (JSON, or `textRoute.mediaTypes`), up to its own limit, for a parser of its own. Any other media type is left
 * unread: the route decides (415 from BodyContractInterceptor, after the guard), as it does for a request without a body.
 */
export function registerBodyParsers(
  fastify: FastifyInstance,
  { limit, textRoute }: { limit: number; textRoute: { path: string; limit: number; mediaTypes: string[] } },
): void {
  fastify.removeAllContentTypeParsers();
  // On every route, so that a 413 can say which limit it was (request.routeOptions.bodyLimit).
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit ??= route.url === textRoute.path ? textRoute.limit : limit;
  });
  fastify.addHook('preParsing', async (req, _reply, payload) => inflated(req, payload));
  const asText = (req: FastifyRequest) => req.routeOptions.url === textRoute.path;
  fastify.addContentTypeParser(JSON_TYPE, { parseAs: 'buffer', bodyLimit: limit }, (req, body: Buffer, done) => {
    const text = decoded(req, body as Buffer);
    if (asText(req)) return done(null, text);
    if (text === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(Object.assign(err as Error, { status: 400, type: 'entity.parse.failed' }), undefined);
    }
  });
  fastify.addContentTypeParser(textRoute.mediaTypes, { parseAs: 'buffer', bodyLimit: limit }, (req, body: Buffer, done) =>
    done(null, asText(req) ? decoded(req, body as Buffer) : undefined),
  );
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
}

/**
 * A compressed body (Content-Encoding gzip, deflate or br), inflated before it is parsed, as body-parser did; the
 * limits apply to the inflated bytes. Another encoding is a 415; a body that does not inflate, a 400.
 */
function inflated(req: FastifyRequest, payload: Readable): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const hasBody = req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0';
  if (encoding === 'identity' || !hasBody) return payload;
  const inflate: Transform | null =
    encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  if (!inflate) {
    throw Object.assign(new Error(`unsupported content encoding "${encoding}"`), { status: 415, type: 'encoding.unsupported' });
  }
  // Fastify checks Content-Length against the bytes received, which are the compressed ones.
  const out = inflate as Transform & { receivedEncodedLength: number };
  out.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => (out.receivedEncodedLength += chunk.length));
  payload.on('error', (err) => out.destroy(err));
  return payload.pipe(out);
}

/** The body as text, checked for nesting (see verifyDepth); errors carry their status and type, as body-parser's did. */
function decoded(req: FastifyRequest, body: Buffer): string {
  const charset = charsetOf(req);
  if (!/^utf-?(8|16(le|be)?|32(le|be)?)$/.test(charset)) throw unsupportedCharset(charset);
  verifyDepth(body, charset);
  return /^utf-?8$/.test(charset) ? body.toString('utf8') : new TextDecoder(charset).decode(body);
}

/** A body nested deeper than MAX_JSON_DEPTH is a 400 (`entity.too.deep`). */
export function verifyDepth(buf: Buffer, encoding: string): void {
  // UTF-8 multi-byte sequences never contain ASCII bytes, so brackets can be counted on the bytes;
  // UTF-16/32 bodies are re-encoded first.
  const bytes = !encoding || /^utf-?8$/i.test(encoding) ? buf : reencoded(buf, encoding);
  if (nestsDeeperThan(bytes, MAX_JSON_DEPTH)) {
    throw Object.assign(new Error(`body nested deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
}
