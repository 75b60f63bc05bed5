/**
 * SLA-breach prediction for one queue from its real-time metrics, pure.
 *
 * Order of preference (the first whose inputs are present answers; `method` names it):
 * 1. `erlang-a` — offeredCount, handleTime, agentsOnQueue present and abandonment observed
 *    (abandonedCount > 0 and waitTime > 0): patience rate θ = P(abandon) / mean wait, the
 *    standard estimator for exponential patience (P(Ab) = θ·E[W]).
 * 2. `erlang-c` — the same three inputs, no usable abandonment (or the Erlang A chain too large).
 * 3. `occupancy-rule` — the seed's rule: breach when occupancy > 0.85 and wait > SLA/2.
 * 4. `no-data` — the API returned no metrics row for the queue.
 */
import type { QueueMetrics } from '../model/tenant.js';
import { erlangA } from './erlang-a.js';
import { erlangCServiceLevel } from './erlang.js';
import { DEFAULT_WINDOW_SECONDS } from './range.js';

/** Default answer-time target of the service level, seconds (`--sla`). */
export const DEFAULT_SLA_SECONDS = 20;
/** Default service-level target, as a share (`--target 80`). */
export const DEFAULT_TARGET = 0.8;
/** Seed rule: occupancy above this… */
export const OCCUPANCY_RULE_THRESHOLD = 0.85;
/** …and average wait above this share of the SLA predicts a breach. */
export const OCCUPANCY_RULE_WAIT_SHARE = 0.5;
/** Highest confidence of each method, reached with many observed contacts. */
export const CONFIDENCE_CEILING = {
  'erlang-a': 0.95,
  'erlang-c': 0.9,
  'occupancy-rule': 0.5,
  'no-data': 0,
} as const;
/** Abandoned contacts needed in the window before θ is estimated (one is enough to be > 0). */
export const MIN_ABANDONED_FOR_ERLANG_A = 1;

export type PredictionMethod = keyof typeof CONFIDENCE_CEILING;

export interface Prediction {
  /** Share (0..1) answered within the SLA; null when the method cannot say (rule, no data). */
  predictedServiceLevel: number | null;
  /** Average speed of answer, seconds; null when unbounded (overloaded) or unknown. */
  predictedAsa: number | null;
  breachPredicted: boolean;
  /** 0..1: the method's ceiling scaled by how many contacts the window observed. */
  confidence: number;
  method: PredictionMethod;
}

export interface PredictOptions {
  slaSeconds?: number;
  /** Service-level target as a share, 0..1. */
  target?: number;
  /** Length of the metrics window in seconds (default 300, the seed's now-5m). */
  windowSeconds?: number;
}

/**
 * Predicts service level, ASA and breach for one queue. Never throws: metrics that are missing,
 * negative or non-finite make the method fall back (see the module comment). A queue whose
 * offered load reaches its agents (A ≥ N, A > 0) is always a breach. Zero traffic is never one.
 */
export function predict(metrics: QueueMetrics | undefined, options: PredictOptions = {}): Prediction {
  const sla = options.slaSeconds ?? DEFAULT_SLA_SECONDS;
  const target = options.target ?? DEFAULT_TARGET;
  const window = options.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  if (metrics === undefined) {
    return { predictedServiceLevel: null, predictedAsa: null, breachPredicted: false, confidence: 0, method: 'no-data' };
  }
  const offered = metrics.offeredCount;
  const aht = metrics.handleTime;
  const agents = metrics.agentsOnQueue;
  // A handle time of 0 is meaningful only with no traffic (nothing was handled).
  if (isCount(offered) && isCount(agents) && isCount(aht) && (aht > 0 || offered === 0) && window > 0) {
    return queueingModel(metrics, { offered, aht, agents: Math.floor(agents), sla, target, window });
  }
  return occupancyRule(metrics, sla);
}

interface ModelInput {
  offered: number;
  aht: number;
  agents: number;
  sla: number;
  target: number;
  window: number;
}

function queueingModel(m: QueueMetrics, x: ModelInput): Prediction {
  const arrivalRate = x.offered / x.window;
  const load = arrivalRate * x.aht;
  const overloaded = load > 0 && load >= x.agents;
  const theta = patienceRate(m);
  if (theta !== null && load > 0) {
    const a = erlangA({ arrivalRate, handleTime: x.aht, agents: x.agents, abandonRate: theta, targetSeconds: x.sla });
    if (a !== null) return finish('erlang-a', a.serviceLevel, a.asa, overloaded, x);
  }
  const c = erlangCServiceLevel({ load, agents: x.agents, handleTime: x.aht, targetSeconds: x.sla });
  return finish('erlang-c', c.serviceLevel, c.asa, overloaded || c.overloaded, x);
}

function finish(
  method: 'erlang-a' | 'erlang-c',
  serviceLevel: number,
  asa: number,
  overloaded: boolean,
  x: ModelInput,
): Prediction {
  return {
    predictedServiceLevel: round(serviceLevel, 4),
    predictedAsa: Number.isFinite(asa) ? round(asa, 2) : null,
    breachPredicted: overloaded || serviceLevel < x.target,
    confidence: confidence(method, x.offered),
    method,
  };
}

/** θ = abandoned share / mean wait, or null when abandonment gives nothing to estimate from. */
export function patienceRate(m: QueueMetrics): number | null {
  const { abandonedCount: abandoned, answeredCount: answered, waitTime } = m;
  if (!isCount(abandoned) || !isCount(answered) || !isPositive(waitTime)) return null;
  if (abandoned < MIN_ABANDONED_FOR_ERLANG_A) return null;
  return abandoned / (abandoned + answered) / waitTime;
}

function occupancyRule(m: QueueMetrics, sla: number): Prediction {
  const occupancy = Number.isFinite(m.occupancy) ? m.occupancy : 0;
  const wait = Number.isFinite(m.waitTime) && m.waitTime >= 0 ? m.waitTime : null;
  const breach = occupancy > OCCUPANCY_RULE_THRESHOLD && wait !== null && wait > sla * OCCUPANCY_RULE_WAIT_SHARE;
  const observed = (isCount(m.answeredCount) ? m.answeredCount : 0) + (isCount(m.abandonedCount) ? m.abandonedCount : 0);
  return {
    predictedServiceLevel: null,
    predictedAsa: wait === null ? null : round(wait, 2),
    breachPredicted: breach,
    confidence: confidence('occupancy-rule', observed),
    method: 'occupancy-rule',
  };
}

/**
 * The method's ceiling × (1 − 1/√(n+1)), n = contacts observed in the window: the relative
 * standard error of a Poisson rate estimated from n events is 1/√n, so confidence grows as the
 * arrival-rate estimate tightens (n = 0 → 0, n = 3 → ½·ceiling, n = 99 → 0.9·ceiling).
 */
export function confidence(method: PredictionMethod, observed: number): number {
  const n = Math.max(0, observed);
  return round(CONFIDENCE_CEILING[method] * (1 - 1 / Math.sqrt(n + 1)), 3);
}

function isCount(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

function isPositive(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
