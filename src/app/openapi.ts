import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_OPERATION, SESSION_OPERATION } from '../auth/auth.decorators.js';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { AppConfig } from '../config/config.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: Array<{ in: string }>;
  requestBody?: { content?: Record<string, Json> };
  responses: Record<string, Json & { description?: string; content?: Json }>;
  security?: unknown[];
  [extension: string]: unknown;
}
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The error body of every 4xx and 5xx answer (RFC 9457), as src/common/problem.filter.ts writes it. */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An error (RFC 9457 problem details). Some errors add members, e.g. currentStatus on an illegal status change.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://claimcheck.dev/problems/claim_not_found' },
    title: { type: 'string', example: 'Not Found' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string', description: 'What went wrong, for a person.', example: 'No claim with id 0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10.' },
    code: { type: 'string', description: 'Stable and machine-readable: branch on this.', example: 'claim_not_found' },
    instance: { type: 'string', description: 'The path of the request.', example: '/v1/claims/0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10' },
    requestId: { type: 'string', description: 'Also in the X-Request-Id header and the logs.' },
    errors: {
      type: 'array',
      description: 'Invalid input (400 bad_request): one entry per broken rule; detail joins their messages.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string', description: 'Dotted path of the field (quantity.value, sourceIds.1); for an unknown field, its key.', example: 'quantity.value' },
          message: { type: 'string', description: 'What is wrong with it, for a person.', example: 'quantity.value must be a number conforming to the specified constraints' },
        },
      },
    },
  },
  additionalProperties: true,
};

/** The errors every operation of a kind can answer, whatever its decorators say. */
const STANDARD_ERRORS: Array<{ status: string; description: string; applies: (path: string, method: string, op: Operation, secured: boolean) => boolean }> = [
  {
    status: '400',
    description: 'Invalid input: an unknown field, a wrong type, a malformed id, malformed JSON (codes bad_request, malformed_json).',
    // Routes without a body refuse fields sent to them, so every write can answer 400.
    applies: (path, method, op) => Boolean(op.requestBody || op.parameters?.length || path.includes('{') || method !== 'get'),
  },
  {
    status: '401',
    description:
      'No token or session cookie, an unknown, revoked or expired token (codes unauthorized, token_expired), or a session that ended or expired ' +
      '(codes unauthorized, session_expired); WWW-Authenticate: Bearer.',
    applies: (_p, _m, _o, secured) => secured,
  },
  {
    status: '403',
    description:
      "The caller's role may not do this (code forbidden); with the session cookie: a write without the session's X-CSRF-Token (code csrf_failed), " +
      'or a one-time password still to be replaced (code password_change_required).',
    applies: (_p, _m, _o, secured) => secured,
  },
  { status: '404', description: 'No such record (code <thing>_not_found).', applies: (path) => path.includes('{') },
  {
    status: '409',
    description: 'The state does not allow this, or another request changed the same records at the same moment (code concurrent_update, with Retry-After: nothing was saved, send it again).',
    applies: (_p, method) => method !== 'get',
  },
  { status: '413', description: 'The body is larger than MAX_BODY_BYTES (code payload_too_large).', applies: (_p, _m, op) => Boolean(op.requestBody) },
  {
    status: '415',
    description: 'The body is not sent as JSON (Content-Type application/json or application/*+json; code unsupported_media_type).',
    applies: (_p, _m, op) => Boolean(op.requestBody),
  },
  {
    status: '429',
    description: 'Consumer tokens only: more than RATE_LIMIT_PER_MINUTE requests in a minute (code too_many_requests; Retry-After says when to try again).',
    applies: (_p, _m, _o, secured) => secured,
  },
  { status: '500', description: 'An unexpected error; it is logged under the request id (code internal_error).', applies: () => true },
  {
    status: '503',
    description: 'Postgres or Redis cannot be reached (codes database_unavailable, queue_unavailable; Retry-After): nothing was changed, send it again.',
    applies: (path) => !path.startsWith('/health'),
  },
];

