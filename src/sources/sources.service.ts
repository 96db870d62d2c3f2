import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { SourceDto } from '../claims/claims.dto.js';
import { notFound } from '../common/problem.js';
import type { CreateSourceDto } from './sources.dto.js';

@Injectable()
export class SourcesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async add(claimId: string, dto: CreateSourceDto, actorId: string): Promise<SourceDto> {
    return this.db.transaction(async (tx) => {
      const claim = await tx.query(`SELECT 1 FROM claims WHERE id = $1`, [claimId]);
      if (claim.length === 0) throw notFound('claim', claimId);
      const [source]: SourceDto[] = await tx.query(
        `INSERT INTO sources (claim_id, url, title, publisher, excerpt, added_by) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id, claim_id AS "claimId", url, title, publisher, excerpt, created_at AS "createdAt"`,
        [claimId, dto.url, dto.title, dto.publisher ?? null, dto.excerpt ?? null, actorId],
      );
      await this.audit.record(tx, {
        entityType: 'claim',
        entityId: claimId,
        action: 'source.added',
        actorId,
        changes: { sourceId: source.id, url: dto.url, title: dto.title },
      });
      return source;
    });
  }
}
