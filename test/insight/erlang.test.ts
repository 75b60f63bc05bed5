import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCServiceLevel } from '../../src/insight/erlang.js';
import { erlangA } from '../../src/insight/erlang-a.js';

/** Erlang B straight from its definition (A^N/N!)/Σ A^k/k!, fine for small N; a second opinion. */
function erlangBDirect(a: number, n: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= n; k++) {
    term *= a / k;
    sum += term;
  }
  return term / sum;
}

describe('Erlang C against published figures', () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
  // (https://www.callcentrehelper.com/erlang-c-formula-example-121281.htm): 100 calls in 30 min,
  // AHT 180 s → 10 Erlangs; target 80 % in 20 s. 14 agents: P(wait) 17.4 %, SL 88.8 %, ASA 7.8 s;
  // 13 agents: SL 79.6 %. Re-derived independently below with the direct (factorial) formula.
  it('10 Erlangs on 14 agents: P(wait) 0.174, SL 88.8 %, ASA 7.8 s', () => {
    const r = erlangCServiceLevel({ load: 10, agents: 14, handleTime: 180, targetSeconds: 20 });
    expect(r.pWait).toBeCloseTo(0.174, 3);
    expect(r.serviceLevel).toBeCloseTo(0.888, 3);
    expect(r.asa).toBeCloseTo(7.8, 1);
    expect(r.overloaded).toBe(false);
  });

  it('10 Erlangs on 13 agents: SL 79.6 %, just under an 80 % target', () => {
    const r = erlangCServiceLevel({ load: 10, agents: 13, handleTime: 180, targetSeconds: 20 });
    expect(r.serviceLevel).toBeCloseTo(0.796, 3);
    expect(r.serviceLevel).toBeLessThan(0.8);
  });

  it('matches the direct factorial formula on small cases', () => {
    for (const [a, n] of [[10, 14], [10, 13], [2.5, 3], [0.1, 1], [47.9, 55]] as const) {
      const b = erlangBDirect(a, n);
      expect(erlangB(a, n)).toBeCloseTo(b, 12);
      expect(erlangC(a, n)).toBeCloseTo((n * b) / (n - a * (1 - b)), 12);
    }
  });

  it('stays finite and in (0,1) for thousands of agents, where factorials overflow', () => {
    const c = erlangC(1900, 2000);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });
});

describe('Erlang C boundaries', () => {
  const base = { handleTime: 180, targetSeconds: 20 };
  it('zero traffic: SL 1, ASA 0, no wait', () => {
    expect(erlangCServiceLevel({ ...base, load: 0, agents: 3 })).toEqual({ pWait: 0, serviceLevel: 1, asa: 0, overloaded: false });
    expect(erlangCServiceLevel({ ...base, load: 0, agents: 0 }).serviceLevel).toBe(1);
  });
  it('exactly at capacity (A = N) is overloaded: SL 0, ASA Infinity', () => {
    expect(erlangCServiceLevel({ ...base, load: 14, agents: 14 })).toEqual({ pWait: 1, serviceLevel: 0, asa: Infinity, overloaded: true });
  });
  it('just over capacity is overloaded, just under is not (and is poor)', () => {
    expect(erlangCServiceLevel({ ...base, load: 14.001, agents: 14 }).overloaded).toBe(true);
    const under = erlangCServiceLevel({ ...base, load: 13.999, agents: 14 });
    expect(under.overloaded).toBe(false);
    expect(under.pWait).toBeGreaterThan(0.99);
    expect(under.serviceLevel).toBeLessThan(0.01);
    expect(under.asa).toBeGreaterThan(100_000);
  });
  it('rejects negative input with a RangeError naming the argument', () => {
    expect(() => erlangB(-1, 3)).toThrow(/load must be a finite number >= 0/);
    expect(() => erlangCServiceLevel({ load: 1, agents: 2, handleTime: 0, targetSeconds: 20 })).toThrow(/handleTime must be > 0/);
  });
});

describe('Erlang A', () => {
  const base = { handleTime: 180, agents: 14, targetSeconds: 20 };
  it('tends to Erlang C as patience grows (θ → 0)', () => {
    const a = erlangA({ ...base, arrivalRate: 10 / 180, abandonRate: 1e-7 });
    expect(a).not.toBeNull();
    expect(a?.serviceLevel).toBeCloseTo(0.888, 3);
    expect(a?.asa).toBeCloseTo(7.84, 1);
    expect(a?.pWait).toBeCloseTo(0.174, 3);
  });
  it('abandonment improves the service level of those who stay, and costs contacts', () => {
    const c = erlangCServiceLevel({ ...base, load: 13 });
    const a = erlangA({ ...base, arrivalRate: 13 / 180, abandonRate: 1 / 60 });
    expect(a).not.toBeNull();
    expect(a!.asa).toBeLessThan(c.asa);
    expect(a!.pAbandon).toBeGreaterThan(0);
    expect(a!.pAbandon).toBeLessThan(1);
  });
  it('stays stable (finite, answers contacts) when overloaded', () => {
    const a = erlangA({ ...base, arrivalRate: 20 / 180, abandonRate: 1 / 60 });
    expect(a).not.toBeNull();
    expect(a!.pWait).toBeGreaterThan(0.75);
    // Fluid limit: at least 1 − Nμ/λ = 0.3 of contacts must leave unanswered.
    expect(a!.pAbandon).toBeGreaterThan(0.3);
    expect(Number.isFinite(a!.asa)).toBe(true);
  });
  it('zero traffic: SL 1, ASA 0', () => {
    expect(erlangA({ ...base, arrivalRate: 0, abandonRate: 0.01 })).toMatchObject({ serviceLevel: 1, asa: 0, pAbandon: 0 });
  });
  it('no agents: nobody is answered', () => {
    const a = erlangA({ ...base, agents: 0, arrivalRate: 0.05, abandonRate: 0.01 });
    expect(a).toMatchObject({ serviceLevel: 0, asa: Infinity });
    expect(a!.pWait).toBeCloseTo(1, 12);
    expect(a!.pAbandon).toBeCloseTo(1, 12);
  });
  it('returns null when the chain is too large (tiny θ under heavy overload)', () => {
    expect(erlangA({ ...base, arrivalRate: 30 / 180, abandonRate: 1e-9 })).toBeNull();
  });
  it('rejects a non-positive abandonment rate', () => {
    expect(() => erlangA({ ...base, arrivalRate: 0.05, abandonRate: 0 })).toThrow(/abandonRate must be > 0/);
  });
});
