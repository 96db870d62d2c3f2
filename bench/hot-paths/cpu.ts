/**
 * CPU time from /proc (Linux), to say where a path's time goes: the target's own processes (every thread: the event
 * loop, extractor threads, V8's GC and compiler threads) and Postgres (its live processes plus the backends it has
 * reaped, which the postmaster's children's times hold). Elsewhere the readings are NaN and the bench prints none.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;
function hz(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

interface ProcStat { comm: string; ppid: number; self: number; children: number }

function stat(pid: number | string): ProcStat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // (fields after the command name, which may hold spaces: state ppid … utime(14) stime(15) cutime(16) cstime(17))
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')), ppid: Number(f[1]), self: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by these processes (all their threads). */
export function processCpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) return NaN;
    ticks += s.self;
  }
  return ticks / hz();
}

/**
 * CPU seconds used so far by each thread of these processes, by thread id; `main` holds the main threads' (event loops)
 * ids. /proc cannot tell the others apart by name (extractor threads, V8's garbage collector and compiler helpers,
 * libuv's pool): cpuByThread's caller tells the busiest apart.
 */
export function threadCpuSeconds(pids: number[]): { byThread: Map<number, number>; main: Set<number> } {
  const byThread = new Map<number, number>();
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const s = stat(`${pid}/task/${tid}`);
      if (s) byThread.set(Number(tid), s.self / hz()); // (a thread that ended: its time is in the process's only)
    }
  }
  return { byThread, main: new Set(pids) };
}

/** From two readings of threadCpuSeconds: seconds on the main threads, on the busiest other thread, and on the rest. */
export function cpuByThread(before: ReturnType<typeof threadCpuSeconds>, after: ReturnType<typeof threadCpuSeconds>): { main: number; busiest: number; rest: number } {
  let main = 0;
  const others: number[] = [];
  for (const [tid, seconds] of after.byThread) {
    const used = seconds - (before.byThread.get(tid) ?? 0);
    if (after.main.has(tid)) main += used;
    else others.push(used);
  }
  if (after.byThread.size === 0) return { main: NaN, busiest: NaN, rest: NaN };
  others.sort((x, y) => y - x);
  return { main, busiest: others[0] ?? 0, rest: others.slice(1).reduce((sum, x) => sum + x, 0) };
}

/** CPU seconds used so far by the local Postgres server: its processes, and the exited backends the postmaster reaped. */
export function postgresCpuSeconds(): number {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return NaN;
  }
  const all = new Map<number, ProcStat>();
  for (const pid of pids) {
    const s = stat(pid);
    if (s?.comm === 'postgres' || s?.comm.startsWith('postgres:')) all.set(Number(pid), s);
  }
  if (all.size === 0) return NaN;
  let ticks = 0;
  for (const s of all.values()) ticks += s.self + (all.has(s.ppid) ? 0 : s.children);
  return ticks / hz();
}
