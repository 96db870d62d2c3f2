import { ValidationPipe, type DynamicModule, type INestApplication, type NestApplicationOptions, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyEtag from '@fastify/etag';
import { SwaggerModule } from '@nestjs/swagger';
import type { ValidationError } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { pinoHttp } from 'pino-http';
import { AppLogger } from '../logging/app-logger.js';
import { BodyContractInterceptor } from '../common/body-contract.interceptor.js';
import { registerBodyParsers } from '../common/json-body.js';
import { problemFor, problemOf, sendProblem } from '../common/problem.filter.js';
import { invalidInput, type FieldError } from '../common/problem.js';
import { SafeInputPipe, unknownField } from '../common/safe-input.pipe.js';
import { AppConfig, loadConfig, trustProxySetting } from '../config/config.js';
import { recordRoutes } from '../common/allowed-methods.js';
import { httpMetricsHook } from '../metrics/metrics.js';
import { mountQueueDashboard } from '../queue/queue-dashboard.js';
import { securityHeaders } from '../desk/security-headers.js';
import { importBody } from '../fact-checks/import-body.js';
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

/** A request id a client may choose (X-Request-Id), or a new one. */
function requestId(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * The Fastify instance the API runs on. Trusting proxies is fixed when Fastify is created, so TRUST_PROXY is read
 * here, from the same environment (and with the same validation) as AppConfig.
 */
export function httpAdapter(env: NodeJS.ProcessEnv = process.env): FastifyAdapter {
  const trust = trustProxySetting(loadConfig(env).TRUST_PROXY);
  return new FastifyAdapter({
    // A hop count as Fastify reads one (its types leave numbers out): the n proxies nearest to us are trusted.
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    genReqId: requestId,
    // Request ids come from genReqId (validated). Fastify's logger stays off: the request log is ours (requestLog).
    requestIdHeader: false,
    // As Express: /v1/claims/ is /v1/claims, and a route parameter of any length reaches its route, whose pipe
    // says what is wrong with it (the URL is bounded by Node's header size anyway).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    // A URL that does not decode (%zz) is refused by the router before any hook: still a problem+json 400.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      reply.raw.setHeader('X-Request-Id', request.id);
      sendProblem(request, reply, problemFor((error as { statusCode?: number }).statusCode ?? 400, error.message));
    },
  });
}

/** Creates the API's Nest application on Fastify; configureHttp then adds what the API needs. */
export function createHttpApp(module: Type<unknown> | DynamicModule, options: NestApplicationOptions = {}): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(module, httpAdapter(), { ...NEST_OPTIONS, ...options });
}

/**
 * Everything HTTP-specific the API needs, shared by main.api.ts, main.ts and the e2e tests,
 * so that tests exercise exactly the stack that runs in production. Before app.init() (or listen()).
 */
export async function configureHttp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  const logger = app.get(AppLogger);
  app.useLogger(logger);
  const fastify = app.getHttpAdapter().getInstance();

  // The route table (for 405's Allow header), before any route is registered.
  recordRoutes(fastify);
  // First, so that every answer (body parser errors included) has a request id and a log line.
  fastify.addHook('onRequest', requestLog(logger));
  fastify.addHook('onRequest', securityHeaders());
  fastify.addHook('onResponse', httpMetricsHook());
  await app.register(fastifyCookie);
  // Conditional GET, as Express did on its own: a weak ETag on every answer that has none of its own (GET
  // /v1/claims/:id sets one), and 304 when If-None-Match matches it.
  await app.register(fastifyEtag, { weak: true });

  // Our own body parsers (bodyParser: false at creation) so their errors become problem+json too; the fact-check
  // import takes larger documents, and JSON lines, as text.
  registerBodyParsers(fastify, { limit: config.MAX_BODY_BYTES, textRoute: importBody(config.MAX_IMPORT_BYTES) });

  app.useGlobalInterceptors(new BodyContractInterceptor());
  // Bull Board, admins only (its own gate: Nest's guard, pipes and filter do not run for it).
  await mountQueueDashboard(app);

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
 * pino-http runs on the Node request and response under Fastify's, so the line is written once the answer
 * is, whoever wrote it (a route, a hook, Fastify's error handler).
 */
function requestLog(logger: AppLogger) {
  const log = pinoHttp({
    logger: logger.pino,
    // Fastify's request id (genReqId), set on the Node request before this runs.
    genReqId: (req) => req.id,
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
    customSuccessObject: (_req, res, line) => ({ ...line, ...problemOf(res) }),
    // `res.err` or a stream error is real and stays; the placeholder for a bare 5xx is dropped.
    customErrorObject: (_req, res, err, line) => {
      const placeholder = !(res as typeof res & { err?: unknown }).err && err.message === `failed with status code ${res.statusCode}`;
      const { err: _dropped, ...rest } = line as Record<string, unknown>;
      return { ...(placeholder ? rest : line), ...problemOf(res) };
    },
  });
  return (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    request.raw.id = request.id;
    // On the Node response: Fastify merges it into whatever answers, streams and errors included.
    reply.raw.setHeader('X-Request-Id', request.id);
    log(request.raw, reply.raw);
    done();
  };
}

export const NEST_OPTIONS = { bufferLogs: true, bodyParser: false } as const;

/**
 * Listens on every interface, IPv6 and IPv4 ('::', dual-stack), as Express did by default (Fastify's default is
 * localhost only); on a host without IPv6, on every IPv4 interface.
 */
export async function listenOnAllInterfaces(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT' && (err as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw err;
    await app.listen(port, '0.0.0.0');
  }
}

export type { INestApplication };
