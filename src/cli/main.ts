import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { InvalidExpiry, resolveExpiry } from '../auth/token-expiry.js';
import { DESK_ROLES, ROLES, type Role } from '../auth/user.entity.js';
import { toUnsavedClaim } from '../extraction/claim-shape.js';
import { extractClaims } from '../extractor/index.js';

const USAGE = `Usage:
  cli extract FILE [--published-at DATE] [--trace]
                                                  print the claims of a text file as JSON (no database needed);
                                                  --trace adds to each claim the ids of the rules that made it
  cli ingest FILE --title T [--url U] [--publisher P] [--published-at DATE] [--language ISO-639-1]
                                                  ingest an article through the service's own code path
  cli token create --role ROLE --name NAME [--expires-in 90d | --expires-at ISO-TIME]
                                                  create a bearer token (printed on the last line);
                                                  durations: a number and s, m, h, d or w
  cli user create --name NAME --role ROLE           create a desk user; their one-time password is printed on the
                                                  last line (they set their own at first sign-in)
  cli user reset-password --name NAME             a new one-time password (last line); ends the user's sessions
  cli webhooks reencrypt                          move every webhook secret to the first key of WEBHOOK_SECRET_KEYS
  cli import-claimreview FILE [--dry-run] [--json]
                                                  import published fact-checks (ClaimReview JSON-LD: an object, an
                                                  array or JSON lines) as published claims; prints what was imported,
                                                  skipped and invalid (--json: the report as JSON); exits 1 when
                                                  nothing could be imported
  cli reextract [--since DATE] [--extractor-version-below V]
                                                  re-extract the extracted articles (ingested since DATE, by an
                                                  extractor older than V) in this process, reconciling their claims;
                                                  a progress bar on a terminal, plain lines otherwise; the run as
                                                  JSON on the last line; Ctrl-C stops after the article in hand (a
                                                  worker resumes the run); exits 1 if an article failed
Roles: ${ROLES.join(', ')}`;

class UsageError extends Error {}

