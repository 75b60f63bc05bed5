/**
 * Compliance audit, pure: classify the platform's audit entries by actor, join them with local
 * apply reports, and summarise changes per queue and per actor.
 *
 * Join rule (an audit entry E matches an apply-report entry R when all hold):
 * - R.outcome is `applied` and E.resourceId = R.id;
 * - E.timestamp lies in the report's run, [startedAt − 60 s, finishedAt + 60 s] (clock skew);
 * - when the queue's live version is known, E's inferred version equals R.toVersion. Every
 *   successful PUT adds one to `version` and writes one audit entry, so the newest entry of a queue
 *   produced the live version, the one before it live − 1, and so on. When the live version is not
 *   known (queue deleted), the earliest unmatched entry in the window by the report's clientId wins.
 * Each audit entry matches at most one report entry.
 */
import type { Actor } from '../model/queue.js';
import type { AuditChange, AuditEntry } from '../model/tenant.js';

/** Tolerated clock difference between this machine (report times) and the platform (audit times). */
export const CLOCK_SKEW_MS = 60_000;

export type MadeBy = 'cxq' | 'out-of-band';

export interface ApplyReportEntry {
  id: string;
  name?: string;
  outcome: string;
  fromVersion?: number;
  toVersion?: number;
}

/** The parts of an apply report (`formatVersion: 1`, `command: "apply"`) the join needs. */
export interface ApplyReport {
  file: string;
  startedAt: string;
  finishedAt: string;
  clientId?: string;
  entries: ApplyReportEntry[];
}

export interface AuditRow {
  id: string;
  timestamp: string;
  queueId: string;
  queueName: string;
  user: Actor;
  madeBy: MadeBy;
  /** Version this write produced, inferred from the live version; null when unknown. */
  version: number | null;
  changes: AuditChange[];
  applyReport: { file: string; startedAt: string; fromVersion: number | null; toVersion: number | null } | null;
}

export interface AuditSummary {
  entries: number;
  outOfBand: number;
  byQueue: { id: string; name: string; changes: number; cxq: number; outOfBand: number }[];
  byActor: { id: string; name: string; madeBy: MadeBy; changes: number }[];
}

export interface AuditResult {
  since: string;
  clientId: string;
  entries: AuditRow[];
  summary: AuditSummary;
}

export interface AuditInput {
  since: string;
  clientId: string;
  entries: readonly AuditEntry[];
  /** Managed queues: only their entries are kept; `version` is the live version, if known. */
  queues: readonly { id: string; name: string; version?: number }[];
  reports: readonly ApplyReport[];
}

/** `cxq` when the entry's user is this tool's OAuth client, else `out-of-band`. */
export function classify(entry: AuditEntry, clientId: string): MadeBy {
  return entry.user?.id === clientId ? 'cxq' : 'out-of-band';
}

/**
 * Builds the audit result: entries of managed queues only (deduplicated by audit id), sorted by
 * timestamp then id, classified, version-inferred, joined with the reports, and summarised.
 */
export function buildAudit(input: AuditInput): AuditResult {
  const queues = new Map(input.queues.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const kept = input.entries.filter((e) => {
    if (!queues.has(e.resourceId) || seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
  kept.sort((a, b) => time(a.timestamp) - time(b.timestamp) || a.id.localeCompare(b.id, 'en'));
  const versions = inferVersions(kept, queues);
  const rows: AuditRow[] = kept.map((e) => ({
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
function inferVersions(sorted: readonly AuditEntry[], queues: Map<string, { version?: number }>): Map<string, number> {
  const out = new Map<string, number>();
  const next = new Map<string, number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    if (e === undefined) continue;
    const live = queues.get(e.resourceId)?.version;
    if (typeof live !== 'number') continue;
    const v = next.get(e.resourceId) ?? live;
    out.set(e.id, v);
    next.set(e.resourceId, v - 1);
  }
  return out;
}

function joinReports(rows: AuditRow[], reports: readonly ApplyReport[]): void {
  for (const report of reports) {
    const from = time(report.startedAt) - CLOCK_SKEW_MS;
    const to = time(report.finishedAt) + CLOCK_SKEW_MS;
    for (const r of report.entries) {
      if (r.outcome !== 'applied') continue;
      const candidates = rows.filter(
        (row) => row.applyReport === null && row.queueId === r.id && time(row.timestamp) >= from && time(row.timestamp) <= to,
      );
      const match = candidates.find((row) =>
        row.version !== null ? row.version === r.toVersion : report.clientId === undefined || row.user.id === report.clientId,
      );
      if (match === undefined) continue;
      match.applyReport = {
        file: report.file,
        startedAt: report.startedAt,
        fromVersion: r.fromVersion ?? null,
        toVersion: r.toVersion ?? null,
      };
    }
  }
}

function summarise(rows: readonly AuditRow[]): AuditSummary {
  const byQueue = new Map<string, AuditSummary['byQueue'][number]>();
  const byActor = new Map<string, AuditSummary['byActor'][number]>();
  for (const row of rows) {
    const q = byQueue.get(row.queueId) ?? { id: row.queueId, name: row.queueName, changes: 0, cxq: 0, outOfBand: 0 };
    q.changes++;
    if (row.madeBy === 'cxq') q.cxq++;
    else q.outOfBand++;
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

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : 0;
}
