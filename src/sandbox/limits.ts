/**
 * Rate limiting and fault injection. The token bucket runs on a monotonic clock; faults draw
 * from seeded PRNG streams (one per fault kind, so one rate never shifts another's sequence).
 */
import { performance } from 'node:perf_hooks';
import { mulberry32, type Prng } from './prng.js';

/**
 * How the limit is counted: `bucket` = token bucket (refills continuously, holds `burst` tokens);
 * `window` = at most `rate` requests per fixed one-second window (aligned on the clock);
 * `sliding` = at most `rate` requests in any trailing second.
 */
export type RateLimitMode = 'bucket' | 'window' | 'sliding';

export const RATE_LIMIT_MODES: readonly RateLimitMode[] = ['bucket', 'window', 'sliding'];

/** The shape of the limiter besides its rate. */
export interface RateLimitShape {
  /** Token bucket capacity (default max(1, rate)); ignored by the window modes. */
  burst?: number;
  mode?: RateLimitMode;
}

interface KeyState {
  tokens: number;
  at: number;
  windowStart: number;
  count: number;
  arrivals: number[];
}

/**
 * Per-client rate limiter: a token bucket (`rate` tokens/s, burst max(1, rate) unless set) or a
 * fixed/sliding one-second window. Rate 0 = unlimited.
 */
export class RateLimiter {
  readonly #keys = new Map<string, KeyState>();
  #burst: number | undefined;
  #mode: RateLimitMode;

  constructor(
    private rate: number,
    private readonly clock: () => number = () => performance.now(),
    shape: RateLimitShape = {},
  ) {
    this.#burst = shape.burst;
    this.#mode = shape.mode ?? 'bucket';
  }

  /** The limit in words, for messages. */
  describe(): string {
    if (this.#mode === 'bucket' && this.#burst === undefined) return `${this.rate} request(s)/s`;
    if (this.#mode === 'bucket') return `${this.rate} request(s)/s (burst ${this.#burst})`;
    return `${this.rate} request(s)/s (${this.#mode} window)`;
  }

  /** Changes the rate; buckets refill at the new rate from now on. */
  setRate(rate: number): void {
    this.rate = rate;
    this.#keys.clear();
  }

  /** Changes burst and/or mode (omitted keys keep their value); every client starts afresh. */
  setShape(shape: RateLimitShape): void {
    if (shape.burst !== undefined) this.#burst = shape.burst;
    if (shape.mode !== undefined) this.#mode = shape.mode;
    this.#keys.clear();
  }

  /**
   * Takes one request for `key`. Returns 0 when allowed, otherwise the whole seconds to wait until
   * one would be allowed (ceil, so at least 1: a client that waits that long will get through).
   */
  take(key: string): number {
    const ms = this.takeMs(key);
    return ms === 0 ? 0 : Math.max(1, Math.ceil(ms / 1000));
  }

  /** Like `take`, in exact milliseconds (> 0 when refused). */
  takeMs(key: string): number {
    if (!(this.rate > 0)) return 0;
    const now = this.clock();
    let k = this.#keys.get(key);
    if (k === undefined) {
      k = { tokens: this.capacity(), at: now, windowStart: now - (now % 1000), count: 0, arrivals: [] };
      this.#keys.set(key, k);
    }
    if (this.#mode === 'bucket') return this.bucket(k, now);
    return this.#mode === 'window' ? this.window(k, now) : this.sliding(k, now);
  }

  private capacity(): number {
    return Math.max(1, this.#burst ?? this.rate);
  }

  private bucket(k: KeyState, now: number): number {
    k.tokens = Math.min(this.capacity(), k.tokens + ((now - k.at) / 1000) * this.rate);
    k.at = now;
    if (k.tokens >= 1) {
      k.tokens -= 1;
      return 0;
    }
    return Math.max(1e-3, ((1 - k.tokens) / this.rate) * 1000);
  }

  private window(k: KeyState, now: number): number {
    if (now - k.windowStart >= 1000) {
      k.windowStart = now - (now % 1000);
      k.count = 0;
    }
    if (k.count < Math.max(1, Math.floor(this.rate))) {
      k.count += 1;
      return 0;
    }
    return Math.max(1e-3, k.windowStart + 1000 - now);
  }

  private sliding(k: KeyState, now: number): number {
    while (k.arrivals.length > 0 && (k.arrivals[0] ?? now) <= now - 1000) k.arrivals.shift();
    if (k.arrivals.length < Math.max(1, Math.floor(this.rate))) {
      k.arrivals.push(now);
      return 0;
    }
    return Math.max(1e-3, (k.arrivals[0] ?? now) + 1000 - now);
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
