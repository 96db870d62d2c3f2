/** Retrieval metrics for the matching benchmark. Pure: labels and ranked answers in, numbers out. */

export interface QueryLabel {
  id: string;
  /** The fact-check url a correct system ranks first, or null when nothing should be returned. */
  expected: string | null;
  tags: readonly string[];
  /** Fact-check urls that must never rank first for this query. */
  contradicts: readonly string[];
}

/**
 * A system's answer to one query: fact-check urls, best first (empty when it returns nothing). `answered` false marks
 * a list of related claims given instead of an answer (our matcher below its threshold): it counts for recall@5, not as
 * an answer. Without the flag, any non-empty list is an answer (BM25).
 */
export interface Answer {
  id: string;
  ranked: readonly string[];
  answered?: boolean;
}

export interface TagMetrics {
  /** Queries with this tag and an expected answer, and recall@5 over them (null when there are none). */
  withExpected: number;
  recallAt5: number | null;
  /** Queries with this tag and expected null, and how many of them got an answer anyway. */
  expectedNull: number;
  nullAnswered: number;
}

export interface Metrics {
  queries: number;
  withExpected: number;
  expectedNull: number;
  /** Over queries with an expected answer: the first answer is the expected one (a related list is no answer). */
  recallAt1: number;
  /** Over queries with an expected answer: the expected one is in the top k of the list, an answer's or a related list. */
  recallAt5: number;
  /** The same, answers only (related lists left out). */
  recallAt5Answered: number;
  /** Queries (all) where the system returned anything, and that share of all queries. */
  answered: number;
  answerRate: number;
  /** Among answered queries, the share whose first result is the expected one (expected null: any answer is wrong). */
  firstAnswerPrecision: number | null;
  /** Queries with expected null that got an answer. */
  nullAnswered: number;
  /** recall@5 over queries tagged same-number that have an expected answer. */
  sameNumber: { withExpected: number; recallAt5: number | null };
  /** Answered queries whose first answer is a url listed in `contradicts`. */
  contradictsFirst: number;
  contradictsFirstIds: string[];
  /** Queries where such a url heads any list, a related list included. */
  contradictsFirstListed: number;
  perTag: Record<string, TagMetrics>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function computeMetrics(labels: readonly QueryLabel[], answers: readonly Answer[], k = 5): Metrics {
  const byId = new Map(answers.map((a) => [a.id, a]));
  let withExpected = 0, hit1 = 0, hitK = 0, hitKAnswered = 0, answered = 0, firstRight = 0, nullAnswered = 0, contradictsFirst = 0, contradictsListed = 0;
  let sameN = 0, sameHit = 0;
  const contradictsFirstIds: string[] = [];
  const tags: Record<string, { we: number; hit: number; en: number; na: number }> = {};
  for (const q of labels) {
    const answer = byId.get(q.id);
    if (answer === undefined) throw new Error(`no answer for query ${q.id}`);
    const { ranked } = answer;
    const isAnswer = ranked.length > 0 && answer.answered !== false;
    const first = ranked[0];
    const inTopK = q.expected !== null && ranked.slice(0, k).includes(q.expected);
    if (ranked.length > 0 && q.contradicts.includes(first)) contradictsListed++;
    if (isAnswer) {
      answered++;
      if (q.expected !== null && first === q.expected) firstRight++;
      if (q.contradicts.includes(first)) {
        contradictsFirst++;
        contradictsFirstIds.push(q.id);
      }
    }
    if (q.expected !== null) {
      withExpected++;
      if (isAnswer && first === q.expected) hit1++;
      if (inTopK) hitK++;
      if (inTopK && isAnswer) hitKAnswered++;
      if (q.tags.includes('same-number')) {
        sameN++;
        if (inTopK) sameHit++;
      }
    } else if (isAnswer) {
      nullAnswered++;
    }
    for (const t of q.tags) {
      const s = (tags[t] ??= { we: 0, hit: 0, en: 0, na: 0 });
      if (q.expected !== null) {
        s.we++;
        if (inTopK) s.hit++;
      } else {
        s.en++;
        if (isAnswer) s.na++;
      }
    }
  }
  return {
    queries: labels.length,
    withExpected,
    expectedNull: labels.length - withExpected,
    recallAt1: ratio(hit1, withExpected) ?? 0,
    recallAt5: ratio(hitK, withExpected) ?? 0,
    recallAt5Answered: ratio(hitKAnswered, withExpected) ?? 0,
    answered,
    answerRate: ratio(answered, labels.length) ?? 0,
    firstAnswerPrecision: ratio(firstRight, answered),
    nullAnswered,
    sameNumber: { withExpected: sameN, recallAt5: ratio(sameHit, sameN) },
    contradictsFirst,
    contradictsFirstIds,
    contradictsFirstListed: contradictsListed,
    perTag: Object.fromEntries(Object.entries(tags).sort(([a], [b]) => a.localeCompare(b)).map(([t, s]) => [t, {
      withExpected: s.we, recallAt5: ratio(s.hit, s.we), expectedNull: s.en, nullAnswered: s.na,
    }])),
  };
}
