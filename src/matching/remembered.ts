/**
 * A pure reading of a text (or of a claim object), remembered. Ranking meets each candidate once per query claim,
 * and a long article's claims meet the same published candidates again and again: reading a text once instead of
 * once per pair took extraction's ranking from most of an article's CPU to a small part of it (bench hot-paths).
 * What it returns is shared: callers must not change it.
 */
export function perText<T>(read: (text: string) => T, max = 20_000): (text: string) => T {
  // Bounded, not an LRU: past `max` texts it starts again empty (the texts in use come back in one reading each).
  const seen = new Map<string, T>();
  return (text) => {
    let known = seen.get(text);
    if (known === undefined && !seen.has(text)) {
      known = read(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, known);
    }
    return known as T;
  };
}

/** The same for a claim object (the candidate rows of one ranking, the query claims): kept as long as the object. */
export function perObject<K extends object, T>(read: (key: K) => T): (key: K) => T {
  const seen = new WeakMap<K, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key) as T;
    const known = read(key);
    seen.set(key, known);
    return known;
  };
}
