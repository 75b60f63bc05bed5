import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/transport/pacer.js';
import { simulate } from './pacer.sim.js';

describe('Pacer', () => {
  it('lets everything through until something is known', () => {
    const p = new Pacer();
    for (let i = 0; i < 100; i++) expect(p.acquire(0)).toBe(0);
    expect(p.rps).toBeUndefined();
  });

  it('paces a known budget from the first request', () => {
    const p = new Pacer({ maxRps: 4 });
    expect(p.acquire(0)).toBe(0);
    expect(p.acquire(0)).toBe(250);
    expect(p.acquire(249)).toBe(1);
    expect(p.acquire(250)).toBe(0);
  });

  it('closes the gate for Retry-After, for every request, and reopens exactly at its end', () => {
    const p = new Pacer();
    p.onThrottled(1000, 990, 2000);
    expect(p.acquire(1000)).toBe(2000);
    expect(p.acquire(2999)).toBe(1);
    expect(p.acquire(3000)).toBe(0);
    expect(p.pausedUntilMs).toBe(3000);
  });

  it('cuts to 90 % of the accepted rate measured before the 429', () => {
    const p = new Pacer();
    // 20 accepted answers spread over 2 s: 10 per second.
    for (let i = 0; i < 20; i++) p.onAccepted(i * 100);
    expect(p.onThrottled(2000, 1990, 0)).toBeCloseTo(9, 5);
  });

  it('cuts once per overload: 429s of requests sent before the cut only extend the gate', () => {
    const p = new Pacer();
    for (let i = 0; i < 20; i++) p.onAccepted(i * 100);
    const first = p.onThrottled(2000, 1990, 1000);
    expect(p.onThrottled(2005, 1995, 1000)).toBe(first);
    expect(p.onThrottled(2005, 2000, 1000)).toBe(first);
    expect(p.pausedUntilMs).toBe(3005);
  });

  it('trims by another 10 % when a 429 comes before enough answers to measure', () => {
    const p = new Pacer({ maxRps: 10 });
    expect(p.onThrottled(100, 50)).toBe(9); // fewer than 5 samples: 10 * 0.9
    expect(p.onThrottled(300, 200)).toBeCloseTo(8.1, 5);
  });

  it('stays unpaced after a 429 that comes before anything can be measured, then measures the next', () => {
    const p = new Pacer();
    p.onAccepted(10);
    expect(p.onThrottled(100, 50, 1000)).toBeUndefined(); // 1 answer: no guess, the gate holds
    expect(p.rps).toBeUndefined();
    expect(p.acquire(500)).toBe(600);
    expect(p.acquire(1100)).toBe(0);
    // 30 answers over the 3 s after the gate: 10 per second, cut to 9.
    for (let i = 0; i < 30; i++) p.onAccepted(1100 + i * 100);
    expect(p.onThrottled(4100, 4090, 0)).toBeCloseTo(9, 5);
  });

  it('never exceeds the known budget nor falls below the floor', () => {
    const p = new Pacer({ maxRps: 2 });
    for (let t = 0; t < 600_000; t += 500) p.acquire(t);
    expect(p.rps).toBe(2);
    const q = new Pacer({ minRps: 0.5 });
    for (let i = 0; i < 6; i++) q.onAccepted(i);
    let rate: number | undefined;
    for (let t = 1000; t < 60_000; t += 1000) rate = q.onThrottled(t, t - 1);
    expect(rate).toBe(0.5);
  });

  it('grows back without 429s, briskly to 95 % of the last limit then slowly past it', () => {
    const p = new Pacer();
    for (let i = 0; i < 50; i++) p.onAccepted(i * 100); // 10/s over 5 s
    p.onThrottled(5000, 4990, 0); // -> 9/s, estimate 10/s
    p.acquire(5000);
    p.acquire(6000);
    expect(p.rps).toBeCloseTo(9.2, 5); // +2 % of 10 per second
    p.acquire(7000);
    p.acquire(8000);
    expect(p.rps).toBeCloseTo(9.6, 5);
    for (let t = 9000; t <= 12_000; t += 1000) p.acquire(t);
    // Above 95 %: probing at 0.5 % of the estimate per second (doubling every 10 s of sending).
    const before = p.rps ?? 0;
    p.acquire(13_000);
    const step = (p.rps ?? 0) - before;
    expect(step).toBeGreaterThan(0.05);
    expect(step).toBeLessThan(0.1);
  });

  it('does not count an idle spell as growth', () => {
    const p = new Pacer();
    for (let i = 0; i < 50; i++) p.onAccepted(i * 100);
    p.onThrottled(5000, 4990, 0);
    p.acquire(5000);
    p.acquire(65_000); // one minute idle: at most one second of growth
    expect(p.rps).toBeCloseTo(9.2, 5);
  });
});

describe('Pacer against a simulated rate-limited server', () => {
  // The product goal (issue 5): N requests under a limit of R req/s take at most 1.3 × N/R, few 429s.
  const cases = [
    { n: 300, rps: 5 },
    { n: 1000, rps: 50 },
    { n: 500, rps: 20 },
  ];
  for (const limiter of ['bucket', 'window'] as const) {
    for (const { n, rps } of cases) {
      it(`${limiter} limiter, ${n} requests at ${rps} req/s: within 1.3 × N/R and under 6 % 429s`, () => {
        const r = simulate({ n, rps, limiter });
        expect(r.ms).toBeLessThanOrEqual(1.3 * (n / rps) * 1000);
        expect(r.throttled).toBeLessThan(0.06 * n);
      });
    }
  }

  it('with a known budget at the limit, sends no request that gets a 429 after the first second', () => {
    const r = simulate({ n: 300, rps: 5, limiter: 'window', maxRps: 5 });
    expect(r.throttled).toBe(0);
    expect(r.ms).toBeLessThanOrEqual(1.3 * 60_000);
  });
});
