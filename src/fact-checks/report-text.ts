import type { ImportFormat } from './claim-review-parser.js';
import type { FactCheckImportReportDto } from './fact-checks.dto.js';

/** Where a record is, for a person: `[3]` in an array, `line 4` in JSON lines, `object` for a single one; plus the path inside. */
export function describePosition(format: ImportFormat, position: number, path: string): string {
  const where = format === 'array' ? `[${position}]` : format === 'jsonl' ? `line ${position}` : 'object';
  return path === '$' ? where : `${where} ${path}`;
}

/** The CLI's summary of an import report: one line of counts, then one line per record. */
export function formatImportReport(file: string, r: FactCheckImportReportDto): string {
  const verb = r.dryRun ? 'would import' : 'imported';
  const lines = [
    `${r.dryRun ? 'dry run of ' : ''}import of ${file} (${r.format}, ${r.records} record${r.records === 1 ? '' : 's'}): ` +
      `${verb} ${r.importable}, skipped ${r.skipped.length}, invalid ${r.invalid.length}`,
  ];
  for (const f of r.factChecks) {
    lines.push(`  ${verb.padEnd(12)} ${describePosition(r.format, f.position, f.path)} ${f.url}${f.claimId ? ` → claim ${f.claimId}` : ''}`);
  }
  for (const s of r.skipped) lines.push(`  ${'skipped'.padEnd(12)} ${describePosition(r.format, s.position, s.path)} ${s.url ?? ''}: ${s.reason} (${s.detail})`);
  for (const i of r.invalid) lines.push(`  ${'invalid'.padEnd(12)} ${describePosition(r.format, i.position, i.path)}${i.url ? ` ${i.url}` : ''}: ${i.reason} (${i.detail})`);
  if (r.importable === 0) lines.push(r.skipped.length > 0 && r.invalid.length === 0 ? 'nothing new to import: every fact-check is already stored' : 'nothing could be imported');
  return lines.join('\n');
}
