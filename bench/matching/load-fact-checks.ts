/**
 * The matching benchmark's fact-checks go in as a desk's would: through the ClaimReview import (FactChecksService), one
 * article, one published claim and one fact_checks row each.
 */
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../src/audit/audit.service.js';
import { FactChecksService } from '../../src/fact-checks/fact-checks.service.js';

export interface ClaimReview {
  url: string;
  claimReviewed: string;
  datePublished: string;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** Imports the JSON-lines file of ClaimReviews; returns claim id -> fact-check url. */
export async function loadFactChecks(db: DataSource, file: string): Promise<Map<string, string>> {
  const report = await new FactChecksService(db, new AuditService(db)).import(readFileSync(file, 'utf8'), { actorId: null });
  if (report.invalid.length > 0 || report.skipped.length > 0) {
    throw new Error(`the benchmark's fact-checks did not all import: ${JSON.stringify({ invalid: report.invalid, skipped: report.skipped })}`);
  }
  return new Map(report.factChecks.flatMap((f) => (f.claimId ? [[f.claimId, f.url] as const] : [])));
}
