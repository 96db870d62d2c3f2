import { plainToInstance, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, IsTimeZone, IsUrl, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';
import { Transform } from 'class-transformer';
import { isIP } from 'node:net';
import { CLAIM_CATEGORIES, type ClaimCategory } from '../claims/claim-vocabulary.js';
import { parseTolerances } from '../sources/assessment.js';
import { SECRET_KEYS_VARIABLE, secretKeysFromEnv } from '../webhooks/secret-keys.js';

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];

/** Strict: a typo ('ture') is left as a string, so validation stops the boot instead of reading it as false. */
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return TRUE_WORDS.includes(word) ? true : FALSE_WORDS.includes(word) ? false : value;
};
/** A boolean setting: `@Bool() NAME = default`. */
const Bool = () => (target: object, key: string) => {
  Transform(toBool)(target, key);
  IsBoolean({ message: `$property must be one of true, false, 1, 0, yes, no (any case)` })(target, key);
};

/**
 * Every environment variable the service reads, with its default. Validated once at boot:
 * a bad value stops the process with a message that names the variable.
 */
export class AppConfig {
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/claimcheck';

  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Type(() => Number) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  /** After SIGTERM: how long in-flight requests and jobs get before the process exits anyway. */
  @Type(() => Number) @IsInt() @Min(100)
  SHUTDOWN_TIMEOUT_MS = 10000;

  /** Largest accepted request body, in bytes. */
  @Type(() => Number) @IsInt() @Min(1024)
  MAX_BODY_BYTES = 2 * 1024 * 1024;

  /** Largest ClaimReview document POST /v1/fact-checks/import accepts, in bytes (that route only; MAX_BODY_BYTES elsewhere). */
  @Type(() => Number) @IsInt() @Min(1024)
  MAX_IMPORT_BYTES = 10 * 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `auto`: pretty lines in a terminal, JSON otherwise; `json` or `pretty` to choose. */
  @IsIn(['auto', 'json', 'pretty'])
  LOG_FORMAT = 'auto';

  /** Prefix of every BullMQ key in Redis; lets several deployments (or test runs) share one Redis. */
  @IsString() @Matches(/^[A-Za-z0-9_-]+$/)
  QUEUE_PREFIX = 'claimcheck';

  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  WORKER_CONCURRENCY = 2;

  /**
   * Extractor threads per worker process; 0: as many as the cores but one, at most WORKER_CONCURRENCY. The event loop
   * keeps a core of its own, and each thread more pays its own compilation and garbage collection: on 2 cores a second
   * thread cost 15 ms of CPU an article (bench hot-paths) while jobs still overlapped their storing and matching.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(64)
  EXTRACTOR_THREADS = 0;

  @Type(() => Number) @IsInt() @Min(1) @Max(50)
  EXTRACTION_ATTEMPTS = 5;

  /** First retry delay; later ones double. */
  @Type(() => Number) @IsInt() @Min(10)
  EXTRACTION_BACKOFF_MS = 2000;

  /** Time budget of one article's extraction; past it the article fails with reason extraction_timeout. */
  @Type(() => Number) @IsInt() @Min(100)
  EXTRACTION_TIMEOUT_MS = 30000;

  /** How often the worker's reconciler looks for articles whose job Redis lost. */
  @Type(() => Number) @IsInt() @Min(1)
  RECONCILE_INTERVAL_SECONDS = 30;

  /** An article queued or extracting for longer than this without a live job is re-enqueued. */
  @Type(() => Number) @IsInt() @Min(1)
  EXTRACTION_STALE_SECONDS = 120;

  @Type(() => Number) @IsInt() @Min(1)
  REVIEW_LEASE_SECONDS = 1800;

  /** IANA zone of articles whose publisher has none set (PUT /v1/publishers/:name): relative dates resolve in it. */
  @IsTimeZone({ message: 'DEFAULT_TIME_ZONE must be an IANA time zone, e.g. UTC or Europe/Kyiv' })
  DEFAULT_TIME_ZONE = 'UTC';

  /** Claims scoring below this start dismissed (reason low_checkworthiness) instead of queued. */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  CHECKWORTHINESS_THRESHOLD = 0.3;

  /** Tasks gain this much priority per hour of waiting, so low-scoring claims are not starved. */
  @Type(() => Number) @IsNumber() @Min(0) @Max(1)
  REVIEW_AGING_PER_HOUR = 0.02;

  /** A review task is overdue this many hours after it was queued. */
  @Type(() => Number) @IsNumber() @Min(0.01)
  REVIEW_DUE_HOURS = 48;

  /** GET /v1/review-tasks/events writes a comment this often, so proxies and load balancers keep an idle stream open. */
  @Type(() => Number) @IsInt() @Min(1) @Max(300)
  SSE_HEARTBEAT_SECONDS = 15;

  /** false: an editor's verdict is published at once, without an approver (small desks). */
  @Bool()
  REQUIRE_APPROVAL = true;

