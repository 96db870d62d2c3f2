import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/problem.js';
import { AppConfig } from '../config/config.js';
import { rows } from '../database/sql.js';
import type { PublisherDto, PublishersDto } from './publishers.dto.js';

const SELECT = `p.name, p.time_zone AS "timeZone", p.updated_at AS "updatedAt", u.name AS "updatedByName"`;

/** Publishers' time zones: the zone an article is read in is its publisher's (set here), else DEFAULT_TIME_ZONE. */
@Injectable()
export class PublishersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(): Promise<PublishersDto> {
    const items = await rows<PublisherDto>(this.db, `SELECT ${SELECT} FROM publishers p LEFT JOIN users u ON u.id = p.updated_by ORDER BY lower(p.name)`);
    return { items, defaultTimeZone: this.config.DEFAULT_TIME_ZONE };
  }

  /** Upsert by name (case-insensitive). Articles already ingested keep the zone they were read in. */
  async set(name: string, timeZone: string, actorId: string): Promise<PublisherDto> {
    return this.db.transaction(async (tx) => {
      const [before] = await rows<{ time_zone: string }>(tx, `SELECT time_zone FROM publishers WHERE lower(name) = lower($1) FOR UPDATE`, [name]);
      const [saved] = await rows<{ id: string }>(
        tx,
        `INSERT INTO publishers (name, time_zone, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT ((lower(name))) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING id`,
        [name, timeZone, actorId],
      );
      if (before?.time_zone !== timeZone) {
        await this.audit.record(tx, {
          entityType: 'publisher', entityId: saved.id, action: before ? 'publisher.updated' : 'publisher.created', actorId,
          changes: { name, timeZone: { from: before?.time_zone ?? null, to: timeZone } },
        });
      }
      return this.one(tx, saved.id);
    });
  }

  async remove(name: string, actorId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [gone] = await rows<{ id: string; time_zone: string }>(tx, `DELETE FROM publishers WHERE lower(name) = lower($1) RETURNING id, time_zone`, [name]);
      if (!gone) throw notFound('publisher', name);
      await this.audit.record(tx, {
        entityType: 'publisher', entityId: gone.id, action: 'publisher.deleted', actorId, changes: { name, timeZone: { from: gone.time_zone, to: null } },
      });
    });
  }

  private async one(db: EntityManager, id: string): Promise<PublisherDto> {
    const [p] = await rows<PublisherDto>(db, `SELECT ${SELECT} FROM publishers p LEFT JOIN users u ON u.id = p.updated_by WHERE p.id = $1`, [id]);
    return p;
  }
}
