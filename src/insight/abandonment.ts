/**
 * Wait-time and abandonment distribution, pure: rows of the analytics data query (several pages,
 * possibly several rows per queue and bucket) summed per queue and wait bucket.
 */
import { WAIT_TIME_RANGES, type DistributionRow } from '../model/tenant.js';

export interface BucketStats {
  /** `0-30`, `30-60`, … `600+` (seconds waited), or `all` for a total. */
  range: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** abandoned / offered, or null when nothing was offered. */
  abandonmentRate: number | null;
  /** Mean of the rows' waitTime weighted by contacts, seconds; null when nothing was offered. */
  averageWait: number | null;
}

export interface QueueAbandonment {
  id: string;
  name: string;
  /** Every contract bucket in order (zeros included), then any unknown bucket the server sent. */
  buckets: BucketStats[];
  total: BucketStats;
}

export interface AbandonmentReport {
  since: string;
  queues: QueueAbandonment[];
  total: BucketStats;
}

interface Acc {
  answered: number;
  abandoned: number;
  waitWeighted: number;
}

/**
 * Sums `rows` per queue and bucket for the given queues (rows for other queues are ignored).
 * Missing or non-finite counts count as 0. Queues come out sorted by name then id; a queue with
 * no rows still appears, with zero buckets.
 */
export function aggregateAbandonment(
  rows: readonly DistributionRow[],
  queues: readonly { id: string; name: string }[],
  since: string,
): AbandonmentReport {
  const perQueue = new Map<string, Map<string, Acc>>(queues.map((q) => [q.id, new Map()]));
  for (const row of rows) {
    const buckets = perQueue.get(row.queue?.id);
    if (buckets === undefined) continue;
    const range = String(row.waitTimeRange);
    const acc = buckets.get(range) ?? { answered: 0, abandoned: 0, waitWeighted: 0 };
    const answered = count(row.answeredCount);
    const abandoned = count(row.abandonedCount);
    acc.answered += answered;
    acc.abandoned += abandoned;
    acc.waitWeighted += (answered + abandoned) * count(row.waitTime);
    buckets.set(range, acc);
  }
  const all: Acc = { answered: 0, abandoned: 0, waitWeighted: 0 };
  const result = [...queues]
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'))
    .map((q) => {
      const buckets = perQueue.get(q.id) ?? new Map<string, Acc>();
      const known: string[] = [...WAIT_TIME_RANGES];
      const ranges = [...known, ...[...buckets.keys()].filter((r) => !known.includes(r)).sort()];
      const total: Acc = { answered: 0, abandoned: 0, waitWeighted: 0 };
      const stats = ranges.map((range) => {
        const acc = buckets.get(range) ?? { answered: 0, abandoned: 0, waitWeighted: 0 };
        add(total, acc);
        return toStats(range, acc);
      });
      add(all, total);
      return { id: q.id, name: q.name, buckets: stats, total: toStats('all', total) };
    });
  return { since, queues: result, total: toStats('all', all) };
}

function toStats(range: string, acc: Acc): BucketStats {
  const offered = acc.answered + acc.abandoned;
  return {
    range,
    offered,
    answered: acc.answered,
    abandoned: acc.abandoned,
    abandonmentRate: offered > 0 ? round(acc.abandoned / offered, 4) : null,
    averageWait: offered > 0 ? round(acc.waitWeighted / offered, 1) : null,
  };
}

function add(into: Acc, from: Acc): void {
  into.answered += from.answered;
  into.abandoned += from.abandoned;
  into.waitWeighted += from.waitWeighted;
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