function parseDate(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${flag} must be a date, got "${value}"`);
  return date;
}

async function withServices<T>(fn: (get: <S>(type: new (...args: never[]) => S) => S) => Promise<T>): Promise<T> {
  const [{ NestFactory }, { CliModule }] = await Promise.all([import('@nestjs/core'), import('./cli.module.js')]);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error'] });
  try {
    return await fn((type) => app.get(type));
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'published-at': { type: 'string' },
      title: { type: 'string' },
      url: { type: 'string' },
      publisher: { type: 'string' },
      language: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      'expires-in': { type: 'string' },
      'expires-at': { type: 'string' },
      trace: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      since: { type: 'string' },
      'extractor-version-below': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }

  if (command === 'extract') {
    if (!arg) throw new UsageError('extract needs a FILE');
    const text = await readFile(arg, 'utf8');
    const claims = extractClaims(text, { publishedAt: parseDate(values['published-at'], '--published-at'), trace: values.trace === true });
    console.log(JSON.stringify(claims.map((c) => (values.trace ? { ...toUnsavedClaim(c), rules: c.rules ?? [] } : toUnsavedClaim(c))), null, 2));
    return;
  }

  if (command === 'ingest') {
    if (!arg) throw new UsageError('ingest needs a FILE');
    if (!values.title) throw new UsageError('ingest needs --title');
    const text = await readFile(arg, 'utf8');
    const publishedAt = parseDate(values['published-at'], '--published-at');
    const { isLanguageCode } = await import('../articles/language.js');
    if (values.language !== undefined && !isLanguageCode(values.language)) throw new UsageError('--language must be an ISO 639-1 code (en, es, ...)');
    const { ArticlesService } = await import('../articles/articles.service.js');
    const result = await withServices((get) =>
      get(ArticlesService).ingest(
        { title: values.title!, text, url: values.url, publisher: values.publisher, publishedAt: publishedAt?.toISOString(), language: values.language },
        null,
      ),
    );
    console.log(JSON.stringify(result));
    return;
  }

  if (command === 'token' && arg === 'create') {
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) throw new UsageError(`token create needs --role (${ROLES.join(', ')})`);
    if (!values.name) throw new UsageError('token create needs --name');
    let expiresAt: Date | null;
    try {
      expiresAt = resolveExpiry({ expiresIn: values['expires-in'], expiresAt: values['expires-at'] });
    } catch (err) {
      // The same rules as the API's; name the CLI's options.
      if (err instanceof InvalidExpiry) throw new UsageError(err.message.replace('expiresIn', '--expires-in').replace('expiresAt', '--expires-at'));
      throw err;
    }
    const { TokensService } = await import('../auth/tokens.service.js');
    const created = await withServices((get) => get(TokensService).create(values.name!, role, 'default', null, expiresAt));
    const expiry = expiresAt ? `expires ${expiresAt.toISOString()}` : 'never expires';
    console.error(`created ${role} token for ${values.name} (token id ${created.tokenId}, ${expiry}); it is shown only once:`);
    console.log(created.token);
    return;
  }

  if (command === 'user' && arg === 'create') {
    const role = values.role as Role | undefined;
    if (!role || !DESK_ROLES.includes(role)) throw new UsageError(`user create needs --role (${DESK_ROLES.join(', ')}; consumers get tokens)`);
    if (!values.name || !/^[\w.@-]{1,100}$/.test(values.name)) throw new UsageError('user create needs --name (letters, digits, _ . @ -; 1–100)');
    const { UsersService } = await import('../auth/users.service.js');
    const created = await withServices((get) => get(UsersService).create(values.name!, role, null));
    console.error(`created ${role} ${values.name} (user id ${created.user.id}); their one-time password, shown only once:`);
    console.log(created.oneTimePassword);
    return;
  }

  if (command === 'user' && arg === 'reset-password') {
    if (!values.name) throw new UsageError('user reset-password needs --name');
    const { UsersService } = await import('../auth/users.service.js');
    const reset = await withServices(async (get) => {
      const users = get(UsersService);
      return users.resetPassword(await users.idByName(values.name!), null);
    });
    console.error(`new one-time password for ${values.name} (their sessions have ended), shown only once:`);
    console.log(reset.oneTimePassword);
    return;
  }

  if (command === 'webhooks' && arg === 'reencrypt') {
    const { WebhookSecrets } = await import('../webhooks/webhook-secrets.service.js');
    const done = await withServices((get) => get(WebhookSecrets).reencryptAll());
    console.log(
      `re-encrypted ${done.secrets} secret${done.secrets === 1 ? '' : 's'} of ${done.webhooks} webhook${done.webhooks === 1 ? '' : 's'} ` +
        `with the first key of WEBHOOK_SECRET_KEYS; dropped ${done.expiredDropped} expired previous secret${done.expiredDropped === 1 ? '' : 's'}`,
    );
    return;
  }

  if (command === 'import-claimreview') {
    if (!arg) throw new UsageError('import-claimreview needs a FILE');
    const document = await readFile(arg, 'utf8');
    const [{ FactChecksService }, { NotJsonError }, { formatImportReport }] = await Promise.all([
      import('../fact-checks/fact-checks.service.js'),
      import('../fact-checks/claim-review-parser.js'),
      import('../fact-checks/report-text.js'),
    ]);
    const report = await withServices((get) => get(FactChecksService).import(document, { dryRun: values['dry-run'] === true, actorId: null })).catch((err: unknown) => {
      if (err instanceof NotJsonError) throw new Error(`${arg} is not a ClaimReview document: ${err.message}`);
      throw err;
    });
    console.log(values.json ? JSON.stringify(report, null, 2) : formatImportReport(arg, report));
    // Nothing could be imported (every record invalid or already there): a failure for scripts.
    if (report.importable === 0) process.exitCode = 1;
    return;
  }

  if (command === 'reextract') {
    if (arg) throw new UsageError(`reextract takes no argument, got "${arg}"`);
    const since = parseDate(values.since, '--since');
    const below = values['extractor-version-below'];
    const { EXTRACTOR_VERSION_PATTERN } = await import('../extraction/extractor-version.js');
    if (below !== undefined && !EXTRACTOR_VERSION_PATTERN.test(below)) {
      throw new UsageError('--extractor-version-below must be a version such as 2.1.0 or numeric-claims/2.1.0');
    }
    const [{ RerunsService }, { RerunRunner }, { progressBar, progressLine }] = await Promise.all([
      import('../extraction/reruns.service.js'),
      import('../extraction/rerun-runner.service.js'),
      import('./progress.js'),
    ]);
    const tty = process.stderr.isTTY === true;
    let stop = false;
    const onSignal = () => {
      stop = true;
      console.error('\nstopping after the article in hand; the rest stays pending (a worker resumes the run)');
    };
    process.once('SIGINT', onSignal);
    const run = await withServices(async (get) => {
      const created = await get(RerunsService).create({ since: since?.toISOString(), extractorVersionBelow: below }, null, false);
      console.error(`re-extraction run ${created.id}: ${created.total} article${created.total === 1 ? '' : 's'} selected`);
      let lastLine = 0;
      const finished = await get(RerunRunner).process(created.id, (progress) => {
        if (tty) {
          process.stderr.write(`\r${progressBar(progress)}`);
        } else if (Date.now() - lastLine >= 1000 || progress.remaining === 0) {
          // At most a line a second in a log; always the last one.
          lastLine = Date.now();
          console.error(progressLine(progress));
        }
      }, () => stop);
      if (tty && finished.total > 0) process.stderr.write('\n');
      return finished;
    });
    process.off('SIGINT', onSignal);
    console.log(JSON.stringify(run));
    if (run.failed > 0) process.exitCode = 1;
    return;
  }

  throw new UsageError(`unknown command: ${positionals.join(' ')}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
