/**
 * Rate limiting and fault injection. The token bucket runs on a monotonic clock; faults draw
 * from seeded PRNG streams (one per fault kind, so one rate never shifts another's sequence).
 */
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './prng.js';
/** Per-client token bucket: `rate` tokens/s, burst max(1, rate). Rate 0 = unlimited. */
export class RateLimiter {
    rate;
    clock;
    #buckets = new Map();
    constructor(rate, clock = () => performance.now()) {
        this.rate = rate;
        this.clock = clock;
    }
    /** The limit in words, for messages. */
    describe() {
        return `${this.rate} request(s)/s`;
    }
    /** Changes the rate; buckets refill at the new rate from now on. */
    setRate(rate) {
        this.rate = rate;
        this.#buckets.clear();
    }
    /**
     * Takes one token for `key`. Returns 0 when allowed, otherwise the whole seconds to wait until a
     * token is available (ceil, so at least 1: a client that waits that long will get through).
     */
    take(key) {
        if (!(this.rate > 0))
            return 0;
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
/**
 * Deterministic fault decisions. Every draw consumes its stream whatever the rate, so the
 * n-th request meets the same decision for a given seed regardless of which rates are set.
 */
export class FaultInjector {
    rates;
    #fault;
    #reset;
    #lost;
    constructor(seed, rates) {
        this.rates = rates;
        this.#fault = mulberry32(seed ^ 0x5f3759df);
        this.#reset = mulberry32(seed ^ 0x27d4eb2f);
        this.#lost = mulberry32(seed ^ 0x165667b1);
    }
    /** Whether this (non-token) request is answered 503. */
    fault() {
        return this.#fault() < this.rates.faultRate;
    }
    /** Whether this (non-token) request's connection is destroyed before it is handled. */
    reset() {
        return this.#reset() < this.rates.resetRate;
    }
    /** Whether this successful PUT's answer is lost (applied, then the connection destroyed). */
    lose() {
        return this.#lost() < this.rates.lostResponseRate;
    }
}
//# sourceMappingURL=limits.js.map