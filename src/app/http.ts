import { BadRequestException, ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { ValidationError } from 'class-validator';
import express, { type NextFunction, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import { AppLogger } from '../logging/app-logger.js';
import { bodyParserProblem, sendProblem } from '../common/problem.filter.js';
import { AppConfig } from '../config/config.js';
import { httpMetricsMiddleware } from '../metrics/metrics.js';
import { mountQueueDashboard } from '../queue/queue-dashboard.js';
import { buildOpenApiDocument } from './openapi.js';

function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m.replace(e.property, path) : `${path}: ${m}`));
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
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');

  // First, so that every answer (body-parser errors included) has a request id and a log line.
  app.use(requestLog(logger));
  app.use(httpMetricsMiddleware());

  // Our own body parser (bodyParser: false at creation) so its errors become problem+json too.
  app.use(express.json({ limit: config.MAX_BODY_BYTES, type: ['application/json', 'application/*+json'] }));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    sendProblem(req, res, bodyParserProblem(err as Parameters<typeof bodyParserProblem>[0]));
  });

  // Bull Board, admins only (its own gate: Nest's guard, pipes and filter do not run for it).
  mountQueueDashboard(app);

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new BadRequestException(describe(errors)),
    }),
  );

  if (config.SWAGGER_ENABLED) {
    SwaggerModule.setup('docs', app, buildOpenApiDocument(app, config), { jsonDocumentUrl: 'docs-json' });
  }
  // Unknown routes: Nest throws NotFoundException, which ProblemFilter renders as problem+json.
}

/** One line per request (method, path, status, duration; no headers), and the request id every answer carries. */
function requestLog(logger: AppLogger) {
  return pinoHttp({
    logger: logger.pino,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    quietReqLogger: true,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res, ms) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)}ms`,
    customErrorMessage: (req, res) => `${req.method} ${req.url} ${res.statusCode}`,
  });
}

export const NEST_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

export type { INestApplication };
