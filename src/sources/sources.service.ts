import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound, unprocessable } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import type { ClaimCategory, Qualifier } from '../claims/claim-vocabulary.js';
import { assess, parseTolerances, type Assessment } from './assessment.js';
import type { CreateSourceDto, SourceDto } from './sources.dto.js';
import { RecheckService } from '../verdicts/recheck.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.service.js';

const SOURCE_SELECT = `id, claim_id AS "claimId", url, title, publisher, source_type AS "sourceType", published_at AS "publishedAt",
  excerpt, CASE WHEN figure_value IS NULL AND figure_low IS NULL AND figure_high IS NULL THEN NULL
    ELSE json_build_object('value', figure_value, 'low', figure_low, 'high', figure_high, 'asOf', to_char(figure_as_of, 'YYYY-MM-DD')) END AS figure,
  stance, cites_source_id AS "citesSourceId", created_at AS "createdAt"`;

@Injectable()
export class SourcesService {
  private readonly tolerances: Record<ClaimCategory, number>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    config: AppConfig,
    private readonly recheck: RecheckService,
    private readonly outbox: WebhookOutbox,
  ) {
    // Parsed once at boot: a bad ASSESSMENT_TOLERANCES stops the start, not a request.
    this.tolerances = parseTolerances(config.ASSESSMENT_TOLERANCES);
  }

  async add(claimId: string, dto: CreateSourceDto, actorId: string): Promise<SourceDto> {
    const figure = dto.figure;
    if (figure) {
      if (figure.value === undefined && figure.low === undefined && figure.high === undefined) {
        throw unprocessable('invalid_figure', 'figure needs a value, or low and/or high.');
      }
      if (figure.value !== undefined && (figure.low !== undefined || figure.high !== undefined)) {
        throw unprocessable('invalid_figure', 'figure takes either value, or low/high, not both.');
      }
      if (figure.low !== undefined && figure.high !== undefined && figure.low > figure.high) {
        throw unprocessable('invalid_figure', `figure.low (${figure.low}) is above figure.high (${figure.high}).`);
      }
    }
    const { source, deliveries } = await this.db.transaction(async (tx) => {
      const claim = await tx.query(`SELECT 1 FROM claims WHERE id = $1`, [claimId]);
      if (claim.length === 0) throw notFound('claim', claimId);
      if (dto.citesSourceId) {
        const cited = await tx.query(`SELECT 1 FROM sources WHERE id = $1 AND claim_id = $2`, [dto.citesSourceId, claimId]);
        if (cited.length === 0) throw unprocessable('unknown_cited_source', `citesSourceId ${dto.citesSourceId} is not a source of this claim.`);
      }
      const [{ id }] = await rows<{ id: string }>(
        tx,
        `INSERT INTO sources (claim_id, url, title, publisher, source_type, published_at, excerpt,
                              figure_value, figure_low, figure_high, figure_as_of, stance, cites_source_id, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          claimId, dto.url, dto.title, dto.publisher ?? null, dto.sourceType ?? 'other', dto.publishedAt ?? null, dto.excerpt ?? null,
          figure?.value ?? null, figure?.low ?? null, figure?.high ?? null, figure?.asOf ?? null, dto.stance ?? null,
          dto.citesSourceId ?? null, actorId,
        ],
      );
      await this.audit.record(tx, {
        entityType: 'source',
        entityId: id,
        claimId,
        action: 'source.added',
        actorId,
        changes: { url: dto.url, title: dto.title, sourceType: dto.sourceType ?? 'other', figure: figure ?? null, stance: dto.stance ?? null },
      });
      const [source] = await rows<SourceDto>(tx, `SELECT ${SOURCE_SELECT} FROM sources WHERE id = $1`, [id]);
      // Living verdicts: a figure outside the published verdict's band makes it due for a re-check (one indexed read).
      const deliveries = source.figure
        ? await this.recheck.onSourceFigure(tx, claimId, {
          id, value: source.figure.value, low: source.figure.low, high: source.figure.high, asOf: source.figure.asOf, publisher: source.publisher, title: source.title,
        }, actorId)
        : [];
      return { source, deliveries };
    });
    await this.outbox.dispatch(deliveries);
    return source;
  }

  listForClaim(claimId: string): Promise<SourceDto[]> {
    return rows<SourceDto>(this.db, `SELECT ${SOURCE_SELECT} FROM sources WHERE claim_id = $1 ORDER BY created_at, id`, [claimId]);
  }

  /** Sources of many claims in one query (feeds). */
  listForClaims(claimIds: string[]): Promise<SourceDto[]> {
    if (claimIds.length === 0) return Promise.resolve([]);
    return rows<SourceDto>(this.db, `SELECT ${SOURCE_SELECT} FROM sources WHERE claim_id = ANY($1::uuid[]) ORDER BY created_at, id`, [claimIds]);
  }

  /** The claim's number against every source's figure (two indexed queries). */
  async assessment(claimId: string): Promise<Assessment & { claimId: string }> {
    const [claim] = await rows<{
      category: ClaimCategory; quantity_text: string | null; quantity_value: number | null; quantity_low: number | null;
      quantity_high: number | null; unit: string | null; qualifier: Qualifier | null;
    }>(
      this.db,
      `SELECT category, quantity_text, quantity_value, quantity_low, quantity_high, unit, qualifier FROM claims WHERE id = $1`,
      [claimId],
    );
    if (!claim) throw notFound('claim', claimId);
    const sources = await this.listForClaim(claimId);
    const result = assess(
      claim.category,
      {
        text: claim.quantity_text, value: claim.quantity_value, low: claim.quantity_low, high: claim.quantity_high,
        qualifier: claim.qualifier, unit: claim.unit,
      },
      sources.map((s) => ({
        id: s.id, title: s.title, publisher: s.publisher, sourceType: s.sourceType, citesSourceId: s.citesSourceId,
        value: s.figure?.value ?? null, low: s.figure?.low ?? null, high: s.figure?.high ?? null, asOf: s.figure?.asOf ?? null,
      })),
      this.tolerances,
    );
    return { claimId, ...result };
  }
}
