/**
 * Plausible, mutually consistent queue metrics (pure). Each queue gets a stable staffing profile
 * from a hash of its id (agents, handle time, target load); the window decides how many contacts
 * were offered; an Erlang C (M/M/N) model turns that load into waiting; abandonment grows with
 * waiting. So occupancy = offered × AHT / (window × agents) and answered + abandoned = offered.
 */
import type { DistributionRow, QueueMetrics, WaitTimeRange } from '../model/tenant.js';
import { WAIT_TIME_RANGES } from '../model/tenant.js';
import { hashString } from './prng.js';

/** The load model of one queue over one window. */
export interface QueueLoad {
  agents: number;
  handleTime: number;
  offered: number;
  occupancy: number;
  /** Probability that a contact waits at all (Erlang C). */
  pWait: number;
  /** Average wait in seconds, capped at the queue's maxWaitTime. */
  waitTime: number;
  answered: number;
  abandoned: number;
  waiting: number;
  /** Whether this queue's answers omit the four optional metrics. */
  sparse: boolean;
}

/** Erlang C: probability of waiting with `n` agents and `a` Erlangs of traffic (a < n). */
export function erlangC(n: number, a: number): number {
  if (a <= 0) return 0;
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return (n * b) / (n - a * (1 - b));
}

/** The deterministic load of queue `id` over a window of `windowSeconds` (> 0). */
export function queueLoad(id: string, windowSeconds: number, maxWaitTime = 7200): QueueLoad {
  const h = hashString(id);
  const agents = 3 + (h % 38);
  const handleTime = 120 + ((h >>> 6) % 481);
  const targetLoad = 0.45 + ((h >>> 15) % 50) / 100;
  const offered = Math.floor((targetLoad * windowSeconds * agents) / handleTime);
  const occupancy = Math.min(0.99, (offered * handleTime) / (windowSeconds * agents));
  const erlangs = occupancy * agents;
  const pWait = erlangC(agents, erlangs);
  const asa = (pWait * handleTime) / (agents - erlangs);
  const waitTime = Math.round(Math.min(asa, maxWaitTime));
  const abandonShare = (0.5 * waitTime) / (waitTime + 900);
  const abandoned = Math.round(offered * abandonShare);
  const waiting = Math.round((pWait * erlangs) / (agents - erlangs));
  return {
    agents,
    handleTime,
    offered,
    occupancy: Math.round(occupancy * 10000) / 10000,
    pWait,
    waitTime,
    answered: offered - abandoned,
    abandoned,
    waiting,
    sparse: (h >>> 24) % 5 === 0,
  };
}

/** One `details/query` metrics row; sparse queues omit the four optional fields. */
export function detailsRow(id: string, load: QueueLoad): QueueMetrics {
  const row: QueueMetrics = {
    queue: { id },
    occupancy: load.occupancy,
    waitTime: load.waitTime,
    abandonedCount: load.abandoned,
    answeredCount: load.answered,
  };
  if (!load.sparse) {
    row.offeredCount = load.offered;
    row.handleTime = load.handleTime;
    row.agentsOnQueue = load.agents;
    row.waitingCount = load.waiting;
  }
  return row;
}

/** Splits `total` into integers proportional to `weights` that sum exactly to `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

const BOUNDS = [0, 30, 60, 120, 300, 600, Number.POSITIVE_INFINITY];

/** The queue's maxWaitTime when none is known (the contract's largest). */
const DEFAULT_MAX_WAIT = 7200;

/**
 * The six `waitTimeRange` rows of one queue: answered and abandoned contacts split by how long
 * they waited (M/M/N wait distribution; abandoners skew to longer waits), summing exactly to the
 * queue's answered and abandoned counts for the window. No contact waits beyond `maxWaitTime`
 * (the queue hands it on then): the contacts still waiting at that point fall in the bucket that
 * holds `maxWaitTime`, every later bucket is empty, and no bucket's mean wait exceeds it.
 */
export function distributionRows(id: string, load: QueueLoad, maxWaitTime = DEFAULT_MAX_WAIT): DistributionRow[] {
  const maxWait = Number.isFinite(maxWaitTime) && maxWaitTime > 0 ? maxWaitTime : DEFAULT_MAX_WAIT;
  const rate = (load.agents * (1 - load.occupancy)) / load.handleTime;
  // Share of contacts still waiting at t; nobody is still waiting at maxWait.
  const survive = (t: number): number => (t >= maxWait ? 0 : load.pWait * Math.exp(-rate * t));
  const shares = WAIT_TIME_RANGES.map((_r, i) => (i === 0 ? 1 : survive(BOUNDS[i]!)) - survive(BOUNDS[i + 1]!));
  const answered = apportion(load.answered, shares);
  const abandoned = apportion(load.abandoned, shares.map((s, i) => s * (i + 1)));
  const tail = Math.round(600 + Math.min(1 / Math.max(rate, 1e-6), 3000));
  // Most of the 0-30 bucket never waited at all (1 - pWait), which pulls its mean down.
  const waitedShort = load.pWait - survive(30);
  const firstMean = shares[0]! > 0 ? Math.round((15 * waitedShort) / shares[0]!) : 0;
  const meanWait = [firstMean, 45, 90, 210, 450, tail].map((m, i) =>
    BOUNDS[i + 1]! > maxWait ? Math.min(m, Math.round((BOUNDS[i]! + maxWait) / 2)) : m,
  );
  return WAIT_TIME_RANGES.map((range: WaitTimeRange, i) => ({
    queue: { id },
    waitTimeRange: range,
    abandonedCount: abandoned[i]!,
    answeredCount: answered[i]!,
    waitTime: (answered[i]! + abandoned[i]!) > 0 ? meanWait[i]! : 0,
  }));
}
