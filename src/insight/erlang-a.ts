/**
 * Erlang A (Palm's M/M/N+M queue: Poisson arrivals, exponential handle time, N agents, exponential
 * patience with rate θ per waiting contact), computed numerically and exactly up to truncation:
 *
 * 1. The number in system is a birth–death chain with birth rate λ and death rate
 *    min(k,N)·μ + max(k−N,0)·θ. Its stationary law π is built in log space (no overflow for
 *    hundreds of Erlangs) and truncated where π_k/max π < 1e−15, past the mode.
 * 2. By PASTA an arrival sees π. Finding j contacts already waiting, it moves up one place at rate
 *    Nμ + iθ (a service or an abandonment ahead of it) and abandons itself at rate θ. So it is
 *    answered with probability q_j = Nμ / (Nμ + (j+1)θ) (the product telescopes), and, given that,
 *    its wait is a sum of independent Exp(r_i), r_i = Nμ + (i+1)θ, i = 0..j.
 * 3. ASA = E[wait | answered] uses the mean of that sum; the service level (share of OFFERED
 *    contacts answered within t, abandons counted as missed) uses its distribution, computed for
 *    the whole mixture at once by uniformisation of the pure-death chain with rates r_i.
 *
 * Returns null when the chain would be too large to compute quickly (tiny θ under overload); the
 * caller then falls back to Erlang C, its θ → 0 limit.
 */

/** Truncate the chain where a state's probability is this far below the largest one (natural log). */
const TRUNCATION_LOG_RATIO = Math.log(1e-15);
/** Largest chain the model builds; beyond it the caller falls back to Erlang C. */
export const ERLANG_A_MAX_STATES = 20_000;
/** Largest states × uniformisation steps product, bounding CPU per queue to a few milliseconds. */
export const ERLANG_A_MAX_WORK = 4_000_000;

export interface ErlangAInput {
  /** Contacts offered per second. */
  arrivalRate: number;
  /** Average handle time, seconds (> 0). */
  handleTime: number;
  agents: number;
  /** Abandonment rate of one waiting contact, per second (1 / mean patience), > 0. */
  abandonRate: number;
  targetSeconds: number;
}

export interface ErlangAResult {
  /** Probability that an arriving contact finds every agent busy. */
  pWait: number;
  /** Probability that an arriving contact abandons. */
  pAbandon: number;
  /** Share of offered contacts answered within the target time, 0..1. */
  serviceLevel: number;
  /** Mean wait of answered contacts, seconds; Infinity when nobody is answered (no agents). */
  asa: number;
  /** States of the truncated chain (for logs and tests). */
  states: number;
}

/**
 * Erlang A service level, ASA and abandonment. Returns null when the truncated chain or the
 * uniformisation would exceed `ERLANG_A_MAX_STATES` / `ERLANG_A_MAX_WORK`. Throws `RangeError`
 * when a rate is negative or non-finite, or handleTime/abandonRate is not > 0.
 */
export function erlangA(input: ErlangAInput): ErlangAResult | null {
  const { arrivalRate: lambda, handleTime, abandonRate: theta, targetSeconds } = input;
  const n = Math.floor(input.agents);
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`arrivalRate must be >= 0 (got ${lambda})`);
  if (!(handleTime > 0) || !Number.isFinite(handleTime)) throw new RangeError(`handleTime must be > 0 (got ${handleTime})`);
  if (!(theta > 0) || !Number.isFinite(theta)) throw new RangeError(`abandonRate must be > 0 (got ${theta})`);
  if (!(n >= 0) || !(targetSeconds >= 0)) throw new RangeError('agents and targetSeconds must be >= 0');
  if (lambda === 0) return { pWait: 0, pAbandon: 0, serviceLevel: 1, asa: 0, states: 1 };

  const pi = stationary(lambda, 1 / handleTime, n, theta);
  if (pi === null) return null;
  const serveRate = n / handleTime;
  let pNoWait = 0;
  for (let k = 0; k < n && k < pi.length; k++) pNoWait += pi[k] ?? 0;

  // weights[j]: an arrival finds j waiting AND is eventually answered.
  const waiting = Math.max(0, pi.length - n);
  const weights = new Float64Array(waiting);
  const rates = new Float64Array(waiting);
  let pServedAfterWait = 0;
  let waitMass = 0;
  let meanWaitSum = 0;
  let cumulativeMean = 0;
  for (let j = 0; j < waiting; j++) {
    const p = pi[n + j] ?? 0;
    rates[j] = serveRate + (j + 1) * theta;
    cumulativeMean += 1 / (rates[j] ?? 1);
    const q = serveRate / (serveRate + (j + 1) * theta);
    weights[j] = p * q;
    waitMass += p;
    pServedAfterWait += p * q;
    meanWaitSum += p * q * cumulativeMean;
  }
  const pServed = pNoWait + pServedAfterWait;
  const answeredLate = answeredWithin(weights, rates, targetSeconds);
  if (answeredLate === null) return null;
  return {
    pWait: Math.min(1, waitMass),
    pAbandon: Math.max(0, 1 - pServed),
    serviceLevel: Math.min(1, Math.max(0, pNoWait + answeredLate)),
    asa: pServed > 0 ? meanWaitSum / pServed : Infinity,
    states: pi.length,
  };
}

/** Normalised stationary distribution of the number in system, or null when too large. */
function stationary(lambda: number, mu: number, n: number, theta: number): number[] | null {
  const logs: number[] = [0];
  let maxLog = 0;
  const logLambda = Math.log(lambda);
  for (let k = 1; ; k++) {
    if (k > ERLANG_A_MAX_STATES) return null;
    const death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
    const next = (logs[k - 1] ?? 0) + logLambda - Math.log(death);
    logs.push(next);
    if (next > maxLog) maxLog = next;
    // Past the mode (death rate above λ) the terms only shrink: stop once negligible.
    if (death > lambda && next - maxLog < TRUNCATION_LOG_RATIO) break;
  }
  let total = 0;
  const pi = logs.map((l) => {
    const v = Math.exp(l - maxLog);
    total += v;
    return v;
  });
  return pi.map((v) => v / total);
}

/**
 * Σ_j weights[j] · P(Σ_{i≤j} Exp(rates[i]) ≤ t) by uniformisation of the pure-death chain that
 * moves j → j−1 at rate rates[j] and is absorbed after position 0. Null when too costly.
 */
function answeredWithin(weights: Float64Array, rates: Float64Array, t: number): number | null {
  const size = weights.length;
  if (size === 0) return 0;
  const uniform = rates[size - 1] ?? 0;
  const lt = uniform * t;
  const steps = Math.ceil(lt + 10 * Math.sqrt(lt) + 20);
  if (steps * size > ERLANG_A_MAX_WORK) return null;
  const move = rates.map((r) => r / uniform);
  let v = Float64Array.from(weights);
  let absorbed = 0;
  let result = 0;
  let logPoisson = -lt;
  const logLt = lt > 0 ? Math.log(lt) : -Infinity;
  for (let step = 0; step <= steps; step++) {
    if (step > 0) logPoisson += logLt - Math.log(step);
    result += Math.exp(logPoisson) * absorbed;
    const next = new Float64Array(size);
    absorbed += (v[0] ?? 0) * (move[0] ?? 0);
    for (let i = 0; i < size; i++) {
      next[i] = (v[i] ?? 0) * (1 - (move[i] ?? 0)) + (v[i + 1] ?? 0) * (move[i + 1] ?? 0);
    }
    v = next;
  }
  // The Poisson mass past `steps` is below ~1e-20 by the 10σ bound, so it is left out.
  return result;
}
