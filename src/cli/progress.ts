import type { RerunDto } from '../extraction/reruns.dto.js';

/** "1m 05s", "42s", "2h 03m": an ETA a person reads at a glance. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

function parts(run: RerunDto) {
  const processed = run.done + run.failed;
  const percent = run.total === 0 ? 100 : Math.floor((processed / run.total) * 100);
  const rate = run.ratePerSecond === null ? '–' : `${run.ratePerSecond.toFixed(run.ratePerSecond < 10 ? 2 : 0)}/s`;
  const eta = run.etaSeconds === null ? '–' : formatDuration(run.etaSeconds);
  return { processed, percent, rate, eta };
}

/** One line of a terminal progress bar (rewritten in place with \r): `[#####-----] 5/10 50% 2.10/s ETA 3s, 0 failed`. */
export function progressBar(run: RerunDto, width = 30): string {
  const { processed, percent, rate, eta } = parts(run);
  const filled = run.total === 0 ? width : Math.min(width, Math.floor((processed / run.total) * width));
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${processed}/${run.total} ${percent}% ${rate} ETA ${eta}, ${run.failed} failed`;
}

/** The same as a plain log line, for pipes and files. */
export function progressLine(run: RerunDto): string {
  const { processed, percent, rate, eta } = parts(run);
  return `reextract ${run.id}: ${processed}/${run.total} (${percent}%), ${run.done} done, ${run.failed} failed, ${rate}, ETA ${eta}`;
}
