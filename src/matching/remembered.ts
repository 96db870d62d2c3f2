/**
 * A pure reading of a text (or of a claim object), remembered. Ranking meets each candidate once per query claim,
 * and a long article's claims meet the same published candidates again and again: reading a text once instead of
 * once per pair took extraction's ranking from most of an article's CPU to a small part of it (bench hot-paths).
 * What it returns is shared: callers must not change it.
 */
export function perText<T>(read: (text: string) => T, max = PER_TEXT_MAX): (text: string) => T {
  // Two generations, each of up to max / 2 texts: a text is looked up in the recent one, then in the older one (and
  // moved up when found there); when the recent one is full it becomes the older, and the older is forgotten. Texts in
  // use (the published claims a worker meets with every article) stay; the texts met once (each new article's claims)
  // are forgotten after two generations instead of filling a cache of tens of thousands of readings, which the garbage
  // collector then carries (bench hot-paths: CPU on V8's helper threads).
  const half = Math.max(1, Math.floor(max / 2));
  let recent = new Map<string, T>();
  let older = new Map<string, T>();
  const keep = (text: string, value: T) => {
    if (recent.size >= half) {
      older = recent;
      recent = new Map();
    }
    recent.set(text, value);
  };
  return (text) => {
    const known = recent.get(text);
    if (known !== undefined || recent.has(text)) return known as T;
    if (older.has(text)) {
      const value = older.get(text) as T;
      older.delete(text);
      keep(text, value);
      return value;
    }
    const value = read(text);
    keep(text, value);
    return value;
  };
}

/**
 * Texts each perText remembers at most. The published claims of the bench's worker (3,052) fit; a day of a newsroom's
 * new claims does not need to. (The API's search meets more candidates than that; each request's are read at most
 * once per request whatever the bound.)
 */
const PER_TEXT_MAX = 4_000;

/** The same for a claim object (the candidate rows of one ranking, the query claims): kept as long as the object. */
export function perObject<K extends object, T>(read: (key: K) => T): (key: K) => T {
  const seen = new WeakMap<K, T>();
  return (key) => {
    // (one lookup when known: a reading is never undefined but the check keeps that exact)
    const seenBefore = seen.get(key);
    if (seenBefore !== undefined || seen.has(key)) return seenBefore as T;
    const known = read(key);
    seen.set(key, known);
    return known;
  };
}
