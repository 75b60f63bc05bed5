import { describe, expect, it } from 'vitest';
import type { QueueMetrics } from '../../src/model/tenant.js';
import { confidence, patienceRate, predict, CONFIDENCE_CEILING } from '../../src/insight/predict.js';

/** A window of 180 s with AHT 180 s makes the offered load equal to offeredCount. */
const WINDOW = { windowSeconds: 180 };
function metrics(over: Partial<QueueMetrics> = {}): QueueMetrics {
  return {
    queue: { id: 'q1' }, occupancy: 0.7, waitTime: 5, abandonedCount: 0, answeredCount: 10,
    offeredCount: 10, handleTime: 180, agentsOnQueue: 14, ...over,
  };
}

describe('predict: queueing models', () => {
  it('textbook case: 10 Erlangs on 14 agents meets 80 % in 20 s', () => {
    expect(predict(metrics(), WINDOW)).toEqual({
      predictedServiceLevel: 0.8884, predictedAsa: 7.84, breachPredicted: false, confidence: 0.629, method: 'erlang-c',
    });
  });
  it('13 agents (79.6 %) breaches an 80 % target', () => {
    const p = predict(metrics({ agentsOnQueue: 13 }), WINDOW);
    expect(p).toMatchObject({ predictedServiceLevel: 0.7956, breachPredicted: true, method: 'erlang-c' });
  });
  it('target boundary: just below the predicted SL passes, just above breaches', () => {
    expect(predict(metrics({ agentsOnQueue: 13 }), { ...WINDOW, target: 0.7955 }).breachPredicted).toBe(false);
    expect(predict(metrics({ agentsOnQueue: 13 }), { ...WINDOW, target: 0.7957 }).breachPredicted).toBe(true);
  });
  it('load just under capacity is not overloaded but breaches on service level', () => {
    const p = predict(metrics({ offeredCount: 13, agentsOnQueue: 14 }), WINDOW);
    expect(p.predictedAsa).not.toBeNull();
    expect(p.predictedServiceLevel).toBeGreaterThan(0);
    expect(p.breachPredicted).toBe(true);
  });
  it('load exactly at capacity is a breach with SL 0 and no finite ASA', () => {
    expect(predict(metrics({ offeredCount: 14 }), WINDOW)).toMatchObject({
      predictedServiceLevel: 0, predictedAsa: null, breachPredicted: true, method: 'erlang-c',
    });
  });
  it('load just over capacity is a breach', () => {
    expect(predict(metrics({ offeredCount: 15 }), WINDOW)).toMatchObject({ predictedServiceLevel: 0, breachPredicted: true });
  });
  it('overload is a breach under Erlang A too, even when abandonment keeps the SL up', () => {
    const p = predict(metrics({ offeredCount: 15, abandonedCount: 5, answeredCount: 10, waitTime: 30 }), { ...WINDOW, target: 0.01 });
    expect(p.method).toBe('erlang-a');
    expect(p.predictedServiceLevel).toBeGreaterThan(0.01);
    expect(p.breachPredicted).toBe(true);
  });
  it('zero traffic: SL 1, ASA 0, no breach, even with no agents and handle time 0', () => {
    expect(predict(metrics({ offeredCount: 0, answeredCount: 0, handleTime: 0, agentsOnQueue: 0 }), WINDOW)).toEqual({
      predictedServiceLevel: 1, predictedAsa: 0, breachPredicted: false, confidence: 0, method: 'erlang-c',
    });
  });
  it('uses the 300 s default window: offered 10 over 5 min at 180 s is 6 Erlangs', () => {
    const p = predict(metrics({ agentsOnQueue: 7 }));
    const q = predict(metrics({ agentsOnQueue: 7 }), { windowSeconds: 300 });
    expect(p).toEqual(q);
    expect(predict(metrics({ agentsOnQueue: 6 })).breachPredicted).toBe(true); // 6 Erlangs on 6 agents
  });
  it('Erlang A when abandonment is observed, with a higher confidence ceiling', () => {
    const p = predict(metrics({ abandonedCount: 2, answeredCount: 8, waitTime: 12 }), WINDOW);
    expect(p.method).toBe('erlang-a');
    expect(p.confidence).toBeGreaterThan(predict(metrics(), WINDOW).confidence);
  });
  it('a longer SLA target time raises the service level', () => {
    const short = predict(metrics({ agentsOnQueue: 12 }), { ...WINDOW, slaSeconds: 10 });
    const long = predict(metrics({ agentsOnQueue: 12 }), { ...WINDOW, slaSeconds: 60 });
    expect(long.predictedServiceLevel!).toBeGreaterThan(short.predictedServiceLevel!);
  });
});

