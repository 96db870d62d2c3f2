import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { rows } from '../database/sql.js';
import { ExtractionService, type ExtractionOutcome } from './extraction.service.js';
import type { RerunDto } from './reruns.dto.js';
import { RerunsService } from './reruns.service.js';

/** Articles taken from a run per round trip. */
const BATCH = 20;

/**
 * Works through a re-extraction run: each pending article goes back to `queued` and through the extraction job's own
 * code (ExtractionService.extractArticle), which reconciles its claims with the stored ones as for a new revision
 * (unchanged claims keep their id, an editor's work is not undone). Progress is written per article, so a run stopped
 * anywhere (crash, SIGTERM, a lost job) resumes where it was; running it twice, or from two processes, re-extracts
 * each article once (an item is finished only while pending; an article leaves `extracted` only once).
 */
@Injectable()
export class RerunRunner {
  private readonly logger = new Logger(RerunRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly extraction: ExtractionService,
    private readonly reruns: RerunsService,
    private readonly audit: AuditService,
  ) {}

  /** Runs until no article is pending; `onProgress` after each article. `shouldStop` ends early (shutdown), the rest stays pending. */
  async process(runId: string, onProgress?: (run: RerunDto) => void, shouldStop: () => boolean = () => false): Promise<RerunDto> {
    for (;;) {
      const batch = await rows<{ article_id: string }>(
        this.db,
        `SELECT article_id FROM extraction_rerun_items i
          WHERE run_id = $1 AND status = 'pending'
            AND EXISTS (SELECT 1 FROM extraction_reruns r WHERE r.id = i.run_id AND r.status = 'running')
          ORDER BY article_id LIMIT ${BATCH}`,
        [runId],
      );
      if (batch.length === 0) break;
      for (const { article_id: articleId } of batch) {
        if (shouldStop()) return this.reruns.get(runId);
        const { status, outcome } = await this.reextract(articleId);
        await this.finishItem(runId, articleId, status, outcome);
        onProgress?.(await this.reruns.get(runId));
      }
    }
    await this.finishRun(runId);
    return this.reruns.get(runId);
  }

  private async reextract(articleId: string): Promise<{ status: 'done' | 'failed'; outcome: string }> {
    // Only an article still extracted goes back to the queue; one with a new revision or a retry pending has its own job.
    const [queued] = await rows<{ id: string }>(
      this.db,
      `UPDATE articles SET status = 'queued', updated_at = now() WHERE id = $1 AND status = 'extracted' RETURNING id`,
      [articleId],
    );
    if (!queued) return { status: 'done', outcome: 'skipped: not extracted' };
    let result: ExtractionOutcome;
    try {
      result = await this.extraction.extractArticle(articleId);
    } catch (err) {
      // The article stays queued/extracting: the reconciler gives it to the extraction job, which retries it.
      this.logger.warn(`re-extraction of article ${articleId} failed: ${String(err)}`);
      return { status: 'failed', outcome: `error: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500) };
    }
    if (result.status === 'extracted') {
      const c = result.changes;
      return { status: 'done', outcome: `extracted: kept ${c.kept}, added ${c.added}, superseded ${c.superseded}, gone ${c.gone}` };
    }
    if (result.status === 'failed') return { status: 'failed', outcome: `failed: ${result.reason}` };
    return { status: 'done', outcome: result.status === 'skipped' ? `skipped: ${result.reason}` : result.status };
  }

  private async finishItem(runId: string, articleId: string, status: 'done' | 'failed', outcome: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const updated = await rows(
        tx,
        `UPDATE extraction_rerun_items SET status = $3, outcome = $4 WHERE run_id = $1 AND article_id = $2 AND status = 'pending' RETURNING article_id`,
        [runId, articleId, status, outcome],
      );
      if (updated.length === 0) return; // another process finished it first
      await tx.query(
        `UPDATE extraction_reruns SET ${status === 'done' ? 'done = done + 1' : 'failed = failed + 1'}, updated_at = now() WHERE id = $1`,
        [runId],
      );
    });
  }

  private async finishRun(runId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const finished = await rows<{ done: number; failed: number; total: number }>(
        tx,
        `UPDATE extraction_reruns r SET status = 'done', finished_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'running'
            AND NOT EXISTS (SELECT 1 FROM extraction_rerun_items i WHERE i.run_id = r.id AND i.status = 'pending')
          RETURNING done, failed, total`,
        [runId],
      );
      if (finished[0]) {
        await this.audit.record(tx, { entityType: 'extraction_rerun', entityId: runId, action: 'extraction.rerun_finished', changes: finished[0] });
      }
    });
  }
}
