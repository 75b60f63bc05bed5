/**
 * Another client spending part of the same rate-limit budget: `rps` requests per second taken from
 * the limiter under the sandbox's client id, without HTTP (the point is the budget, not the wire).
 * Refused ones are not retried, like a polite batch job that simply skips a beat.
 */
import type { RateLimiter } from './limits.js';

export class BackgroundLoad {
  readonly counts = { sent: 0, accepted: 0 };
  #timer: NodeJS.Timeout | undefined;
  #rps = 0;
  #owed = 0;
  #last = 0;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly key: string,
  ) {}

  /** Changes the load from now on; 0 stops it (and its timer). */
  set(rps: number): void {
    this.#rps = rps;
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (!(rps > 0)) return;
    this.#last = Date.now();
    this.#owed = 0;
    // A 10 ms tick spends what is owed: evenly spread, whatever the rate.
    this.#timer = setInterval(() => this.tick(), 10);
    this.#timer.unref();
  }

  private tick(): void {
    const now = Date.now();
    this.#owed += ((now - this.#last) / 1000) * this.#rps;
    this.#last = now;
    while (this.#owed >= 1) {
      this.#owed -= 1;
      this.counts.sent += 1;
      if (this.limiter.take(this.key) === 0) this.counts.accepted += 1;
    }
  }
}
