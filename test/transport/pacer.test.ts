import { describe, expect, it } from 'vitest';
import { PACER_CONSTANTS, Pacer } from '../../src/transport/pacer.js';
import { LOADED, simulate, type SimOptions } from './pacer.sim.js';

describe('Pacer', () => {
  it('lets everything through until something is known', () => {
    const p = new Pacer();
    for (let i = 0; i < 100; i++) expect(p.acquire(0)).toBe(0);
    expect(p.rps).toBeUndefined();
  });

  it('paces a known budget from the first request and never exceeds it', () => {
    const p = new Pacer({ maxRps: 4 });
    expect(p.acquire(0)).toBe(0);
    expect(p.acquire(0)).toBe(250);
    expect(p.acquire(249)).toBe(1);
    expect(p.acquire(250)).toBe(0);
    for (let t = 0; t < 600_000; t += 500) p.acquire(t);
    expect(p.rps).toBe(4);
  });

  it('spaces a request from when the previous one actually left, and holds it while one is not yet sent', () => {
    const p = new Pacer({ maxRps: 10, confirmSends: true });
    expect(p.acquire(0)).toBe(0);
    // Not on the wire yet (an event-loop stall): the next waits, however late its timer fires.
    expect(p.acquire(150)).toBeGreaterThan(0);
    p.onSent(150);
    // Spaced from 150, not from the schedule's 100 (2 % early catch-up before any gate).
    expect(p.acquire(200)).toBe(48);
    expect(p.acquire(250)).toBe(0);
    p.onSent(250);
    // A request that never reports its send holds the next for UNSENT_HOLD_MS at most.
    expect(p.acquire(350)).toBe(0);
    expect(p.acquire(350 + PACER_CONSTANTS.UNSENT_HOLD_MS - 1)).toBeGreaterThan(0);
    expect(p.acquire(350 + PACER_CONSTANTS.UNSENT_HOLD_MS)).toBe(0);
  });

  it('after a Retry-After gate, late timers catch up only down to the spacing of 97 % of the refused rate', () => {
    const p = new Pacer({ maxRps: 20, confirmSends: true });
    p.onThrottled(0, 0, 1000); // the gate at 20 req/s: the limit is tight
    const floor = 1000 / (PACER_CONSTANTS.NEAR * 20);
    let gaps = 0;
    let t = 1000;
    let last = Number.NEGATIVE_INFINITY;
    let sent = 0;
    for (let i = 0; i < 300; i++) {
      const w = p.acquire(t);
      if (w > 0) {
        // Every third timer fires 30 ms late.
        t += w + (i % 3 === 0 ? 30 : 0);
        continue;
      }
      p.onSent(t);
      expect(t - last).toBeGreaterThanOrEqual(Math.floor(floor));
      if (t - last < 1000 / (p.rps ?? 1)) gaps++;
      last = t;
      sent++;
    }
    expect(sent).toBeGreaterThan(50);
    // The late timers were caught up (inside the margin below the refused rate).
    expect(gaps).toBeGreaterThan(10);
  });

  it('paces after a 429 that follows a single accepted request (burst 1): never unpaced again', () => {
    const p = new Pacer();
    p.onAccepted(5);
    const rate = p.onThrottled(21, 0, 1000);
    expect(rate).toBeGreaterThan(0);
    expect(p.rps).toBe(rate);
  });

  it('paces after a 429 that follows nothing accepted at all', () => {
    const p = new Pacer();
    expect(p.onThrottled(10, 0)).toBe(PACER_CONSTANTS.START_RPS);
  });

  it('closes the gate for Retry-After, then releases waiters one at a time at the pace', () => {
    const p = new Pacer();
    for (let i = 0; i < 20; i++) p.onAccepted(i * 100);
    const rate = p.onThrottled(2000, 1990, 2000) ?? 0;
    expect(rate).toBeCloseTo(9, 5); // 10/s accepted, cut to 90 %
    expect(p.acquire(2000)).toBe(2000);
    expect(p.acquire(3999)).toBe(1);
    // Eight waiters wake at the gate's end: one leaves, the rest are spaced by the interval.
    const released = Array.from({ length: 8 }, () => p.acquire(4000));
    expect(released.filter((w) => w === 0)).toHaveLength(1);
    expect(Math.min(...released.filter((w) => w > 0))).toBeGreaterThanOrEqual(Math.floor(1000 / rate));
  });

  it('cuts once per overload: 429s of requests sent before the cut only extend the gate', () => {
    const p = new Pacer();
    for (let i = 0; i < 20; i++) p.onAccepted(i * 100);
    const first = p.onThrottled(2000, 1990, 1000);
    expect(p.onThrottled(2005, 1995, 1000)).toBe(first);
    expect(p.onThrottled(2005, 2000, 1000)).toBe(first);
    expect(p.pausedUntilMs).toBe(3005);
    expect(p.cutCount).toBe(1);
  });

  it('without Retry-After, 429s within a second of a cut are the same overload (a fixed window refusing until its end)', () => {
    const p = new Pacer({ maxRps: 50 });
    const first = p.onThrottled(100, 50);
    expect(p.onThrottled(600, 550)).toBe(first);
    expect(p.onThrottled(1200, 1150)).toBeLessThan(first ?? 0);
  });

  it('cuts to what was accepted when the server took far less than was sent (a budget shared with another client)', () => {
    const p = new Pacer({ maxRps: 100 });
    // Sending at 20/s for 2 s; only a quarter accepted.
    for (let t = 0; t < 2000; t += 50) {
      p.acquire(t);
      if (t % 200 === 0) p.onAccepted(t + 10);
    }
    const rate = p.onThrottled(2000, 1990, 0) ?? 0;
    expect(rate).toBeLessThan(10);
    expect(rate).toBeGreaterThan(3);
  });

  it('never falls below its floor, however many overloads', () => {
    const q = new Pacer({ minRps: 0.5, maxRps: 10 });
    let rate: number | undefined;
    for (let t = 1000; t < 60_000; t += 1000) rate = q.onThrottled(t, t - 1);
    expect(rate).toBe(0.5);
  });

  it('slow start doubles the rate while nothing is known of the limit, counting sending time only', () => {
    const p = new Pacer();
    const start = p.onThrottled(0, 0, 0) ?? 0; // START_RPS, limit unknown
    const doubling = PACER_CONSTANTS.SLOW_START_DOUBLING_MS;
    p.acquire(0);
    p.acquire(doubling);
    expect(p.rps).toBeCloseTo(2 * start, 5);
    p.acquire(doubling + 60_000); // a minute idle counts as one second at most
    expect(p.rps).toBeCloseTo(2 * start * 2 ** (1000 / doubling), 5);
    expect(p.limitRps).toBeUndefined();
  });

  it('leaving slow start after a burst, the ceiling is the exit rate, not the overshoot; after one request it is the pace', () => {
    const run = (burst: number): { pace: number; rate: number; limit: number } => {
      const p = new Pacer();
      for (let i = 0; i < burst; i++) p.onAccepted(i);
      p.onThrottled(20, 0, 1000); // the first 429, unpaced: slow start from the gate's end
      for (let t = 1020; t < 2100; t += 20) {
        p.acquire(t);
        p.onAccepted(t + 10);
      }
      const pace = p.rps ?? 0;
      const rate = p.onThrottled(2100, 2090, 1000) ?? 0;
      return { pace, rate, limit: p.limitRps ?? 0 };
    };
    const burst = run(10);
    expect(burst.rate).toBeCloseTo(burst.pace * PACER_CONSTANTS.SLOW_START_EXIT, 5);
    expect(burst.limit).toBeCloseTo(burst.rate, 5);
    const single = run(1);
    expect(single.limit).toBeCloseTo(single.pace, 5);
  });

  it('after the ceiling is known it probes above it slowly, then faster while no 429 comes', () => {
    const p = new Pacer({});
    p.onThrottled(0, 0);
    for (let t = 0; t < 2000; t += 100) {
      p.acquire(t);
      p.onAccepted(t + 1);
    }
    p.onThrottled(2000, 1999, 0); // slow start ends: ceiling known
    expect(p.limitRps).toBeDefined();
    const rates: number[] = [];
    for (let t = 2000; t <= 40_000; t += 1000) {
      p.acquire(t);
      rates.push(p.rps ?? 0);
    }
    const early = (rates[12] ?? 0) - (rates[11] ?? 0);
    const late = (rates[36] ?? 0) - (rates[35] ?? 0);
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early);
  });
});

