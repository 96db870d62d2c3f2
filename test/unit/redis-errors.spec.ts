import { describe, expect, test } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { Logger } from '@nestjs/common';
import { logRedisErrors } from '../../src/queue/redis-errors.js';

function recorder() {
  const lines: Array<{ level: string; line: Record<string, unknown> }> = [];
  const logger = {
    warn: (line: Record<string, unknown>) => lines.push({ level: 'warn', line }),
    error: (line: Record<string, unknown>) => lines.push({ level: 'error', line }),
  } as unknown as Logger;
  return { lines, logger };
}
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });

describe('Redis errors in the log', () => {
  test('a connection that keeps failing writes one structured line per window, then one with the count it left out', async () => {
    const { lines, logger } = recorder();
    const connection = new EventEmitter();
    logRedisErrors(connection, logger, 'queue:extraction', 50);
    for (let i = 0; i < 20; i++) connection.emit('error', refused());
    expect(lines).toEqual([{ level: 'warn', line: expect.objectContaining({ msg: 'redis error', connection: 'queue:extraction', code: 'ECONNREFUSED', suppressed: 0 }) }]);
    await new Promise((r) => setTimeout(r, 60));
    connection.emit('error', refused());
    expect(lines[1].line).toMatchObject({ connection: 'queue:extraction', suppressed: 19 });
  });

  test('an error that is not the connection (a job or a script) is logged each time, as an error', () => {
    const { lines, logger } = recorder();
    const worker = new EventEmitter();
    logRedisErrors(worker, logger, 'worker:extraction');
    worker.emit('error', new Error('Missing key for job extract-article-1. moveToFinished'));
    worker.emit('error', new Error('Missing key for job extract-article-2. moveToFinished'));
    expect(lines.map((l) => l.level)).toEqual(['error', 'error']);
  });
});
