import { spawn } from 'node:child_process';

/** How a compiled program ended, with everything it printed. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` from the project root (the compiled dist/ entry points) with extra environment variables. */
export function runNode(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: process.cwd(), env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The compiled CLI (`npm run cli -- ARGS`). */
export const runCli = (args: string[], env: Record<string, string> = {}) => runNode(['dist/src/cli/main.js', ...args], env);
