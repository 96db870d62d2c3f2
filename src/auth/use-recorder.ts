/**
 * Records the use of tokens or sessions in batches, off the request path: the ids marked within `delayMs` are written
 * by one statement, whose WHERE keeps the once-a-minute resolution (so most batches write nothing, and several API
 * processes write a row once between them). Uses marked in the last `delayMs` before shutdown are not recorded.
 */
export class UseRecorder {
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly write: (ids: string[]) => Promise<unknown>,
    private readonly onError: (err: unknown) => void,
    private readonly delayMs = 1000,
  ) {}

  mark(id: string): void {
    this.pending.add(id);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), this.delayMs).unref();
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending = new Set();
    await this.write(ids).catch(this.onError);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
