/**
 * A counting semaphore: at most `limit` calls run at once, the rest wait in arrival order.
 * One instance is shared by every call of a client, so `--concurrency` bounds the whole process.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  /** Calls currently holding a slot. */
  get running(): number {
    return this.active;
  }

  /**
   * Runs `task` when a slot is free and releases the slot when it settles (resolved or rejected).
   * The task's result or error is passed through unchanged.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private take(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    // The slot is handed over directly by `release`, so `active` stays at the limit meanwhile.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
