/**
 * Wait-time and abandonment distribution, pure: rows of the analytics data query (several pages,
 * possibly several rows per queue and bucket) summed per queue and wait bucket.
 */
import { WAIT_TIME_RANGES } from '../cxone/types.js';
/**
 * Sums `rows` per queue and bucket for the given queues (rows for other queues are ignored).
 * Missing or non-finite counts count as 0. Queues come out sorted by name then id; a queue with
 * no rows still appears, with zero buckets.
 */
export function aggregateAbandonment(rows, queues, since) {
    const perQueue = new Map(queues.map((q) => [q.id, new Map()]));
    for (const row of rows) {
        const buckets = perQueue.get(row.queue?.id);
        if (buckets === undefined)
            continue;
        const range = String(row.waitTimeRange);
        const acc = buckets.get(range) ?? { answered: 0, abandoned: 0, waitWeighted: 0 };
        const answered = count(row.answeredCount);
        const abandoned = count(row.abandonedCount);
        acc.answered += answered;
        acc.abandoned += abandoned;
        acc.waitWeighted += (answered + abandoned) * count(row.waitTime);
        buckets.set(range, acc);
    }
    const all = { answered: 0, abandoned: 0, waitWeighted: 0 };
    const result = [...queues]
        .sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'))
        .map((q) => {
        const buckets = perQueue.get(q.id) ?? new Map();
        const known = [...WAIT_TIME_RANGES];
        const ranges = [...known, ...[...buckets.keys()].filter((r) => !known.includes(r)).sort()];
        const total = { answered: 0, abandoned: 0, waitWeighted: 0 };
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
function toStats(range, acc) {
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
function add(into, from) {
    into.answered += from.answered;
    into.abandoned += from.abandoned;
    into.waitWeighted += from.waitWeighted;
}
function count(v) {
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}
function round(x, digits) {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}
//# sourceMappingURL=abandonment.js.map