/**
 * The seed baseline as a scale case: the same sandbox as cxq's apply case (N generated queues,
 * same latency and rate limit), every queue's `maxWaitTime` changed, deployed with the seed's own
 * strategy (seed-baseline.ts), and the outcome checked the same way.
 */
import { startSandbox } from '../src/sandbox/server.js';
import { measure } from './lib.js';
import type { ScaleRow } from './rows.js';
import { changedMaxWaitTime, round, verifyApplied, type ScaleSettings } from './scale-setup.js';
import { runSeedStrategy, type SeedRunResult } from './seed-baseline.js';

/**
 * Runs the seed's strategy over `n` queues (`poll`: with its 2 s propagation polling). Never throws
 * for a failed deploy: the row says `ok: false` with the seed's failure counts.
 */
export async function runSeedCase(n: number, poll: boolean, settings: ScaleSettings): Promise<ScaleRow> {
  const name = poll ? 'seed-poll' : 'seed';
  const sb = await startSandbox({ queues: n, latencyMs: settings.latencyMs, rateLimit: settings.rateLimit });
  try {
    const desired = new Map(sb.state.listQueues().map((q) => [q.id, changedMaxWaitTime(q.maxWaitTime)]));
    const rssBeforeMb = round(process.memoryUsage().rss / 2 ** 20, 1);
    let result: SeedRunResult = { requests: 0, conflicts: 0, failures: 0, pollTimeouts: 0 };
    const row = await measure(`seed strategy${poll ? ' + 2 s polling' : ''}`, `node build/bench/bench/scale.js ${name} ${n}`, n, async () => {
      result = await runSeedStrategy(sb.baseUrl, [...desired.keys()], (q) => ({ ...q, maxWaitTime: desired.get(q.id) ?? q.maxWaitTime }), poll);
      return { requests: result.requests };
    });
    const problems = [
      result.failures > 0 ? `${result.failures} queues failed after 3 attempts` : '',
      result.pollTimeouts > 0 ? `${result.pollTimeouts} polling timeouts` : '',
      verifyApplied(sb.state, desired) ?? '',
    ].filter((p) => p !== '');
    const floorS = settings.rateLimit > 0 ? n / settings.rateLimit : null;
    return {
      ...row,
      suite: 'seed',
      case: name,
      requestsPerQueue: round(result.requests / n, 3),
      floorS,
      ratio: floorS === null ? null : round(row.wallMs / 1000 / floorS, 2),
      throttled429: sb.stats.byStatus[429] ?? 0,
      rssBeforeMb,
      changed: n,
      conflicts: result.conflicts,
      ok: problems.length === 0,
      ...(problems.length === 0 ? {} : { reason: problems.join('; ') }),
      extrapolated: false,
    };
  } finally {
    await sb.close();
  }
}

/**
 * A row for `n` queues scaled linearly from a measured row (wall time and requests per queue;
 * memory is not scaled and stays null). Labelled `extrapolated: true` with `measuredN`.
 */
export function extrapolate(measured: ScaleRow, n: number): ScaleRow {
  const factor = n / measured.n;
  const wallMs = Math.round(measured.wallMs * factor);
  const floorS = measured.floorS === null ? null : round((measured.floorS * n) / measured.n, 2);
  return {
    ...measured,
    n,
    wallMs,
    requests: measured.requests === null ? null : Math.round(measured.requests * factor),
    floorS,
    ratio: floorS === null ? null : round(wallMs / 1000 / floorS, 2),
    throttled429: null,
    rssBeforeMb: null,
    // Not scaled: memory of a sequential client does not grow with N the way time does.
    peakRssMb: Number.NaN,
    extrapolated: true,
    measuredN: measured.n,
    command: `${measured.command}  (measured at N=${measured.n}, scaled ×${round(factor, 1)})`,
  };
}
