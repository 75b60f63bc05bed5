/**
 * A counting semaphore: at most `limit` calls run at once, the rest wait in arrival order.
 * One instance is shared by every call of a client, so `--concurrency` bounds the whole process.
 * The limit can move while calls run (the pace sets it, see `inFlightLimit`), and a waiting call
 * leaves the queue at once when its AbortSignal fires.
 */
export class Limiter {
  private active = 0;
  private current: number;
  private readonly waiting: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    this.current = limit;
  }

  /** Calls currently holding a slot. */
  get running(): number {
    return this.active;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Slots currently allowed (1..limit). */
  get allowed(): number {
    return this.current;
  }

  /** Moves the number of slots within 1..limit; waiting calls start if it grew. */
  setAllowed(n: number): void {
    this.current = Math.min(this.limit, Math.max(1, Math.floor(n)));
    while (this.active < this.current && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.resolve();
    }
  }

  /**
   * Runs `task` when a slot is free and releases the slot when it settles (resolved or rejected).
   * The task's result or error is passed through unchanged. When `signal` aborts while the call
   * waits for a slot, it rejects with `signal.reason` and never runs.
   */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.take(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.current) {
      this.active++;
      return Promise.resolve();
    }
    // The slot is handed over directly by `release`, so `active` stays counted meanwhile.
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal?.reason);
      };
      const entry = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      this.waiting.push(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    if (this.active <= this.current) {
      const next = this.waiting.shift();
      if (next) return next.resolve();
    }
    this.active--;
  }
}

/**
 * Requests worth having in flight at `rps` when an answer takes `latencyMs` (Little's law:
 * L = λ × W), with headroom for latency spread (×1.5, +1), within 1..`max`. Unpaced: `max`.
 */
export function inFlightLimit(rps: number | undefined, latencyMs: number, max: number): number {
  if (rps === undefined) return max;
  const l = Math.ceil((rps * Math.max(latencyMs, 1) * 1.5) / 1000) + 1;
  return Math.min(max, Math.max(1, l));
}
