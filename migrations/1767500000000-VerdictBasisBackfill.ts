import type { MigrationInterface, QueryRunner } from 'typeorm';
import { parseTolerances } from '../src/sources/assessment.js';
import { backfillBases } from '../src/verdicts/basis.js';

/**
 * Issue 13, living verdicts for verdicts published before 1767000000000-LivingVerdicts: they had no basis, so no later
 * figure could make them due. Each gets the basis publication gives (claim figure, cited sources' figures and as-of
 * dates, tolerance, band), computed by the application's own code (src/verdicts/basis.ts: the band is TypeScript and
 * depends on ASSESSMENT_TOLERANCES, so run this with the service's environment). Only published verdicts whose basis
 * is null are touched; their review date stays as it is.
 */
export class VerdictBasisBackfill1767500000000 implements MigrationInterface {
  name = 'VerdictBasisBackfill1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await backfillBases(q.manager, parseTolerances(process.env.ASSESSMENT_TOLERANCES || '{}'));
  }

  /** Nothing to undo: a backfilled basis cannot be told from one taken at publication, and the columns stay. */
  async down(): Promise<void> {}
}
