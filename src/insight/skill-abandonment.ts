/**
 * `cxq report abandonment` on the admin dialect, pure: the Admin API serves no wait-time buckets,
 * so they are computed from the skill's completed contacts (`/contacts/completed`: inQueueSeconds,
 * abandoned, isShortAbandon) into the same WAIT_TIME_RANGES as the v2 report, then aggregated by
 * the v2 report's `aggregateAbandonment` (same JSON, text, csv and html).
 *
 * Short abandons follow the skill's own `countShortAbandons`: when true they count as abandoned in
 * their bucket; otherwise (false or not served) they are left out of the buckets, as the platform
 * leaves them out of its abandon rate, and counted apart in `shortAbandons`. So per skill,
 * `total.offered + (shortAbandonsCounted ? 0 : shortAbandons) = contacts`.
 */
import { type DistributionRow, type WaitTimeRange } from '../model/tenant.js';
import type { CompletedContactRow } from '../model/skill-api.js';
import { aggregateAbandonment, type AbandonmentReport, type QueueAbandonment } from './abandonment.js';

/** Lower bound (seconds, inclusive) of each bucket; a wait of exactly 30 s is in `30-60`. */
const LOWER_BOUNDS: readonly [WaitTimeRange, number][] = [['600+', 600], ['300-600', 300], ['120-300', 120], ['60-120', 60], ['30-60', 30], ['0-30', 0]];

/** The bucket a contact that waited `seconds` falls in; `unknown` when the wait was not served. */
export function waitRangeOf(seconds: unknown): WaitTimeRange | 'unknown' {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return 'unknown';
  return LOWER_BOUNDS.find(([, lo]) => seconds >= lo)![0];
}

export interface SkillAbandonment extends QueueAbandonment {
  /** Completed contacts read for the skill. */
  contacts: number;
  shortAbandons: number;
  /** The skill's countShortAbandons: whether short abandons are in the buckets. */
  shortAbandonsCounted: boolean;
}

export interface SkillAbandonmentReport extends AbandonmentReport {
  kind: 'Skill';
  queues: SkillAbandonment[];
}

/**
 * The report of `skills` (id, name, countShortAbandons) from their completed contacts (by skill
 * id). A contact is answered unless `abandoned` is true. Never throws.
 */
export function skillAbandonment(
  skills: readonly { skillId: number; skillName: string; countShortAbandons?: unknown }[],
  contacts: ReadonlyMap<number, readonly CompletedContactRow[]>,
  since: string,
): SkillAbandonmentReport {
  const rows: DistributionRow[] = [];
  const extra = new Map<string, { contacts: number; shortAbandons: number; shortAbandonsCounted: boolean }>();
  for (const s of skills) {
    const id = String(s.skillId);
    const counted = s.countShortAbandons === true;
    const list = contacts.get(s.skillId) ?? [];
    const buckets = new Map<string, { answered: number; abandoned: number; wait: number }>();
    let short = 0;
    for (const c of list) {
      const abandoned = c.abandoned === true;
      if (abandoned && c.isShortAbandon === true) {
        short++;
        if (!counted) continue;
      }
      const range = waitRangeOf(c.inQueueSeconds);
      const b = buckets.get(range) ?? { answered: 0, abandoned: 0, wait: 0 };
      if (abandoned) b.abandoned++;
      else b.answered++;
      b.wait += range === 'unknown' ? 0 : (c.inQueueSeconds as number);
      buckets.set(range, b);
    }
    for (const [range, b] of buckets) {
      const n = b.answered + b.abandoned;
      rows.push({ queue: { id }, waitTimeRange: range as WaitTimeRange, answeredCount: b.answered, abandonedCount: b.abandoned, waitTime: n > 0 ? b.wait / n : 0 });
    }
    extra.set(id, { contacts: list.length, shortAbandons: short, shortAbandonsCounted: counted });
  }
  const base = aggregateAbandonment(rows, skills.map((s) => ({ id: String(s.skillId), name: s.skillName })), since);
  return { kind: 'Skill', ...base, queues: base.queues.map((q) => ({ ...q, ...extra.get(q.id)! })) };
}
