import './env.js';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { ApiModule } from '../../src/app/api.module.js';
import { CoreModule } from '../../src/app/core.module.js';
import { ExtractionModule } from '../../src/extraction/extraction.module.js';
import { ExtractionService } from '../../src/extraction/extraction.service.js';
import { AppModule } from '../../src/app/app.module.js';
import { configureHttp, createHttpApp } from '../../src/app/http.js';
import { WorkerModule } from '../../src/app/worker.module.js';
import { PrincipalCache } from '../../src/auth/principal-cache.service.js';
import { TokensService } from '../../src/auth/tokens.service.js';
import { UsersService } from '../../src/auth/users.service.js';
import type { Role } from '../../src/auth/user.entity.js';
import { QueueName } from '../../src/queue/queues.js';
import { LOG_DESTINATION } from '../../src/logging/app-logger.js';
import type { JobWorker } from '../../src/queue/job-worker.js';
import { ExtractionProcessor } from '../../src/extraction/extraction.processor.js';
import { WebhookDeliveryProcessor } from '../../src/webhooks/webhook-delivery.processor.js';
import { MaintenanceProcessor } from '../../src/verdicts/expiry.processor.js';

export type Mode = 'api+worker' | 'api';

/** The real application, booted exactly as main.ts / main.api.ts boot it, on a random port. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    /** The configuration overrides this app booted with; helpers that boot more contexts reuse them. */
    readonly env: Record<string, string>,
    readonly mode: Mode,
  ) {}

  /**
   * `env` overrides configuration for this app only (config is read while the app boots); `logs` receives
   * the app's log lines instead of stdout (pass LOG_LEVEL in `env` too: tests run silent by default).
   */
  static async start(mode: Mode = 'api+worker', env: Record<string, string> = {}, options: { logs?: LogCapture } = {}): Promise<TestApp> {
    return withEnv(env, async () => {
      const root = mode === 'api' ? ApiModule : AppModule;
      const app = await createHttpApp(options.logs ? withLogDestination(root, options.logs) : root, { logger: false });
      await configureHttp(app);
      await app.init();
      // Fastify loads its plugins and routes on ready() (listen() calls it; supertest does not listen through it).
      await app.getHttpAdapter().getInstance().ready();
      return new TestApp(app, env, mode);
    });
  }

  /** Ingests `text` and extracts it in this process (no worker needed); returns the article's claims. */
  async seed(editorToken: string, text: string): Promise<any[]> {
    const res = await this.http.post('/v1/articles').set(auth(editorToken)).send({ title: 'seed', text, publishedAt: '2026-11-25T09:00:00Z' });
    if (res.status !== 202) throw new Error(`seed ingest answered ${res.status}: ${JSON.stringify(res.body)}`);
    const ctx = await startExtractionOnly(this.env);
    try {
      await ctx.extraction.extractArticle(res.body.id);
    } finally {
      await ctx.close();
    }
    return (await this.http.get(`/v1/articles/${res.body.id}/claims`).set(auth(editorToken)).expect(200)).body;
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  get db(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  get extractionQueue(): Queue {
    return this.app.get<Queue>(getQueueToken(QueueName.Extraction));
  }

  /**
   * A change to users, api_tokens or sessions made in SQL (as psql would: moving a last use back, revoking behind the
   * API's back), then the same barrier the services wait on after their own credential writes: the change's
   * notification has emptied this app's principal cache before the next request. Without it, that request races the
   * notification and may be answered from the cache.
   */
  async changeCredentials(sql: string, params: unknown[] = []): Promise<void> {
    await this.db.query(sql, params);
    await this.app.get(PrincipalCache).settle();
  }

  async token(role: Role, name = `${role}-${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
    return (await this.app.get(TokensService).create(name, role)).token;
  }

  /**
   * A person signed in to the desk with their own password set (past the one-time password): `headers` are what
   * their browser sends (the session cookie, and the X-CSRF-Token that writes need).
   */
  async deskSession(role: Role, name = `${role}-${Math.random().toString(36).slice(2, 8)}`, password = 'correct horse battery staple') {
    const created = await this.app.get(UsersService).create(name, role, null);
    const signIn = await this.http.post('/v1/auth/sign-in').send({ name, password: created.oneTimePassword });
    if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}: ${JSON.stringify(signIn.body)}`);
    const cookieOf = (res: request.Response) => (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('claimcheck_session='))!.split(';')[0];
    const first = { Cookie: cookieOf(signIn), 'X-CSRF-Token': signIn.body.csrfToken as string };
    // The password change replaces the session: a new cookie and a new CSRF token.
    const changed = await this.http.post('/v1/auth/password').set(first).send({ currentPassword: created.oneTimePassword, newPassword: password }).expect(200);
    const headers = { Cookie: cookieOf(changed), 'X-CSRF-Token': changed.body.csrfToken as string };
    return { userId: created.user.id, name, password, headers };
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** The app's root module, plus a global provider of the stream its logger writes to. */
function withLogDestination(root: DynamicModule['module'], logs: LogCapture): DynamicModule {
  @Module({})
  class LogDestinationModule {}
  @Module({})
  class TestRootModule {}
  const destination: DynamicModule = {
    module: LogDestinationModule,
    global: true,
    providers: [{ provide: LOG_DESTINATION, useValue: logs }],
    exports: [LOG_DESTINATION],
  };
  return { module: TestRootModule, imports: [destination, root] };
}

/**
 * A log destination a test reads. `isTTY` makes it look like a terminal (LOG_FORMAT=auto then writes
 * pretty lines); otherwise the lines are JSON and `lines` parses them.
 */
export class LogCapture extends Writable {
  private readonly chunks: string[] = [];

  constructor(readonly isTTY = false) {
    super({
      write: (chunk, _encoding, done) => {
        this.chunks.push(String(chunk));
        done();
      },
    });
  }

  get text(): string {
    return this.chunks.join('');
  }

  get lines(): any[] {
    return this.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }

  /** Every line about one request: the request line and whatever was logged on its request logger. */
  forRequest(id: string): any[] {
    return this.lines.filter((l) => l.reqId === id || l.req?.id === id);
  }
}

/** Runs `boot` with extra environment variables; configuration is read while an app boots. */
async function withEnv<T>(env: Record<string, string>, boot: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await boot();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The worker entry point alone (no HTTP), as main.worker.ts boots it. */
export async function startWorker(env: Record<string, string> = {}) {
  return withEnv(env, async () => {
    const ctx = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await ctx.init();
    return ctx;
  });
}

@Module({ imports: [CoreModule, ExtractionModule] })
class ExtractionOnlyModule {}

/** The extraction service without processors or reconciler, to drive jobs by hand. */
export async function startExtractionOnly(env: Record<string, string> = {}): Promise<INestApplicationContext & { extraction: ExtractionService }> {
  return withEnv(env, async () => {
    const ctx = await NestFactory.createApplicationContext(ExtractionOnlyModule, { logger: false });
    await ctx.init();
    return Object.assign(ctx, { extraction: ctx.get(ExtractionService) });
  });
}

/** The app's own queue workers (none in 'api' mode). */
function workersOf(t: TestApp): JobWorker[] {
  return t.mode === 'api' ? [] : [ExtractionProcessor, WebhookDeliveryProcessor, MaintenanceProcessor].map((cls) => t.app.get<JobWorker>(cls, { strict: false }));
}

/**
 * Empties every table and the test queues: each test file starts from nothing. The app's workers are paused
 * (their active jobs finish) first: a job whose keys are obliterated while a worker holds it cannot be
 * completed or retried (BullMQ: "Missing key for job ... moveToFinished / moveToDelayed").
 */
export async function resetState(t: TestApp): Promise<void> {
  const workers = workersOf(t);
  await Promise.all(workers.map((w) => w.pause()));
  // A worker booted with the app may be reconciling at this moment; TRUNCATE can then lose a deadlock: retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await t.db.query(
        `TRUNCATE webhook_attempts, webhook_deliveries, webhooks, audit_events, verdicts, sources, review_tasks, claims, articles, sign_in_attempts, sessions, api_tokens, users RESTART IDENTITY CASCADE`,
      );
      break;
    } catch (err) {
      if (attempt >= 5 || (err as { code?: string }).code !== '40P01') throw err;
    }
  }
  await retryOnRedisTimeout(() => t.extractionQueue.obliterate({ force: true }));
  await retryOnRedisTimeout(() => t.app.get<Queue>(getQueueToken(QueueName.Webhooks)).obliterate({ force: true }));
  for (const w of workers) w.resume();
}

/**
 * The app's queues give up on a Redis command after PRODUCER_COMMAND_TIMEOUT_MS. ioredis measures that with a
 * timer in this process, so a long pause of this process (GC, a browser suite just before) can expire it although
 * Redis answered: setup tries again rather than failing a whole suite on a stall of the test runner.
 */
async function retryOnRedisTimeout<T>(command: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await command();
    } catch (err) {
      if (attempt >= attempts || !/Command timed out/.test((err as Error).message)) throw err;
    }
  }
}

/** Polls until `check` returns a truthy value (real workers run asynchronously). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A short article in the style we handle, written for these tests. */
export const ARTICLE_TEXT = `Moscow warned on Tuesday that it would accept nothing short of binding guarantees from the West.

Deputy Foreign Minister Sergei Ryabkov said his country had no plans to attack its neighbour. "We need legally binding guarantees, and we need them now," he told reporters in Geneva.

Russia has moved an estimated 100,000 troops to its border with Ukraine, according to Western officials. The separatist conflict in the east has killed more than 14,000 people since 2014.

About 1.5 million people have been displaced by the fighting, the U.N. refugee agency said.`;
