/** Tolerated clock difference between this machine (report times) and the platform (audit times). */
export const CLOCK_SKEW_MS = 60_000;
/** `cxq` when the entry's user is this tool's OAuth client, else `out-of-band`. */
export function classify(entry, clientId) {
    return entry.user?.id === clientId ? 'cxq' : 'out-of-band';
}
/**
 * Builds the audit result: entries of managed queues only (deduplicated by audit id), sorted by
 * timestamp then id, classified, version-inferred, joined with the reports, and summarised.
 */
export function buildAudit(input) {
    const queues = new Map(input.queues.map((q) => [q.id, q]));
    const seen = new Set();
    const kept = input.entries.filter((e) => {
        if (!queues.has(e.resourceId) || seen.has(e.id))
            return false;
        seen.add(e.id);
        return true;
    });
    kept.sort((a, b) => time(a.timestamp) - time(b.timestamp) || a.id.localeCompare(b.id, 'en'));
    const versions = inferVersions(kept, queues);
    const rows = kept.map((e) => ({
        id: e.id,
        timestamp: e.timestamp,
        queueId: e.resourceId,
        queueName: queues.get(e.resourceId)?.name ?? '',
        user: { id: e.user?.id ?? '', ...(e.user?.name === undefined ? {} : { name: e.user.name }) },
        madeBy: classify(e, input.clientId),
        version: versions.get(e.id) ?? null,
        changes: e.changes ?? [],
        applyReport: null,
    }));
    joinReports(rows, input.reports);
    return { since: input.since, clientId: input.clientId, entries: rows, summary: summarise(rows) };
}
/** Newest entry of a queue → live version, the one before → live − 1, … (entries sorted by time). */
function inferVersions(sorted, queues) {
    const out = new Map();
    const next = new Map();
    for (let i = sorted.length - 1; i >= 0; i--) {
        const e = sorted[i];
        if (e === undefined)
            continue;
        const live = queues.get(e.resourceId)?.version;
        if (typeof live !== 'number')
            continue;
        const v = next.get(e.resourceId) ?? live;
        out.set(e.id, v);
        next.set(e.resourceId, v - 1);
    }
    return out;
}
function joinReports(rows, reports) {
    for (const report of reports) {
        const from = time(report.startedAt) - CLOCK_SKEW_MS;
        const to = time(report.finishedAt) + CLOCK_SKEW_MS;
        for (const r of report.entries) {
            if (r.outcome !== 'applied')
                continue;
            const candidates = rows.filter((row) => row.applyReport === null && row.queueId === r.id && time(row.timestamp) >= from && time(row.timestamp) <= to);
            const match = candidates.find((row) => row.version !== null ? row.version === r.toVersion : report.clientId === undefined || row.user.id === report.clientId);
            if (match === undefined)
                continue;
            match.applyReport = {
                file: report.file,
                startedAt: report.startedAt,
                fromVersion: r.fromVersion ?? null,
                toVersion: r.toVersion ?? null,
            };
        }
    }
}
function summarise(rows) {
    const byQueue = new Map();
    const byActor = new Map();
    for (const row of rows) {
        const q = byQueue.get(row.queueId) ?? { id: row.queueId, name: row.queueName, changes: 0, cxq: 0, outOfBand: 0 };
        q.changes++;
        if (row.madeBy === 'cxq')
            q.cxq++;
        else
            q.outOfBand++;
        byQueue.set(row.queueId, q);
        const a = byActor.get(row.user.id) ?? { id: row.user.id, name: row.user.name ?? '', madeBy: row.madeBy, changes: 0 };
        a.changes++;
        byActor.set(row.user.id, a);
    }
    return {
        entries: rows.length,
        outOfBand: rows.filter((r) => r.madeBy === 'out-of-band').length,
        byQueue: [...byQueue.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en')),
        byActor: [...byActor.values()].sort((a, b) => b.changes - a.changes || a.id.localeCompare(b.id, 'en')),
    };
}
function time(iso) {
    const ms = Date.parse(iso);
    return Number.isFinite(ms) ? ms : 0;
}
//# sourceMappingURL=audit.js.map