describe('predict: fallbacks', () => {
  const ruleOnly = { queue: { id: 'q' }, occupancy: 0.9, waitTime: 11, abandonedCount: 1, answeredCount: 8 };
  it('missing offeredCount, handleTime or agentsOnQueue → the occupancy rule', () => {
    for (const drop of ['offeredCount', 'handleTime', 'agentsOnQueue'] as const) {
      const m = metrics({ occupancy: 0.9, waitTime: 11 });
      delete m[drop];
      expect(predict(m).method).toBe('occupancy-rule');
    }
  });
  it('invalid inputs (negative, NaN, handle time 0 with traffic) fall back too', () => {
    expect(predict(metrics({ agentsOnQueue: -1 })).method).toBe('occupancy-rule');
    expect(predict(metrics({ offeredCount: Number.NaN })).method).toBe('occupancy-rule');
    expect(predict(metrics({ handleTime: 0 })).method).toBe('occupancy-rule');
  });
  it('rule: occupancy > 0.85 and wait > SLA/2 (20 s → 10 s) breaches, with the observed wait as ASA', () => {
    expect(predict(ruleOnly)).toEqual({
      predictedServiceLevel: null, predictedAsa: 11, breachPredicted: true, confidence: 0.342, method: 'occupancy-rule',
    });
  });
  it('rule boundaries: occupancy exactly 0.85 or wait exactly SLA/2 is no breach', () => {
    expect(predict({ ...ruleOnly, occupancy: 0.85 }).breachPredicted).toBe(false);
    expect(predict({ ...ruleOnly, occupancy: 0.8501 }).breachPredicted).toBe(true);
    expect(predict({ ...ruleOnly, waitTime: 10 }).breachPredicted).toBe(false);
    expect(predict({ ...ruleOnly, waitTime: 10 }, { slaSeconds: 19.9 }).breachPredicted).toBe(true);
  });
  it('no metrics row → no-data, confidence 0, no breach', () => {
    expect(predict(undefined)).toEqual({
      predictedServiceLevel: null, predictedAsa: null, breachPredicted: false, confidence: 0, method: 'no-data',
    });
  });
});

describe('confidence and patience', () => {
  it('grows with observed contacts up to the ceiling, and orders the methods', () => {
    expect(confidence('erlang-c', 0)).toBe(0);
    expect(confidence('erlang-c', 3)).toBe(CONFIDENCE_CEILING['erlang-c'] / 2);
    expect(confidence('erlang-c', 99)).toBe(0.81);
    expect(confidence('erlang-a', 1e6)).toBeLessThanOrEqual(CONFIDENCE_CEILING['erlang-a']);
    expect(confidence('occupancy-rule', 1e6)).toBeLessThan(confidence('erlang-c', 100));
  });
  it('θ = abandoned share / mean wait; none without abandonment or wait', () => {
    expect(patienceRate(metrics({ abandonedCount: 1, answeredCount: 3, waitTime: 25 }))).toBeCloseTo(0.01, 12);
    expect(patienceRate(metrics({ abandonedCount: 0 }))).toBeNull();
    expect(patienceRate(metrics({ abandonedCount: 2, waitTime: 0 }))).toBeNull();
  });
});