  /**
   * A correction of a published verdict needs a second person (an approver other than its author), like a verdict.
   * Unset, it follows REQUIRE_APPROVAL (loadConfig), so on by default.
   */
  @Bool()
  REQUIRE_CORRECTION_APPROVAL = true;

  /**
   * Relative tolerance per category for comparing a claim's number with a source's, as JSON,
   * merged over the defaults (see src/sources/assessment.ts), e.g. {"casualties":0.03}.
   */
  @IsString() @Matches(/^\s*\{[\s\S]*\}\s*$/, { message: 'ASSESSMENT_TOLERANCES must be a JSON object' })
  ASSESSMENT_TOLERANCES = '{}';

  /**
   * Living verdicts: days after publication a verdict of each category is due for a re-check (its default reviewBy),
   * as `category:days` pairs, e.g. casualties:30,troop_count:30; categories not named have no expiry. Checked at boot.
   */
  @IsString()
  VERDICT_REVIEW_DAYS = 'casualties:30,troop_count:30,displacement:30';

  /** How often the worker's expiry job looks for verdicts past their reviewBy. */
  @Type(() => Number) @IsInt() @Min(1) @Max(86400)
  VERDICT_EXPIRY_CHECK_SECONDS = 3600;

  /** Delivery tries per webhook event before it is marked failed (exponential backoff between). */
  @Type(() => Number) @IsInt() @Min(1) @Max(30)
  WEBHOOK_MAX_ATTEMPTS = 8;

  @Type(() => Number) @IsInt() @Min(10)
  WEBHOOK_BACKOFF_MS = 5000;

  /** Whole attempt (connect, send, status line), not just socket idleness. */
  @Type(() => Number) @IsInt() @Min(100)
  WEBHOOK_TIMEOUT_MS = 10000;

  /** Deliveries in flight per worker process; a slow receiver then holds one slot, not the queue. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100)
  WEBHOOK_CONCURRENCY = 10;

  /** Allow webhook targets on loopback/private/link-local addresses (tests, on-premise receivers). */
  @Bool()
  WEBHOOK_ALLOW_PRIVATE = false;

  /**
   * Keys that encrypt webhook secrets at rest: "k2:<base64 of 32 bytes>,k1:<base64>"; the first encrypts,
   * all decrypt. Unset: refused with NODE_ENV=production, a public development key otherwise.
   * Checked in loadConfig (format and production rule), never printed.
   */
  @IsString()
  WEBHOOK_SECRET_KEYS = '';

  /** Requests per minute per consumer token, counted in Redis so the limit holds across API instances. */
  @Type(() => Number) @IsInt() @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /**
   * How long an API process keeps who a token or session is (PrincipalCache); changes reach every process at
   * once through Postgres LISTEN/NOTIFY, this is only the backstop. 0: look every request up in Postgres.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(3600)
  AUTH_CACHE_SECONDS = 30;

  /** The organization that publishes the fact-checks (ClaimReview author). */
  @IsString() @MinLength(1)
  PUBLISHER_NAME = 'Claimcheck';

  @Bool()
  SWAGGER_ENABLED = true;

  /**
   * Bearer token a Prometheus scraper sends to /metrics. Admin API tokens are accepted too; unset, only they are
   * (a scraper then needs an admin token, or this).
   */
  @IsString() @ValidateIf((c: AppConfig) => c.METRICS_TOKEN !== '') @MinLength(16)
  METRICS_TOKEN = '';

  /** A worker running apart (start:worker) serves its job metrics on this port; 0: no metrics server. */
  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT = 0;

  /** A desk session unused for this long ends (its cookie gets 401); each request extends it. */
  @Type(() => Number) @IsInt() @Min(1) @Max(7 * 24 * 60)
  SESSION_IDLE_MINUTES = 120;

  /** A desk session ends this long after sign-in, however busy; the person signs in again. */
  @Type(() => Number) @IsInt() @Min(1) @Max(30 * 24)
  SESSION_ABSOLUTE_HOURS = 12;

  /** Failed sign-ins for one user name within SIGN_IN_WINDOW_MINUTES before that name is refused (429) for the rest of the window. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  SIGN_IN_MAX_FAILURES_PER_NAME = 5;

  /** Failed sign-ins from one client address (any names) within the window before that address is refused (429). */
  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  SIGN_IN_MAX_FAILURES_PER_ADDRESS = 20;

  /** The sliding window over which failed sign-ins are counted. */
  @Type(() => Number) @IsInt() @Min(1) @Max(24 * 60)
  SIGN_IN_WINDOW_MINUTES = 15;

  /**
   * A failed sign-in is answered after a delay that doubles with each recent failure for that name or address:
   * this × 2^(failures − 1) ms, at most 4 s (slowed, then refused by the lockout). 0: no delay.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(4000)
  SIGN_IN_DELAY_BASE_MS = 250;

  /**
   * Which proxies' X-Forwarded-For / X-Forwarded-Proto to believe (req.ip for the sign-in lockout, req.protocol for
   * the Secure cookie), as Fastify's `trustProxy` (and Express's `trust proxy`): a hop count (1), true/false, or comma-separated addresses,
   * CIDRs and the names loopback, linklocal, uniquelocal. Checked at boot (trustProxySetting).
   */
  @IsString()
  TRUST_PROXY = 'loopback';

