/**
 * Rate limiting and fault injection. The token bucket runs on a monotonic clock; faults draw
 * from seeded PRNG streams (one per fault kind, so one rate never shifts another's sequence).
 */
import { performance } from 'node:perf_hooks';
import { mulberry32, type Prng } from './prng.js';

/** Per-client token bucket: `rate` tokens/s, burst max(1, rate). Rate 0 = unlimited. */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private rate: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The limit in words, for messages. */
  describe(): string {
    return `${this.rate} request(s)/s`;
  }

  /** Changes the rate; buckets refill at the new rate from now on. */
  setRate(rate: number): void {
    this.rate = rate;
    this.#buckets.clear();
  }

  /**
   * Takes one token for `key`. Returns 0 when allowed, otherwise the whole seconds to wait until a
   * token is available (ceil, so at least 1: a client that waits that long will get through).
   */
  take(key: string): number {
    if (!(this.rate > 0)) return 0;
    const capacity = Math.max(1, this.rate);
    const now = this.clock();
    const b = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    this.#buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.rate));
  }
}

/** Fault rates, each a share in [0, 1]. */
export interface FaultRates {
  faultRate: number;
  resetRate: number;
  lostResponseRate: number;
}

/**
 * Deterministic fault decisions. Every draw consumes its stream whatever the rate, so the
 * n-th request meets the same decision for a given seed regardless of which rates are set.
 */
export class FaultInjector {
  readonly #fault: Prng;
  readonly #reset: Prng;
  readonly #lost: Prng;

  constructor(seed: number, public rates: FaultRates) {
    this.#fault = mulberry32(seed ^ 0x5f3759df);
    this.#reset = mulberry32(seed ^ 0x27d4eb2f);
    this.#lost = mulberry32(seed ^ 0x165667b1);
  }

  /** Whether this (non-token) request is answered 503. */
  fault(): boolean {
    return this.#fault() < this.rates.faultRate;
  }

  /** Whether this (non-token) request's connection is destroyed before it is handled. */
  reset(): boolean {
    return this.#reset() < this.rates.resetRate;
  }

  /** Whether this successful PUT's answer is lost (applied, then the connection destroyed). */
  lose(): boolean {
    return this.#lost() < this.rates.lostResponseRate;
  }
}
