import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, NotFoundException, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Logger as PinoLogger } from 'pino';
import { allowedMethods } from './allowed-methods.js';
import { concurrentUpdate, ProblemException, type ProblemDetails } from './problem.js';

/** RFC 6750 §3: a 401 tells the client which scheme to use; the guard adds error="invalid_token" when one was sent. */
export const BEARER_CHALLENGE = 'Bearer realm="claimcheck"';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'unavailable',
};

export function problemFor(status: number, detail: string, code?: string, extra: Record<string, unknown> = {}): ProblemDetails {
  const title = STATUS_CODES[status] ?? 'Error';
  const c = code ?? CODE_BY_STATUS[status] ?? 'error';
  return { type: `https://claimcheck.dev/problems/${c}`, title, status, detail, code: c, ...extra };
}

/** Which problem an answer was, for its request log line (src/app/http.ts); kept on the Node response the log reads. */
const PROBLEM = Symbol('problem');
type WithProblem = ServerResponse & { [PROBLEM]?: { code: string; detail: string } };
export const problemOf = (res: ServerResponse) => {
  const problem = (res as WithProblem)[PROBLEM];
  return problem ? { problem } : {};
};

export function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: ProblemDetails): void {
  // Headers that belong to the error (Retry-After on 429) travel in `headers` and are not part of the body.
  const { headers, ...body } = problem as ProblemDetails & { headers?: Record<string, string> };
  if (headers) reply.headers(headers);
  if (problem.status === 401 && !reply.hasHeader('WWW-Authenticate')) reply.header('WWW-Authenticate', BEARER_CHALLENGE);
  problem = body as ProblemDetails;
  (reply.raw as WithProblem)[PROBLEM] = { code: problem.code, detail: problem.detail };
  reply
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem, instance: req.url, requestId: String(req.id) }));
}

/**
 * Turns whatever was thrown into problem+json. The request log line (pino-http) records every answer
 * once; errors nobody expected add one line with the stack, on the request's logger so it carries the
 * request id. Expected ones (4xx, the 409 of a lost race) need no more than the request line.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const res = ctx.getResponse<FastifyReply>();
    if (res.sent || res.raw.headersSent) return;
    const problem = this.methodNotAllowed(error, req) ?? this.toProblem(error, req);
    if (problem.unexpected) this.logUnexpected(error, req);
    sendProblem(req, res, problem.details);
  }

  private logUnexpected(error: unknown, req: FastifyRequest): void {
    const message = `unexpected error on ${req.method} ${req.url}: ${error instanceof Error ? error.message : String(error)}`;
    // The request log's child logger (pino-http, src/app/http.ts), which carries the request id.
    const log = (req.raw as { log?: PinoLogger }).log;
    if (log) log.error({ context: 'ProblemFilter', err: error }, message);
    else this.logger.error(message, error instanceof Error ? error.stack : undefined);
  }

  /**
   * Nest answers a request no route matched with a NotFoundException, before any route ran (so no
   * is404). If the path exists under other methods, the truth is 405 with the methods it accepts.
   */
  private methodNotAllowed(error: unknown, req: FastifyRequest): Outcome | null {
    if (!(error instanceof NotFoundException) || !req.is404) return null;
    const path = req.url.split('?')[0];
    const allow = allowedMethods(req.server, path);
    if (allow.length === 0) return null;
    return expected(
      problemFor(HttpStatus.METHOD_NOT_ALLOWED, `${req.method} is not allowed on ${path}; it accepts ${allow.join(', ')}.`, undefined, {
        headers: { Allow: allow.join(', ') },
      }),
    );
  }

  private toProblem(error: unknown, req: FastifyRequest): Outcome {
    // Fastify's own 4xx errors (413 too large, 400 a bad Content-Length) reach the filter as HttpExceptions that
    // Nest made of them (their `cause`); the problem is said from the original.
    if (error instanceof HttpException && (error.cause as { name?: unknown } | undefined)?.name === 'FastifyError') error = error.cause;
    if (error instanceof ProblemException) {
      return expected(problemFor(error.getStatus(), error.message, error.code, error.extra));
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      let detail = error.message;
      if (typeof body === 'object' && body !== null && 'message' in body) {
        const message = (body as { message: unknown }).message;
        detail = Array.isArray(message) ? message.join('; ') : String(message);
      }
      return { details: problemFor(status, detail), unexpected: status >= 500 };
    }
    // Body parser errors carry their own status (400 malformed JSON or too deep, 415 charset; json-body.ts), and
    // Fastify's their statusCode (413 too large, 400 a bad Content-Length).
    const httpish = error as { status?: number; statusCode?: number; code?: string; type?: string; message?: string } | null;
    const status = httpish?.status ?? httpish?.statusCode;
    if (httpish && typeof status === 'number' && status >= 400 && status < 500) {
      const type = httpish.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'entity.too.large' : httpish.type;
      return expected(bodyParserProblem({ status, type, message: httpish.message, limit: req.routeOptions.bodyLimit }));
    }
    // A dependency that is down is the operator's news, not a bug: its request line (503 database_unavailable) says it.
    const unavailable = dependencyUnavailableProblem(error);
    if (unavailable) return expected(unavailable);
    // A lost race is normal under load: its request line (409 concurrent_update) says enough.
    const transient = transientDatabaseProblem(error);
    if (transient) return expected(transient);
    // Input the DTOs let through but Postgres refused is still a bug to fix: logged with its stack.
    const rejected = rejectedByDatabase(error);
    if (rejected) return { details: rejected, unexpected: true };
    return { details: problemFor(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred. It has been logged.'), unexpected: true };
  }
}

/** A problem, and whether it deserves an error line with its stack besides the request line. */
interface Outcome {
  details: ProblemDetails;
  unexpected: boolean;
}
const expected = (details: ProblemDetails): Outcome => ({ details, unexpected: false });

export function bodyParserProblem(err: { status?: number; type?: string; message?: string; limit?: number }): ProblemDetails {
  switch (err.type) {
    case 'entity.too.large':
      return problemFor(413, `Request body exceeds the limit of ${err.limit ?? 'the configured'} bytes.`);
    case 'entity.too.deep':
      return problemFor(400, `${err.message}.`, 'body_too_deep');
    case 'entity.parse.failed':
      return problemFor(400, `Malformed JSON in request body: ${err.message ?? 'parse error'}.`, 'malformed_json');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problemFor(415, err.message ?? 'Unsupported body encoding.');
    default:
      return problemFor(err.status ?? 400, err.message ?? 'Bad request.');
  }
}

/**
 * Postgres aborts one side of a deadlock (40P01) or a serialization conflict (40001); nothing was
 * written, and the same request is expected to succeed when sent again, so the client hears 409 with
 * that advice rather than an opaque 500.
 */
export function transientDatabaseProblem(error: unknown): ProblemDetails | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '40P01' || code === '40001') {
    const e = concurrentUpdate();
    return problemFor(e.getStatus(), e.message, e.code, e.extra);
  }
  return null;
}

