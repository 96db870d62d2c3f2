/**
 * `work`, or a rejection with `timeoutError()` once `ms` have passed, whichever comes first; the timer is
 * cleared either way. For waits on a dependency that may be down (a Redis command queued until it is back).
 */
export function withDeadline<T>(work: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
