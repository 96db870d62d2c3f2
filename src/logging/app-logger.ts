import type { LoggerService } from '@nestjs/common';
import { pino, type Level, type Logger as Pino } from 'pino';
import pretty from 'pino-pretty';
import type { AppConfig } from '../config/config.js';

/** Paths never written to a log line, whatever logs them. */
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.secret', '*.token'];

/** One pino instance per process: JSON lines, or pretty lines when LOG_FORMAT asks for them (auto: a terminal). */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>, stdout = process.stdout): Pino {
  const options = { level: config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' } };
  const prettyLines = config.LOG_FORMAT === 'pretty' || (config.LOG_FORMAT === 'auto' && stdout.isTTY === true);
  return prettyLines ? pino(options, pretty({ colorize: stdout.isTTY === true, sync: true, ignore: 'pid,hostname' })) : pino(options);
}

/**
 * Nest's LoggerService over pino, so framework lines (`new Logger('Ctx').log(...)`) and our own share one
 * stream and format. Nest passes the context as the last string argument and a stack before it on errors.
 */
export class AppLogger implements LoggerService {
  constructor(readonly pino: Pino) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
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
    else if (message !== null && typeof message === 'object') this.pino[level]({ context, ...(message as object) });
    else this.pino[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}
