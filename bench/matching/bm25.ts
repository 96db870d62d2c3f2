/**
 * The plain BM25 baseline: wink-bm25-text-search (k1 = 1.2, b = 0.75, one field) with wink-nlp-utils preparation:
 * lowercase, word tokens (tokenize0: runs of letters/digits), the library's English stop words removed, Porter2
 * (Snowball English) stems. No threshold: it always answers with its best `limit` documents that share a term.
 */
import bm25 from 'wink-bm25-text-search';
import nlp from 'wink-nlp-utils';

export interface Bm25Index {
  search(text: string, limit: number): string[];
}

const prep = [nlp.string.lowerCase, nlp.string.tokenize0, nlp.tokens.removeWords, nlp.tokens.stem];

export function bm25Index(docs: ReadonlyArray<{ id: string; text: string }>): Bm25Index {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { text: 1 }, bm25Params: { k1: 1.2, b: 0.75 } });
  engine.definePrepTasks(prep);
  for (const d of docs) engine.addDoc({ text: d.text }, d.id);
  engine.consolidate();
  return {
    search: (text, limit) => (engine.search(text, limit) as Array<[string, number]>).map(([id]) => id),
  };
}
