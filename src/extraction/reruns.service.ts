import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict, notFound } from '../common/problem.js';
import { rows } from '../database/sql.js';
import { QueueService } from '../queue/queue.service.js';
import type { CreateRerunDto, RerunDto, RerunStatus } from './reruns.dto.js';

interface RerunRow {
  id: string;
  status: RerunStatus;
  since: Date | null;
  extractor_version_below: string | null;
  total: number;
  done: number;
  failed: number;
  created_at: Date;
  finished_at: Date | null;
  elapsed: number;
}

/** The numbers of a version string ("numeric-claims/2.0.0" → {2,0,0}), for a part-by-part comparison in SQL. */
const VERSION_NUMBERS = (column: string) => `string_to_array(substring(${column} from '(\\d+(?:\\.\\d+)*)$'), '.')::int[]`;

/**
 * Re-extraction runs (POST /v1/extraction/reruns, `cli reextract`): the selection of articles is written to Postgres
 * when the run is created (extraction_rerun_items), so the run is its own record of what is left; the worker's
 * RerunRunner works through it, and resumes it after a crash or a lost job (the reconciler re-enqueues a stale run).
 */
@Injectable()
export class RerunsService {
  private readonly logger = new Logger(RerunsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly queues: QueueService,
  ) {}

  /** One run at a time: two would re-extract the same articles for nothing. `enqueue: false` for a caller that drives the run itself (the CLI). */
  async create(dto: CreateRerunDto, actorId: string | null, enqueue = true): Promise<RerunDto> {
    const id = await this.db.transaction(async (tx) => {
      // Serialises creations: the check below and the insert are one step.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('extraction_reruns'))`);
      const [running] = await rows<{ id: string }>(tx, `SELECT id FROM extraction_reruns WHERE status = 'running' LIMIT 1`);
      if (running) throw conflict('rerun_running', `Re-extraction run ${running.id} is still running; wait for it to finish.`, { runId: running.id });
      const [run] = await rows<{ id: string }>(
        tx,
        `INSERT INTO extraction_reruns (since, extractor_version_below, total, created_by) VALUES ($1, $2, 0, $3) RETURNING id`,
        [dto.since ?? null, dto.extractorVersionBelow ?? null, actorId],
      );
      const selected = await rows<{ article_id: string }>(
        tx,
        `INSERT INTO extraction_rerun_items (run_id, article_id)
         SELECT $1, a.id FROM articles a
          WHERE a.status = 'extracted'
            AND ($2::timestamptz IS NULL OR a.created_at >= $2::timestamptz)
            AND ($3::text IS NULL OR coalesce(${VERSION_NUMBERS('a.extractor_version')} < ${VERSION_NUMBERS('$3::text')}, true))
            -- imported fact-checks hold another publisher's claim, not an extraction
            AND NOT EXISTS (SELECT 1 FROM claims c JOIN fact_checks f ON f.claim_id = c.id WHERE c.article_id = a.id)
         RETURNING article_id`,
        [run.id, dto.since ?? null, dto.extractorVersionBelow ?? null],
      );
      await tx.query(
        `UPDATE extraction_reruns SET total = $2, status = CASE WHEN $2 = 0 THEN 'done' ELSE status END,
                finished_at = CASE WHEN $2 = 0 THEN now() END WHERE id = $1`,
        [run.id, selected.length],
      );
      await this.audit.record(tx, {
        entityType: 'extraction_rerun', entityId: run.id, action: 'extraction.rerun_started', actorId,
        changes: { since: dto.since ?? null, extractorVersionBelow: dto.extractorVersionBelow ?? null, total: selected.length },
      });
      return run.id;
    });
    if (enqueue) await this.queue(id);
    return this.get(id);
  }

  /** Best effort, like ingestion: the run's row says the work is due; the reconciler repeats a lost enqueue. */
  async queue(runId: string): Promise<void> {
    try {
      await this.queues.ensureEnqueued('rerun-extraction', { runId });
    } catch (err) {
      this.logger.warn(`enqueue failed for re-extraction run ${runId}; the reconciler will retry: ${String(err)}`);
    }
  }

  async get(id: string): Promise<RerunDto> {
    const [run] = await rows<RerunRow>(this.db, `SELECT ${RUN_COLUMNS} FROM extraction_reruns WHERE id = $1`, [id]);
    if (!run) throw notFound('extraction rerun', id);
    return toRerunDto(run);
  }

  /** The latest runs, newest first (the desk's list; a run's own progress is GET …/{id}). */
  async list(limit = 20): Promise<RerunDto[]> {
    const runs = await rows<RerunRow>(this.db, `SELECT ${RUN_COLUMNS} FROM extraction_reruns ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
    return runs.map(toRerunDto);
  }
}

const RUN_COLUMNS = `id, status, since, extractor_version_below, total, done, failed, created_at, finished_at,
  extract(epoch FROM coalesce(finished_at, now()) - created_at)::float8 AS elapsed`;

export function toRerunDto(r: RerunRow): RerunDto {
  const processed = r.done + r.failed;
  const remaining = Math.max(0, r.total - processed);
  const rate = processed > 0 && r.elapsed > 0 ? processed / r.elapsed : null;
  return {
    id: r.id,
    status: r.status,
    since: r.since?.toISOString() ?? null,
    extractorVersionBelow: r.extractor_version_below,
    total: r.total,
    done: r.done,
    failed: r.failed,
    remaining,
    ratePerSecond: rate === null ? null : Math.round(rate * 1000) / 1000,
    etaSeconds: r.status === 'done' || remaining === 0 ? 0 : rate === null ? null : Math.ceil(remaining / rate),
    createdAt: r.created_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
