import { describe, expect, test } from '@jest/globals';
import { dependencyUnavailableProblem } from '../../src/common/problem.filter.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
/** How TypeORM wraps a driver error. */
const queryFailed = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('connection-level errors become 503 naming the dependency', () => {
  test.each([
    ['refused connect', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['admin shutdown (57P01)', queryFailed(withCode('terminating connection due to administrator command', '57P01'))],
    ['cannot connect now (57P03)', withCode('the database system is starting up', '57P03')],
    ['connection terminated', queryFailed(new Error('Connection terminated unexpectedly'))],
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect')],
  ])('%s → database_unavailable', (_, error) => {
    const problem = dependencyUnavailableProblem(error);
    expect(problem).toMatchObject({ status: 503, code: 'database_unavailable', headers: { 'Retry-After': '5' } });
  });

  test.each([
    ['no offline queue', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['command timeout', new Error('Command timed out')],
    ['bounded enqueue', withCode('enqueue extract-article: Redis did not answer within 2500 ms', 'QUEUE_TIMEOUT')],
  ])('%s → queue_unavailable', (_, error) => {
    expect(dependencyUnavailableProblem(error)).toMatchObject({ status: 503, code: 'queue_unavailable' });
  });

  test.each([
    ['a constraint', withCode('duplicate key value violates unique constraint', '23505')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a deadlock', withCode('deadlock detected', '40P01')],
  ])('%s is not a dependency being down', (_, error) => {
    expect(dependencyUnavailableProblem(error)).toBeNull();
  });
});