/** The targets: 1.3 × N/R + 2 s with Retry-After, 1.5 × without, 1.4 × N/(R − other) shared. */
function target(o: SimOptions): { ms: number; max429: (sent: number) => number } {
  const other = o.background ?? 0;
  const factor = other > 0 ? 1.4 : o.retryAfter === false ? 1.5 : 1.3;
  return {
    ms: factor * (o.n / (o.rps - other)) * 1000 + 2000,
    max429: (sent) => (o.retryAfter === false ? o.n : 0.1 * sent),
  };
}

describe('Pacer against every limiter shape (simulated time, the sandbox\'s own limiter)', () => {
  const shapes: [string, Omit<SimOptions, 'n' | 'rps'>][] = [
    ['token bucket, burst 1', { limiter: 'bucket', burst: 1 }],
    ['token bucket, burst R/5', { limiter: 'bucket', burst: 0.2 }],
    ['token bucket, burst R', { limiter: 'bucket' }],
    ['fixed one-second windows', { limiter: 'window' }],
    ['sliding window', { limiter: 'sliding' }],
    ['burst 1 without Retry-After', { limiter: 'bucket', burst: 1, retryAfter: false }],
    ['fixed windows without Retry-After', { limiter: 'window', retryAfter: false }],
    ['sliding window without Retry-After', { limiter: 'sliding', retryAfter: false }],
    ['budget shared with another client (40 %)', { limiter: 'bucket', burst: 0.2, background: 0.4 }],
    ['shared budget whose other client grows mid-run (20 % → 50 %)', { limiter: 'bucket', burst: 0.2, background: 0.2, backgroundChanges: [{ atMs: 0.5, rps: 0.5 }] }],
  ];
  for (const [n, rps] of [[500, 20], [1000, 50]] as const) {
    for (const [name, shape] of shapes) {
      it(`${name}: ${n} requests at ${rps} req/s within the target, every request through`, () => {
        const o: SimOptions = {
          ...shape,
          n,
          rps,
          ...(shape.burst === undefined ? {} : { burst: Math.max(1, Math.round(shape.burst === 1 ? 1 : shape.burst * rps)) }),
          ...(shape.background === undefined ? {} : { background: shape.background * rps }),
          ...(shape.backgroundChanges === undefined
            ? {}
            : { backgroundChanges: shape.backgroundChanges.map((c) => ({ atMs: (c.atMs * n * 1000) / rps, rps: c.rps * rps })) }),
        };
        const r = simulate(o);
        const t = target(o);
        const other = o.background ?? 0;
        // The changing shared budget is held to the floor of what the other client leaves on average.
        const floorMs = shape.backgroundChanges ? t.ms * 1.15 : t.ms;
        expect(r.ms, `other ${other}`).toBeLessThanOrEqual(floorMs);
        expect(r.throttled).toBeLessThanOrEqual(t.max429(r.sent));
        expect(r.sent - r.throttled).toBe(n);
      });
    }
  }

  // A loaded machine (LOADED: late timers of 0–40 ms, 100 ms event-loop stalls, up to 5 ms from slot
  // to socket), at the bench's sizes. Burst 1 with Retry-After took 1.38 × the floor here before the
  // pace was kept from the actual send times with a margin after a gate (target 1.3 × + 2 s = 41 s).
  for (const [name, shape] of shapes.slice(0, 6)) {
    it(`${name}, on a loaded machine: 600 requests at 20 req/s within the target`, () => {
      const o: SimOptions = { ...shape, n: 600, rps: 20, seed: 3, loaded: LOADED, ...(shape.burst === undefined ? {} : { burst: shape.burst === 1 ? 1 : 4 }) };
      const r = simulate(o);
      expect(r.ms).toBeLessThanOrEqual(target(o).ms);
      expect(r.throttled).toBeLessThanOrEqual(target(o).max429(r.sent));
      expect(r.sent - r.throttled).toBe(600);
    });
  }

  // Burst R/5 took 26.0–27.0 s with 12–13 429s here while slow start's overshoot (2.4 × R) was the
  // ceiling: five one-second gates on the way down (see docs/client.md, *slow-start exit*).
  it('token bucket, burst R/5: 1,000 requests at 50 req/s within 25.5 s and 10 429s, on three seeds', () => {
    for (const seed of [1, 2, 3]) {
      const r = simulate({ n: 1000, rps: 50, limiter: 'bucket', burst: 10, seed });
      expect(r.ms, `seed ${seed}`).toBeLessThanOrEqual(25_500);
      expect(r.throttled, `seed ${seed}`).toBeLessThanOrEqual(10);
      expect(r.sent - r.throttled).toBe(1000);
    }
  });

  it('with a known budget at the limit, no request after the first is refused', () => {
    const r = simulate({ n: 300, rps: 5, limiter: 'window', maxRps: 5 });
    expect(r.throttled).toBeLessThanOrEqual(1);
    expect(r.ms).toBeLessThanOrEqual(1.3 * 60_000);
  });

  it('keeps in flight what the pace needs (Little\'s law), not the whole concurrency', () => {
    const r = simulate({ n: 300, rps: 10, limiter: 'bucket', burst: 1, latencyMs: 20, concurrency: 8 });
    expect(r.sent - r.throttled).toBe(300);
    // After the first burst the bound is 2 (10/s × 20 ms × 1.5, + 1); the first burst used all 8.
    expect(r.maxInFlight).toBe(8);
  });
});