  @IsUrl({ require_tld: false })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /**
   * POST /v1/claims/match proposes candidates from an in-memory index of the claims' match terms (src/matching/match-index.ts),
   * loaded at boot, and the worker's extraction finds repeats among an in-memory copy of the published claims' figures
   * (src/matching/published-figure-index.ts), loaded in the background from its first extraction on (SQL until then); false: both from Postgres's indexes only
   * (less memory, ~15× slower at a million claims for the API).
   */
  @Bool()
  MATCH_INDEX = true;

  /** How often the API's match index reads the claims changed since (`claims.match_version`). */
  @Type(() => Number) @IsInt() @Min(50) @Max(60000)
  MATCH_INDEX_POLL_MS = 500;
}

export type ConfigKey = keyof AppConfig;

/** Settings whose value must never be printed, even when it is wrong. */
const SECRET_SETTINGS: readonly ConfigKey[] = ['METRICS_TOKEN', 'WEBHOOK_SECRET_KEYS'];

/** Settings whose default is another setting's value: an upgrade keeps what the deployment already chose. */
const DEFAULTS_FROM: Partial<Record<ConfigKey, ConfigKey>> = {
  // A small desk without approval (one person) must still be able to publish a correction.
  REQUIRE_CORRECTION_APPROVAL: 'REQUIRE_APPROVAL',
};

const shown = (key: string, value: string | undefined) =>
  (SECRET_SETTINGS as readonly string[]).includes(key) ? `[redacted, ${value?.length ?? 0} characters]` : JSON.stringify(value);

/** Reads `env`, applies defaults, validates; throws one error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  const given = (key: ConfigKey) => (env[key] === undefined || env[key] === '' ? undefined : env[key]);
  for (const key of Object.keys(defaults) as ConfigKey[]) {
    const from = DEFAULTS_FROM[key];
    raw[key] = given(key) ?? (from && given(from)) ?? defaults[key];
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { whitelist: true });
  const lines = errors.map(
    (e) => `  ${e.property}=${shown(e.property, env[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  try {
    trustProxySetting(config.TRUST_PROXY);
  } catch (err) {
    lines.push(`  TRUST_PROXY=${JSON.stringify(config.TRUST_PROXY)}: ${(err as Error).message}`);
  }
  try {
    secretKeysFromEnv({ NODE_ENV: env.NODE_ENV, [SECRET_KEYS_VARIABLE]: config.WEBHOOK_SECRET_KEYS });
  } catch (err) {
    // The value is key material: the message says what is wrong without repeating it.
    lines.push(`  ${(err as Error).message}`);
  }
  try {
    parseReviewDays(config.VERDICT_REVIEW_DAYS);
  } catch (err) {
    lines.push(`  VERDICT_REVIEW_DAYS=${JSON.stringify(config.VERDICT_REVIEW_DAYS)}: ${(err as Error).message}`);
  }
  try {
    parseTolerances(config.ASSESSMENT_TOLERANCES);
  } catch (err) {
    lines.push(`  ASSESSMENT_TOLERANCES=${JSON.stringify(config.ASSESSMENT_TOLERANCES)}: ${(err as Error).message}`);
  }
  if (lines.length > 0) throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  return config;
}

/**
 * VERDICT_REVIEW_DAYS: "casualties:30,troop_count:30" → {casualties: 30, troop_count: 30}; empty → none. Throws,
 * naming the bad pair, on an unknown category or days that are not a whole number from 1 to 3650.
 */
export function parseReviewDays(value: string): Partial<Record<ClaimCategory, number>> {
  const out: Partial<Record<ClaimCategory, number>> = {};
  for (const pair of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [category, days, ...rest] = pair.split(':').map((p) => p.trim());
    if (!(CLAIM_CATEGORIES as readonly string[]).includes(category) || rest.length > 0) {
      throw new Error(`${JSON.stringify(pair)}: the category must be one of ${CLAIM_CATEGORIES.join(', ')}, as category:days`);
    }
    if (!/^\d{1,4}$/.test(days ?? '') || Number(days) < 1 || Number(days) > 3650) {
      throw new Error(`${JSON.stringify(pair)}: days must be a whole number from 1 to 3650`);
    }
    out[category as ClaimCategory] = Number(days);
  }
  return out;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY as Fastify's `trustProxy` (like Express's `trust proxy`) takes it: true/false, a hop count, or a list of addresses, CIDRs
 * (address/prefix length) and names. Throws, naming the bad entry, on anything else.
 */
export function trustProxySetting(value: string): boolean | number | string[] {
  const word = value.trim().toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (/^\d+$/.test(word)) return Number(word);
  const entries = word.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (PROXY_NAMES.includes(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0) {
      throw new Error(
        `${JSON.stringify(entry)} is not a proxy address: use a hop count, true, false, or comma-separated addresses, CIDRs and ${PROXY_NAMES.join(', ')}`,
      );
    }
  }
  return entries;
}