/** One realistic body per operation that takes one, shown by documentation tools and checked against the schema by redocly. */
const REQUEST_EXAMPLES: Record<string, unknown> = {
  ingestArticle: {
    url: 'https://news.example.org/2026/11/border-buildup',
    title: 'Troop buildup continues along the border',
    publisher: 'Example News',
    publishedAt: '2026-11-25T09:00:00Z',
    text: 'Russia has moved an estimated 100,000 troops to its border with Ukraine, Western officials said on Tuesday.',
    language: 'en',
  },
  retryArticle: { language: 'en' },
  startExtractionRerun: { since: '2026-11-01T00:00:00Z', extractorVersionBelow: '2.1.0' },
  updateClaim: { version: 3, subject: 'Russia', quantity: { value: 100000, unit: 'troops', qualifier: 'approximate' } },
  triageClaim: { action: 'dismiss', reason: 'opinion' },
  matchClaims: { text: 'Russia has massed about 100,000 soldiers near Ukraine.', limit: 5, publishedOnly: true },
  assignReviewTask: { editor: 'alice' },
  addSource: {
    url: 'https://stats.example.gov/report-2026',
    title: 'Annual force posture report',
    publisher: 'National Statistics Office',
    sourceType: 'official',
    publishedAt: '2026-11-20T00:00:00Z',
    excerpt: 'An estimated 127,000 troops were deployed near the border.',
    figure: { value: 127000, asOf: '2026-11-20' },
    stance: 'contradicts',
  },
  proposeVerdict: {
    rating: 'mostly_true', summary: 'Close to the official figure of 127,000.', sourceIds: ['0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10'],
    publication: { url: 'https://news.example.org/fact-checks/border-troops', headline: 'Fact check: are 100,000 troops at the border?', language: 'en', imageUrl: 'https://news.example.org/img/border.jpg' },
    claimReviewed: '100,000 Russian troops are at the Ukrainian border',
  },
  updateVerdictPublication: {
    publication: { url: 'https://news.example.org/fact-checks/border-troops', headline: 'Fact check: how many troops are at the border?', language: 'en' },
    claimReviewed: 'Russia has 100,000 troops at the Ukrainian border',
  },
  rejectVerdict: { reason: 'The source is from 2024; find a current figure.' },
  addArticleClaim: { start: 120, end: 181, category: 'casualties', quantity: { text: 'at least 52', low: 52, unit: 'killed', qualifier: 'lower_bound' }, reason: 'The toll in the second paragraph was not extracted.' },
  setPublisher: { timeZone: 'Europe/Kyiv' },
  addNote: { body: '@dana the ministry figure is from March; the article is from May. Is there a later report?' },
  markNotificationsRead: { ids: ['1042', '1043'] },
  correctVerdict: { rating: 'misleading', summary: 'A newer report puts the figure at 150,000.', reason: 'New official figures published on 2 December.', sourceIds: ['0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10'] },
  confirmRecheck: { note: 'The verdict rates the toll of 2 December, which the ministry did give as 40; the later 61 counts victims found since.', sourceIds: ['0b6c1f3e-8a55-4a9e-9d3e-2f1c7a9b5e10'] },
  createWebhook: { url: 'https://cms.example.org/hooks/claimcheck', events: ['verdict.published', 'verdict.corrected'] },
  updateWebhook: { events: ['verdict.published', 'verdict.corrected', 'article.extracted'] },
  rotateWebhookSecret: { overlapSeconds: 86400 },
  createToken: { name: 'alice', role: 'editor', label: 'cms-integration', expiresIn: '90d' },
  updateUser: { role: 'approver', disabled: false },
  createUser: { name: 'alice', role: 'editor' },
  signIn: { name: 'alice', password: 'correct horse battery staple' },
  changePassword: { currentPassword: 'Xq3v9Lm2Rt7pWz8kYb4n', newPassword: 'correct horse battery staple' },
};

/** The document served at /docs and /docs-json. */
export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Claimcheck API')
      .setDescription('Ingest articles, review extracted claims, read verdicts. Errors are application/problem+json (schema Problem).')
      .setVersion('1')
      .addServer(config.PUBLIC_BASE_URL)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (`npm run cli -- token create`, or POST /v1/tokens as admin).' })
      .addCookieAuth(
        SESSION_COOKIE,
        {
          type: 'apiKey',
          description: 'The desk session (POST /v1/auth/sign-in sets it). Writes made with it also need the X-CSRF-Token header (the session\'s csrfToken).',
        },
        'session',
      )
      .build(),
    // Operation ids are what generated clients call their functions: the handler's name unless @ApiOperation names it.
    { operationIdFactory: (_controller, method) => method },
  );
  return finishDocument(doc);
}

/**
 * The rules that hold for every operation, applied once here instead of decorators on each handler:
 * who may call it, the errors it can answer and their Problem body, and the request example.
 */
export function finishDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA } };
  const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      // The global guard's rule: a token or a desk session on every route but the @Public() ones; routes about the
      // session itself (@SessionRoute()) take the session cookie only.
      const secured = op[PUBLIC_OPERATION] !== true;
      const sessionOnly = op[SESSION_OPERATION] === true;
      delete op[PUBLIC_OPERATION];
      delete op[SESSION_OPERATION];
      op.security = !secured ? [] : sessionOnly ? [{ session: [] }] : [{ bearer: [] }, { session: [] }];

      for (const error of STANDARD_ERRORS) {
        if (!op.responses[error.status] && error.applies(path, method, op, secured)) op.responses[error.status] = { description: error.description };
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) response.content = problem;
      }

      const example = op.operationId ? REQUEST_EXAMPLES[op.operationId] : undefined;
      const json = op.requestBody?.content?.['application/json'];
      if (json && example !== undefined) json.example = example;
    }
  }
  return doc;
}
