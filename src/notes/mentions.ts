/**
 * `@name` mentions in a note. User names may hold letters, digits and `_ . @ -` (users.dto.ts); a mention starts
 * at an `@` that does not follow a word character (so an e-mail address is not a mention) and drops the sentence
 * punctuation a name cannot end with ("thanks @dana." mentions dana).
 */
const MENTION = /(?<![\w@.])@([\w.@-]{1,100})/g;

export function mentionedNames(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(MENTION)) {
    const name = m[1].replace(/[.@-]+$/, '');
    if (name) names.add(name.toLowerCase());
  }
  return [...names];
}
