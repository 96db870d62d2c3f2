import express from 'express';

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

/**
 * express.json with a nesting limit checked before JSON.parse (which would build the whole tree first):
 * too deep is a 400 (`entity.too.deep`, see bodyParserProblem), not a stack overflow later.
 */
/** A UTF-16 body as UTF-8; a charset the platform cannot decode (UTF-32) is a 415, like any unsupported charset. */
function reencoded(buf: Buffer, encoding: string): Buffer {
  try {
    return Buffer.from(new TextDecoder(encoding, { fatal: true }).decode(buf));
  } catch {
    throw Object.assign(new Error(`unsupported charset "${encoding.toUpperCase()}": send UTF-8`), { status: 415, type: 'charset.unsupported' });
  }
}

export function jsonBodyParser(limit: number) {
  return express.json({ limit, type: JSON_MEDIA_TYPES, verify: verifyDepth });
}

/** body-parser's `verify` hook: a body nested deeper than MAX_JSON_DEPTH is a 400 (`entity.too.deep`). */
export function verifyDepth(_req: unknown, _res: unknown, buf: Buffer, encoding: string): void {
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
