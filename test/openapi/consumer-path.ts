// The consumer path, written against the client generated from /docs-json (test/.generated/client).
// It is type-checked with tsc against that client, then run against the live API: if a route, a
// body or a response field drifts from the OpenAPI document, this file stops compiling or the run fails.
import {
  addSource,
  approveVerdict,
  getArticle,
  getClaim,
  getClaimReview,
  ingestArticle,
  leaseReviewTask,
  listArticleClaims,
  listClaims,
  listVerdicts,
  proposeVerdict,
  type ClaimDetailDto,
  type VerdictFeedDto,
} from '../.generated/client/index.js';
import { createClient } from '../.generated/client/client/index.js';

export interface ConsumerPathResult {
  claim: ClaimDetailDto;
  feed: VerdictFeedDto;
  claimReviewType: string;
  searchHits: number;
}

/** The response body, or an error carrying the problem+json the API sent. */
async function need<T>(call: Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (data === undefined || error !== undefined) throw new Error(`${response?.status}: ${JSON.stringify(error)}`);
  return data;
}

export async function consumerPath(
  baseUrl: string,
  tokens: { editor: string; approver: string; consumer: string },
  text: string,
): Promise<ConsumerPathResult> {
  const as = (token: string) => createClient({ baseUrl, auth: token });
  const editor = as(tokens.editor);
  const approver = as(tokens.approver);
  const consumer = as(tokens.consumer);

  const ingested = await need(ingestArticle({
    client: editor,
    body: { title: 'Generated client', text, url: 'https://news.example.org/generated-client', publishedAt: '2026-11-25T09:00:00Z' },
  }));
  for (let i = 0; i < 200; i++) {
    // Extraction and unpublished claims are the desk's business: the editor watches them, the consumer reads the result.
    const article = await need(getArticle({ client: editor, path: { id: ingested.id } }));
    if (article.status === 'extracted') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const claims = await need(listArticleClaims({ client: editor, path: { id: ingested.id } }));
  const numeric = claims.find((c) => c.quantity !== null);
  if (!numeric) throw new Error('no numeric claim extracted');

  // 204 (no task left) has no body: the generated type says so.
  for (;;) {
    const leased = await need(leaseReviewTask({ client: editor }));
    if (!leased) throw new Error('the review queue ran dry before our claim came up');
    if (leased.claimId === numeric.id) break;
  }

  const source = await need(addSource({
    client: editor,
    path: { id: numeric.id },
    body: { url: 'https://stats.example.gov/t', title: 'Official', sourceType: 'official', figure: { value: 101000 } },
  }));
  const proposed = await need(proposeVerdict({
    client: editor,
    path: { id: numeric.id },
    body: { rating: 'true', summary: 'Matches the official figure.', sourceIds: [source.id] },
  }));
  await need(approveVerdict({ client: approver, path: { id: proposed.id } }));

  const claim = await need(getClaim({ client: consumer, path: { id: numeric.id } }));
  const published = await need(listArticleClaims({ client: consumer, path: { id: ingested.id } }));
  if (published.map((c) => c.id).join() !== numeric.id) throw new Error('a consumer should see the published claim of the article, and only it');
  const feed = await need(listVerdicts({ client: consumer, query: { limit: 10 } }));
  const review = await need(getClaimReview({ client: consumer, path: { id: numeric.id } }));
  const search = await need(listClaims({ client: consumer, query: { q: 'troops', limit: 5 } }));
  return { claim, feed, claimReviewType: review['@type'], searchHits: search.items.length };
}
