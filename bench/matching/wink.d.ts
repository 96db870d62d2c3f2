// Minimal declarations for the two wink packages the BM25 baseline uses (they ship no types).
declare module 'wink-bm25-text-search' {
  type PrepTask = (input: any) => any;
  interface Bm25Engine {
    defineConfig(cfg: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number } }): boolean;
    definePrepTasks(tasks: PrepTask[], field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
  }
  const bm25: () => Bm25Engine;
  export default bm25;
}
declare module 'wink-nlp-utils' {
  const nlp: {
    string: { lowerCase(s: string): string; tokenize0(s: string): string[] };
    tokens: { removeWords(t: string[]): string[]; stem(t: string[]): string[] };
  };
  export default nlp;
}
