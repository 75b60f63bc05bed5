/**
 * Which failures are retried, and after how long. Pure: got's retry machinery asks `decideRetry`
 * after every failed attempt and sleeps what it answers.
 */

export interface RetryPolicy {
  /** Attempts that failed with a 5xx or a network error, the first one included; 429s do not count. */
  tries: number;
  /** First backoff ceiling; doubles per attempt (full jitter: the wait is uniform in [0, ceiling]). */
  baseDelayMs: number;
  /** Largest single backoff. */
  maxDelayMs: number;
  /** Longest `Retry-After` honoured (`--max-wait`); a longer one fails the call at once. */
  maxWaitMs: number;
  /** How long one call may keep being answered 429 (back-pressure, not failures) before it gives up. */
  throttleBudgetMs: number;
}

/** `--max-wait` default: a server asking for more than 5 minutes is not coming back within a CI job. */
export const DEFAULT_MAX_WAIT_MS = 300_000;

export const DEFAULT_RETRY: RetryPolicy = {
  tries: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxWaitMs: DEFAULT_MAX_WAIT_MS,
  throttleBudgetMs: 900_000,
};

export const RETRY_STATUSES: readonly number[] = [429, 500, 502, 503, 504];

/** Connection-level failures worth another attempt (ENOTFOUND is not: a wrong host name stays wrong). */
export const RETRY_ERROR_CODES: readonly string[] = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
];

/** Failures that prove the request never reached the server: even a PUT may be re-sent after them. */
const NOT_SENT_CODES: readonly string[] = ['ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'EAI_AGAIN', 'ENOTFOUND'];
const NOT_SENT_TIMEOUTS: readonly string[] = ['lookup', 'connect', 'secureConnect'];

/** What went wrong with one attempt. */
export interface AttemptFailure {
  method: string;
  /** HTTP status when an answer arrived. */
  status?: number;
  /** Error code (ECONNRESET, ETIMEDOUT, ...) when no answer arrived. */
  code?: string;
  /** got's timeout phase (`connect`, `response`, ...) for ETIMEDOUT. */
  timeoutEvent?: string;
  /** `Retry-After` of a 429, in milliseconds. */
  retryAfterMs?: number;
}

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: 'not-transient' | 'outcome-unknown' | 'tries-exhausted' | 'deadline' }
  | { retry: false; reason: 'wait-over-cap'; waitMs: number };

/**
 * Whether a request without an answer may have been processed. Only a PUT cares: resending it after
 * a lost answer could apply twice or 409 on our own write, so the caller must re-read instead.
 */
export function mayHaveBeenProcessed(failure: AttemptFailure): boolean {
  if (failure.status !== undefined) return false;
  if (failure.code !== undefined && NOT_SENT_CODES.includes(failure.code)) return false;
  if (failure.timeoutEvent !== undefined && NOT_SENT_TIMEOUTS.includes(failure.timeoutEvent)) return false;
  return true;
}

/** Full-jitter exponential backoff: uniform in [0, min(max, base * 2^(attempt-1))]. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Decides after a failed attempt. `attempt` counts the attempts that failed with a 5xx or a network
 * error (1-based); they retry up to `policy.tries` with full-jitter backoff, and no retry is started
 * that would end past `deadline` (ms timestamp). A PUT whose answer was lost is never retried
 * (`outcome-unknown`). A 429 is back-pressure, not a failure: it never uses up the tries; it waits
 * its `Retry-After` (0 without one: the pacer spaces the retry), fails at once when that is above
 * `policy.maxWaitMs` (`wait-over-cap`, with the wait asked), and retries while the wait ends before
 * `throttleDeadline`.
 */
export function decideRetry(
  failure: AttemptFailure,
  attempt: number,
  policy: RetryPolicy,
  now: number,
  deadline: number,
  random: () => number = Math.random,
  throttleDeadline: number = Number.POSITIVE_INFINITY,
): RetryDecision {
  if (failure.status === 429) {
    const waitMs = failure.retryAfterMs ?? 0;
    if (waitMs > policy.maxWaitMs) return { retry: false, reason: 'wait-over-cap', waitMs };
    if (now + waitMs >= throttleDeadline) return { retry: false, reason: 'deadline' };
    return { retry: true, delayMs: waitMs };
  }
  const transient =
    failure.status !== undefined
      ? RETRY_STATUSES.includes(failure.status)
      : failure.code !== undefined && RETRY_ERROR_CODES.includes(failure.code);
  if (!transient) return { retry: false, reason: 'not-transient' };
  if (failure.method === 'PUT' && mayHaveBeenProcessed(failure)) return { retry: false, reason: 'outcome-unknown' };
  if (attempt >= policy.tries) return { retry: false, reason: 'tries-exhausted' };
  const delayMs = backoffMs(attempt, policy, random);
  if (now + delayMs >= deadline) return { retry: false, reason: 'deadline' };
  return { retry: true, delayMs };
}

/**
 * `Retry-After` in milliseconds: integer seconds (0 allowed) or an HTTP date; undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: number): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  // Any size is read (86400 or 1e12 s alike): the caller compares it with its cap, never sets a timer of it.
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