/** Seconds a client is asked to wait when a dependency is down; reconnection is attempted well within it. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** Errors that mean "the connection", not "this query": refused, reset, terminated, shut down, no slot in time. */
export const CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Postgres: admin shutdown, crash shutdown, cannot connect now (starting or stopping), too many connections. */
const POSTGRES_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300']);
const POSTGRES_CONNECTION_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|terminating connection/i;
const REDIS_MESSAGE = /Stream isn't writeable|enableOfflineQueue|Command timed out|Redis did not answer|MaxRetriesPerRequest|Reached the max retries per request/i;

/**
 * A dependency that is down is not the request's fault, and not a bug: 503 with Retry-After and a code
 * that names it (database_unavailable, queue_unavailable), so clients retry and operators know where to look.
 * TypeORM wraps driver errors (driverError); causes are followed too.
 */
export function dependencyUnavailableProblem(error: unknown): ProblemDetails | null {
  const dependency = unavailableDependency(error);
  if (!dependency) return null;
  const [code, what] = dependency === 'database' ? ['database_unavailable', 'The database'] : ['queue_unavailable', 'The job queue (Redis)'];
  return problemFor(
    HttpStatus.SERVICE_UNAVAILABLE,
    `${what} cannot be reached at the moment; nothing was changed by this request. Retry in ${DEPENDENCY_RETRY_AFTER_SECONDS} s.`,
    code,
    { headers: { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) } },
  );
}

function unavailableDependency(error: unknown, depth = 0): 'database' | 'queue' | null {
  if (!error || typeof error !== 'object' || depth > 4) return null;
  const e = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown; cause?: unknown; port?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.name === 'MaxRetriesPerRequestError' || REDIS_MESSAGE.test(message) || e.code === 'QUEUE_TIMEOUT') return 'queue';
  if (typeof e.code === 'string' && POSTGRES_UNAVAILABLE.has(e.code)) return 'database';
  if (POSTGRES_CONNECTION_MESSAGE.test(message)) return 'database';
  // A refused or reset socket: Redis errors are recognised above by ioredis' own messages; the API reaches
  // Redis only through fail-fast producers, so a bare socket error on the request path is Postgres's pool.
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return 'database';
  return unavailableDependency(e.driverError, depth + 1) ?? unavailableDependency(e.cause, depth + 1);
}

/**
 * A safety net, not the validation: input that passed the DTOs but that Postgres still refuses (a value
 * out of range, a constraint) is the client's to fix, so it gets 400/409/422 instead of 500. It is still
 * logged as an error, because the DTO should have caught it.
 */
/** Postgres errors that mean "this value", not "this query": string too long, number out of range, bad date or number text. */
const VALUE_ERRORS = new Set(['22001', '22003', '22007', '22008', '22P02']);
const CONSTRAINT_ERRORS = new Set(['23502', '23503', '23505', '23514']);

export function rejectedByDatabase(error: unknown): ProblemDetails | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(VALUE_ERRORS.has(code) || CONSTRAINT_ERRORS.has(code))) return null;
  if (VALUE_ERRORS.has(code)) return problemFor(HttpStatus.BAD_REQUEST, 'A value in the request is out of range or malformed.', 'invalid_value');
  if (code === '23505') return problemFor(HttpStatus.CONFLICT, 'This would duplicate an existing record.', 'duplicate');
  return problemFor(HttpStatus.UNPROCESSABLE_ENTITY, 'The request breaks a data rule (a required value or a reference is missing).', 'constraint_violation');
}
