import type { LoggerService } from '@nestjs/common';
import { pino, type Level, type Logger as Pino } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/config.js';

/** Paths never written to a log line, whatever logs them. */
const REDACT = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.secret', '*.token',
  // A failed query's parameters (TypeORM QueryFailedError) may be a webhook secret or a whole article.
  'err.parameters', 'err.driverError.parameters',
];

/** Nest's start-up chatter (every module, every route mapped): useful when debugging, noise at info. */
const FRAMEWORK_CHATTER = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Where log lines go: stdout in production; tests pass a stream they read (see LOG_DESTINATION). */
export type LogDestination = NodeJS.WritableStream & { isTTY?: boolean };

/** Injection token of the log destination; absent, the logger writes to stdout. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * Pretty lines read like `[10:02:03.123] INFO: POST /v1/articles 202 14ms (request id)`: the request line's
 * message already says method, path, status and duration, so its structured copies are left out there.
 */
const PRETTY_HIDDEN = 'pid,hostname,context,reqId,req,res,responseTime,problem';
const PRETTY_MESSAGE = '{if context}{context}: {end}{msg}{if reqId} ({reqId}){end}{if problem.code} {problem.code}: {problem.detail}{end}';

/** One pino instance per process: JSON lines, or pretty lines when LOG_FORMAT asks for them (auto: a terminal). */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>, destination: LogDestination = process.stdout): Pino {
  const options = { level: config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' } };
  const tty = destination.isTTY === true;
  if (config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && tty)) {
    return pino(options, pretty({ colorize: tty, sync: true, ignore: PRETTY_HIDDEN, messageFormat: PRETTY_MESSAGE, destination }));
  }
  return destination === process.stdout ? pino(options) : pino(options, destination);
}

/**
 * Nest's LoggerService over pino, so framework lines (`new Logger('Ctx').log(...)`) and our own share one
 * stream and format. Nest passes the context as the last string argument and a stack before it on errors.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write(FRAMEWORK_CHATTER.has(params.at(-1) as string) ? 'debug' : 'info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' && /\n\s+at /.test(rest[0]) ? rest[0] : undefined;
    if (message instanceof Error) this.pino[level]({ context, err: message }, message.message);
    // `logger.log({ deliveryId }, 'webhook delivered')`: the fields, and the string after them as the message.
    else if (message !== null && typeof message === 'object') this.pino[level]({ context, ...(message as object) }, typeof rest[0] === 'string' ? rest[0] : undefined);
    else this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}
