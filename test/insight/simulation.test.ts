/**
 * The predictor checked against a discrete-event simulation written here, independently of the
 * model code: FCFS M/M/N (Erlang C) and M/M/N+M (Erlang A). The measured service level and ASA
 * must fall within the simulation's 99 % batch-means confidence interval around the prediction.
 */
import { describe, expect, it } from 'vitest';
import { erlangCServiceLevel } from '../../src/insight/erlang.js';
import { erlangA } from '../../src/insight/erlang-a.js';
import { predict } from '../../src/insight/predict.js';
import { mulberry32 } from '../../src/sandbox/prng.js';

const CUSTOMERS = 200_000;
const WARM_UP = 10_000;
const BATCHES = 19;
/** Student t, 99 % two-sided, 18 degrees of freedom. */
const T_99_18 = 2.878;

/** mulberry32 (the sandbox's seeded PRNG): small, seeded, good enough for a simulation of this size. */
const prng = mulberry32;

interface Customer {
  answered: boolean;
  wait: number;
}

/**
 * FCFS with N agents: each contact, in arrival order, takes the agent free first; with patience
 * it abandons when that start lies beyond its patience (and then occupies no agent).
 */
function simulate(opts: { lambda: number; aht: number; agents: number; theta: number; seed: number }): Customer[] {
  const rand = prng(opts.seed);
  const exp = (rate: number): number => -Math.log(1 - rand()) / rate;
  const free = new Float64Array(opts.agents);
  const out: Customer[] = [];
  let now = 0;
  for (let i = 0; i < CUSTOMERS; i++) {
    now += exp(opts.lambda);
    let k = 0;
    for (let j = 1; j < opts.agents; j++) if ((free[j] ?? 0) < (free[k] ?? 0)) k = j;
    const start = Math.max(now, free[k] ?? 0);
    const patience = opts.theta > 0 ? exp(opts.theta) : Infinity;
    if (start - now > patience) {
      out.push({ answered: false, wait: patience });
    } else {
      free[k] = start + exp(1 / opts.aht);
      out.push({ answered: true, wait: start - now });
    }
  }
  return out.slice(WARM_UP);
}

/** Batch means: the mean of `stat` per batch, then mean and 99 % half-width over batches. */
function batchMeans(customers: Customer[], stat: (batch: Customer[]) => number): { mean: number; half: number } {
  const size = Math.floor(customers.length / BATCHES);
  const means: number[] = [];
  for (let b = 0; b < BATCHES; b++) means.push(stat(customers.slice(b * size, (b + 1) * size)));
  const mean = means.reduce((s, x) => s + x, 0) / BATCHES;
  const variance = means.reduce((s, x) => s + (x - mean) ** 2, 0) / (BATCHES - 1);
  return { mean, half: T_99_18 * Math.sqrt(variance / BATCHES) };
}

const serviceLevel = (t: number) => (batch: Customer[]) => batch.filter((c) => c.answered && c.wait <= t).length / batch.length;
const asa = (batch: Customer[]) => {
  const answered = batch.filter((c) => c.answered);
  return answered.reduce((s, c) => s + c.wait, 0) / answered.length;
};

describe('simulation agrees with the models', () => {
  it('M/M/N: 10 Erlangs on 14 agents, AHT 180 s, 20 s target (Erlang C)', () => {
    const sim = simulate({ lambda: 10 / 180, aht: 180, agents: 14, theta: 0, seed: 42 });
    const model = erlangCServiceLevel({ load: 10, agents: 14, handleTime: 180, targetSeconds: 20 });
    const sl = batchMeans(sim, serviceLevel(20));
    const wait = batchMeans(sim, asa);
    expect(Math.abs(sl.mean - model.serviceLevel)).toBeLessThanOrEqual(sl.half);
    expect(Math.abs(wait.mean - model.asa)).toBeLessThanOrEqual(wait.half);
    // The interval is tight enough to tell one agent less apart: the check could fail.
    const wrong = erlangCServiceLevel({ load: 10, agents: 13, handleTime: 180, targetSeconds: 20 });
    expect(Math.abs(sl.mean - wrong.serviceLevel)).toBeGreaterThan(3 * sl.half);
  });

  it('M/M/N+M: 13 Erlangs on 14 agents, mean patience 60 s (Erlang A)', () => {
    const sim = simulate({ lambda: 13 / 180, aht: 180, agents: 14, theta: 1 / 60, seed: 7 });
    const model = erlangA({ arrivalRate: 13 / 180, handleTime: 180, agents: 14, abandonRate: 1 / 60, targetSeconds: 20 });
    expect(model).not.toBeNull();
    const sl = batchMeans(sim, serviceLevel(20));
    const wait = batchMeans(sim, asa);
    const abandoned = batchMeans(sim, (b) => b.filter((c) => !c.answered).length / b.length);
    expect(Math.abs(sl.mean - model!.serviceLevel)).toBeLessThanOrEqual(sl.half);
    expect(Math.abs(wait.mean - model!.asa)).toBeLessThanOrEqual(wait.half);
    expect(Math.abs(abandoned.mean - model!.pAbandon)).toBeLessThanOrEqual(abandoned.half);
  });

  it('M/M/N+M overloaded: 18 Erlangs on 14 agents, mean patience 90 s (Erlang A)', () => {
    const sim = simulate({ lambda: 18 / 180, aht: 180, agents: 14, theta: 1 / 90, seed: 3 });
    const model = erlangA({ arrivalRate: 18 / 180, handleTime: 180, agents: 14, abandonRate: 1 / 90, targetSeconds: 20 });
    const sl = batchMeans(sim, serviceLevel(20));
    expect(Math.abs(sl.mean - model!.serviceLevel)).toBeLessThanOrEqual(sl.half);
  });

  it('predict() estimates patience from the metrics a window would report, and still agrees', () => {
    const theta = 1 / 60;
    const sim = simulate({ lambda: 13 / 180, aht: 180, agents: 14, theta, seed: 11 });
    const abandonedCount = sim.filter((c) => !c.answered).length;
    const meanWait = sim.reduce((s, c) => s + c.wait, 0) / sim.length;
    // The window is the whole simulated span: offered contacts over its length give λ.
    const p = predict(
      { queue: { id: 'q' }, occupancy: 0.9, waitTime: meanWait, abandonedCount, answeredCount: sim.length - abandonedCount, offeredCount: sim.length, handleTime: 180, agentsOnQueue: 14 },
      { windowSeconds: (sim.length * 180) / 13 },
    );
    expect(p.method).toBe('erlang-a');
    const sl = batchMeans(sim, serviceLevel(20));
    // The estimate of θ adds its own error; allow the CI plus one point of service level.
    expect(Math.abs(sl.mean - (p.predictedServiceLevel ?? -1))).toBeLessThanOrEqual(sl.half + 0.01);
  });
});
