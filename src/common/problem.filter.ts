import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { ProblemException, type ProblemDetails } from './problem.js';

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

export function sendProblem(req: Request, res: Response, problem: ProblemDetails): void {
  const requestId = (req as Request & { id?: unknown }).id;
  // Headers that belong to the error (Retry-After on 429) travel in `headers` and are not part of the body.
  const { headers, ...body } = problem as ProblemDetails & { headers?: Record<string, string> };
  if (headers) res.set(headers);
  problem = body as ProblemDetails;
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify({ ...problem, instance: req.originalUrl, ...(requestId ? { requestId: String(requestId) } : {}) }));
}

/** Turns whatever was thrown into problem+json. Unknown errors are logged and reported as a bare 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) return;
    sendProblem(req, res, this.toProblem(error));
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof ProblemException) {
      return problemFor(error.getStatus(), error.message, error.code, error.extra);
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const body = error.getResponse();
      let detail = error.message;
      if (typeof body === 'object' && body !== null && 'message' in body) {
        const message = (body as { message: unknown }).message;
        detail = Array.isArray(message) ? message.join('; ') : String(message);
      }
      return problemFor(status, detail);
    }
    // body-parser errors reaching Nest carry their own status (400 malformed JSON, 413 too large).
    const httpish = error as { status?: number; type?: string; message?: string } | null;
    if (httpish && typeof httpish.status === 'number' && httpish.status >= 400 && httpish.status < 500) {
      return bodyParserProblem(httpish);
    }
    this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    return problemFor(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred. It has been logged.');
  }
}

export function bodyParserProblem(err: { status?: number; type?: string; message?: string; limit?: number }): ProblemDetails {
  switch (err.type) {
    case 'entity.too.large':
      return problemFor(413, `Request body exceeds the limit of ${err.limit ?? 'the configured'} bytes.`);
    case 'entity.parse.failed':
      return problemFor(400, `Malformed JSON in request body: ${err.message ?? 'parse error'}.`, 'malformed_json');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problemFor(415, err.message ?? 'Unsupported body encoding.');
    default:
      return problemFor(err.status ?? 400, err.message ?? 'Bad request.');
  }
}
