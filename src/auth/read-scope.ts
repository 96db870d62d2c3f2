import { createParamDecorator, HttpStatus, type ExecutionContext } from '@nestjs/common';
import { CLAIM_STATUSES, type ClaimStatus } from '../claims/claim.entity.js';
import { ProblemException } from '../common/problem.js';
import type { VerdictStatus } from '../verdicts/verdict.entity.js';
import type { Principal } from './auth.decorators.js';
import { satisfies } from './auth.guard.js';

/** What the published record is: readers outside the desk see these claims and these verdicts, nothing else. */
export const PUBLIC_CLAIM_STATUSES: readonly ClaimStatus[] = ['published'];
export const PUBLIC_VERDICT_STATUSES: readonly VerdictStatus[] = ['published', 'superseded'];

const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * What a caller may read, applied where every read query is built (lists, filters, search, counts, cursors,
 * single reads, matching, feeds) rather than checked per route. Staff (editor and up) see the desk's work;
 * everyone else only the published record, and something outside it is a plain 404 (its existence is not revealed).
 */
export class ReadScope {
  static readonly STAFF = new ReadScope(true);
  static readonly PUBLIC = new ReadScope(false);

  private constructor(readonly staff: boolean) {}

  static of(principal: Principal): ReadScope {
    return satisfies(principal.role, 'editor') ? ReadScope.STAFF : ReadScope.PUBLIC;
  }

  /** Claim statuses this scope may read, and so filter on. */
  get claimStatuses(): readonly ClaimStatus[] {
    return this.staff ? CLAIM_STATUSES : PUBLIC_CLAIM_STATUSES;
  }

  /** SQL condition on the claims table aliased `alias`. */
  claims(alias = 'c'): string {
    return this.staff ? 'true' : `${alias}.status IN (${sqlList(PUBLIC_CLAIM_STATUSES)})`;
  }

  /** SQL condition on the verdicts table aliased `alias` (its claim must pass `claims()` as well). */
  verdicts(alias = 'v'): string {
    return this.staff ? 'true' : `${alias}.status IN (${sqlList(PUBLIC_VERDICT_STATUSES)})`;
  }

  /** An article is visible when one of its claims is: an article with nothing published is desk work. */
  articles(alias = 'a'): string {
    return this.staff ? 'true' : `EXISTS (SELECT 1 FROM claims ac WHERE ac.article_id = ${alias}.id AND ${this.claims('ac')})`;
  }

  /** A filter on a status outside the scope is a 400 that says which statuses are allowed. */
  assertStatusFilter(status: ClaimStatus | undefined): void {
    if (status === undefined || this.claimStatuses.includes(status)) return;
    throw new ProblemException(
      HttpStatus.BAD_REQUEST,
      'status_not_public',
      `status=${status} is not visible to consumers; consumers may filter on status ${this.claimStatuses.join(', ')}.`,
      { allowedStatuses: this.claimStatuses },
    );
  }
}

/** The caller's ReadScope, for read routes any role can reach. */
export const CallerScope = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ReadScope => ReadScope.of(ctx.switchToHttp().getRequest<{ principal: Principal }>().principal),
);
