import { ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { ValidationError } from 'class-validator';
import type { NextFunction, Request, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { AppLogger } from '../logging/app-logger.js';
import { BodyContractInterceptor } from '../common/body-contract.interceptor.js';
import { jsonBodyParser } from '../common/json-body.js';
import { bodyParserProblem, sendProblem } from '../common/problem.filter.js';
import { invalidInput, type FieldError } from '../common/problem.js';
import { SafeInputPipe, unknownField } from '../common/safe-input.pipe.js';
import { AppConfig, trustProxySetting } from '../config/config.js';
import { httpMetricsMiddleware } from '../metrics/metrics.js';
import { mountQueueDashboard } from '../queue/queue-dashboard.js';
import { securityHeaders } from '../desk/security-headers.js';
import { FACT_CHECK_IMPORT_PATH, importBodyParser } from '../fact-checks/import-body.js';
import { buildOpenApiDocument } from './openapi.js';

/** class-validator's errors, one per broken rule, each with the dotted path of its field (nested DTOs and arrays included). */
function describe(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([kind, m]) => ({
      field: path,
      message: kind === 'whitelistValidation' ? unknownField(path) : m.startsWith(e.property) ? m.replace(e.property, path) : `${path}: ${m}`,
    }));
    return [...own, ...describe(e.children ?? [], path)];
  });
}

/**
 * Everything HTTP-specific the API needs, shared by main.api.ts, main.ts and the e2e tests,
 * so that tests exercise exactly the stack that runs in production.
 */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.disable('x-powered-by');

  // First, so that every answer (body-parser errors included) has a request id and a log line.
  app.use(requestLog(logger));
  app.use(httpMetricsMiddleware());
  app.use(securityHeaders());

  // Our own body parser (bodyParser: false at creation) so its errors become problem+json too.
  // (the fact-check import takes larger documents, and JSON lines: its own parser, before the app-wide one)
  app.use(FACT_CHECK_IMPORT_PATH, importBodyParser(config.MAX_IMPORT_BYTES));
  app.use(jsonBodyParser(config.MAX_BODY_BYTES));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    sendProblem(req, res, bodyParserProblem(err as Parameters<typeof bodyParserProblem>[0]));
  });

  app.useGlobalInterceptors(new BodyContractInterceptor());
  // Bull Board, admins only (its own gate: Nest's guard, pipes and filter do not run for it).
  mountQueueDashboard(app);

  app.useGlobalPipes(
    new SafeInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidInput(describe(errors)),
    }),
  );

  if (config.SWAGGER_ENABLED) {
    SwaggerModule.setup('docs', app, buildOpenApiDocument(app, config), { jsonDocumentUrl: 'docs-json' });
  }
  // Unknown routes: Nest throws NotFoundException, which ProblemFilter renders as problem+json.
}

/**
 * One line per request (method, path, status, duration; no headers), and the request id every answer
 * carries. An error answer's line also says which problem it was (`problem: {code, detail}`, set by
 * sendProblem). It is the only line for a 4xx; an unexpected 500 adds one more, the error with its stack
 * (ProblemFilter), so pino-http's own placeholder error ("failed with status code 500") is left out.
 */
function requestLog(logger: AppLogger) {
  const problemOf = (res: Response) => (res.locals?.problem ? { problem: res.locals.problem } : {});
  return pinoHttp({
    logger: logger.pino,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    quietReqLogger: true,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Probes poll /health every few seconds: their successes are noise, a failing check (503) is not.
    customLogLevel: (req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : (req.url ?? '').startsWith('/health') ? 'silent' : 'info',
    customSuccessMessage: (req, res, ms) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)}ms`,
    // pino-http passes the duration as a 4th argument its types leave out.
    customErrorMessage: (req, res, _err, ms?: number) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms ?? 0)}ms`,
    customSuccessObject: (_req, res, line) => ({ ...line, ...problemOf(res as Response) }),
    // `res.err` or a stream error is real and stays; the placeholder for a bare 5xx is dropped.
    customErrorObject: (_req, res, err, line) => {
      const placeholder = !(res as Response & { err?: unknown }).err && err.message === `failed with status code ${res.statusCode}`;
      const { err: _dropped, ...rest } = line as Record<string, unknown>;
      return { ...(placeholder ? rest : line), ...problemOf(res as Response) };
    },
  });
}

export const NEST_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

export type { INestApplication };
