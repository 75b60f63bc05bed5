/**
 * Time ranges of the analytics and audit queries, pure: `--since` parsing and the length in
 * seconds of a `dateRange` (ISO-8601 or the contract's relative forms `now`, `now-Nm|h|d`).
 */
import type { DateRange } from '../model/api.js';
import { UsageError } from '../errors.js';

/** The real-time window `status` asks for, as the seed does. */
export const REALTIME_RANGE: DateRange = { startDate: 'now-5m', endDate: 'now' };

const UNIT_SECONDS = { m: 60, h: 3600, d: 86_400 } as const;
const SHORT = /^(\d{1,6})([mhd])$/;
const RELATIVE = /^now(?:-(\d{1,6})([mhd]))?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * `--since` → the query's start: `30m`, `24h`, `7d` → `now-30m`…; `now-7d` kept; an ISO date
 * (`2026-11-01`, midnight UTC) or date-time → ISO-8601 UTC. Throws `UsageError` naming the flag
 * for anything else (zero durations included: they would select nothing).
 */
export function parseSince(value: string, flag = '--since'): string {
  const v = value.trim();
  const short = SHORT.exec(v);
  if (short) return relative(Number(short[1]), short[2] ?? 'd', flag, value);
  const rel = RELATIVE.exec(v);
  if (rel && rel[1] !== undefined) return relative(Number(rel[1]), rel[2] ?? 'd', flag, value);
  if (ISO_DATE.test(v) || ISO_DATE_TIME.test(v)) {
    const ms = Date.parse(ISO_DATE.test(v) ? `${v}T00:00:00Z` : v);
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not a duration or a date`, {
    hint: `Use ${flag} 30m, 24h, 7d or an ISO date such as 2026-11-01.`,
  });
}

function relative(amount: number, unit: string, flag: string, raw: string): string {
  if (amount === 0) {
    throw new UsageError(`${flag} ${JSON.stringify(raw)} selects an empty range`, {
      hint: `Use a positive duration such as ${flag} 7d.`,
    });
  }
  return `now-${amount}${unit}`;
}

/**
 * Resolves one endpoint of a `dateRange` to epoch milliseconds against `now`.
 * Returns null when the value is neither relative nor a parseable ISO timestamp.
 */
export function resolveInstant(value: string, now: Date): number | null {
  const rel = RELATIVE.exec(value.trim());
  if (rel) {
    if (rel[1] === undefined) return now.getTime();
    const unit = UNIT_SECONDS[(rel[2] ?? 'm') as keyof typeof UNIT_SECONDS];
    return now.getTime() - Number(rel[1]) * unit * 1000;
  }
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Length of `range` in seconds, used to turn contact counts into rates. Falls back to the
 * default real-time window (300 s) when either end cannot be read or the range is not positive.
 */
export function windowSeconds(range: DateRange, now: Date): number {
  const start = resolveInstant(range.startDate, now);
  const end = resolveInstant(range.endDate, now);
  if (start === null || end === null || end <= start) return DEFAULT_WINDOW_SECONDS;
  return (end - start) / 1000;
}

/** The seed's `now-5m` window, in seconds. */
export const DEFAULT_WINDOW_SECONDS = 300;
