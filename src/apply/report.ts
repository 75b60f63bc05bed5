import { FileError } from '../errors.js';
import type {
  ApplyReport,
  AttemptEvent,
  EndEvent,
  EntryResult,
  JournalEvent,
  ResultEvent,
  StartEvent,
} from './types.js';

/**
 * Builds the audit report from the journal's events (pure). Entries follow the order of the
 * `start` event (the plan's order). A queue's last `result` wins; without one, a planned `noop`
 * is `noop`, a queue whose PUT was sent (an `attempt`) but never answered is `failed` with code
 * `outcome.unknown` (only after a crash), and any other queue is `skipped`. `confirm` events set
 * `confirmed`. Without an `end` event the report is marked `recovered` and `finishedAt` is the
 * time of the last event. Throws `FileError` when there is no `start` event (not a journal).
 * A journal file re-used by several runs (the same `--report` twice; it is opened for appending so
 * no earlier record is ever lost) is reported for its LAST run: the events from the last `start`.
 */
export function buildReport(allEvents: readonly JournalEvent[], journalFile = 'journal'): ApplyReport {
  const at = allEvents.findLastIndex((e) => e.type === 'start');
  if (at < 0) throw new FileError(journalFile, `${journalFile} has no start event: not a cxq apply journal`);
  const events = allEvents.slice(at);
  const start = events[0] as StartEvent;
  const results = new Map<string, ResultEvent>();
  const attempts = new Map<string, number>();
  const confirmed = new Map<string, boolean>();
  const reasons = new Map<string, string>();
  let end: EndEvent | undefined;
  for (const e of events) {
    if (e.type === 'result') results.set(e.id, e);
    else if (e.type === 'attempt') attempts.set(e.id, Math.max(attempts.get(e.id) ?? 0, (e as AttemptEvent).attempt));
    else if (e.type === 'confirm') {
      e.confirmed.forEach((id) => confirmed.set(id, true));
      e.unconfirmed.forEach((id) => confirmed.set(id, false));
      for (const [id, why] of Object.entries(e.reasons ?? {})) reasons.set(id, why);
    } else if (e.type === 'end') end = e;
  }
  const entries = start.queues.map((q): EntryResult => {
    const r = results.get(q.id);
    const base = q.kind === 'Skill'
      ? { id: q.id, name: q.name, kind: q.kind, ...(q.skillId === undefined ? {} : { skillId: q.skillId }), ...(q.fingerprint === undefined ? {} : { fingerprint: q.fingerprint }), agents: q.agents ?? [] }
      : { id: q.id, name: q.name, fromVersion: q.version, toVersion: q.version };
    if (r) {
      const { type: _t, at: _a, ...entry } = r;
      const seen = confirmed.get(q.id);
      const why = seen === false ? reasons.get(q.id) : undefined;
      return seen === undefined ? entry : { ...entry, confirmed: seen, ...(why === undefined ? {} : { unconfirmedReason: why }) };
    }
    if (q.action === 'noop') return { ...base, outcome: 'noop', attempts: 0, fields: [] };
    const sent = attempts.get(q.id) ?? 0;
    if (sent > 0 && !end) {
      return {
        ...base,
        outcome: 'failed',
        attempts: sent,
        fields: q.fields,
        error: {
          status: 0,
          code: 'outcome.unknown',
          message: 'the run stopped after this write was sent; run cxq plan to see whether it landed',
          errors: [],
        },
      };
    }
    return { ...base, outcome: 'skipped', attempts: sent, fields: q.fields };
  });
  const last = events[events.length - 1];
  return {
    formatVersion: 1,
    command: 'apply',
    startedAt: start.at,
    finishedAt: end?.at ?? last?.at ?? start.at,
    baseUrl: start.baseUrl,
    clientId: start.clientId,
    gitCommit: start.gitCommit,
    planChecksum: start.planChecksum,
    ...(end?.interrupted ? { interrupted: true } : {}),
    ...(end ? {} : { recovered: true }),
    summary: summarize(entries),
    entries,
  };
}

/** Counts per outcome. */
export function summarize(entries: readonly EntryResult[]): ApplyReport['summary'] {
  const summary = { applied: 0, failed: 0, skipped: 0, noop: 0 };
  for (const e of entries) summary[e.outcome] += 1;
  return summary;
}
