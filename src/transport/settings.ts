/**
 * The API settings every dialect shares: timeouts, concurrency, `--max-rps`, `--max-wait` and
 * `--timeout`, each from its flag or its CXONE_ variable. Validation only: UsageError for a bad flag,
 * ConfigError for a bad variable. Pure.
 */
import { ConfigError, UsageError } from '../errors.js';
import { DEFAULT_RETRY } from './retry-policy.js';

/** Per-attempt timeouts and the bound on one call across all its retries. */
export interface ClientTimeouts {
  /** TCP (and TLS) connection establishment, per attempt. */
  connectMs: number;
  /** From the request being sent to the first byte of the answer, per attempt. */
  responseMs: number;
  /** Whole call: every attempt, backoff and rate-limit pause included. */
  deadlineMs: number;
}

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;
export const DEFAULT_TIMEOUTS: ClientTimeouts = { connectMs: 5_000, responseMs: 15_000, deadlineMs: 60_000 };

/** The shared duration flags as commander hands them over. */
export interface WaitFlags {
  /** `--max-wait DURATION`: longest Retry-After honoured. */
  maxWait?: string;
  /** `--timeout DURATION`: bound of the whole run. */
  timeout?: string;
}

/** `--concurrency` (default {@link DEFAULT_CONCURRENCY}): an integer 1..MAX_CONCURRENCY, else UsageError. */
export function parseConcurrency(raw: number | string | undefined): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const text = String(raw).trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got "${text}"`);
  }
  return n;
}

/** `--max-rps` > `CXONE_MAX_RPS` (undefined = unpaced until a 429): above 0, at most 10000; UsageError/ConfigError. */
export function parseMaxRps(flag: number | string | undefined, env: string | undefined): number | undefined {
  const fromFlag = flag !== undefined && String(flag).trim() !== '';
  const raw = fromFlag ? String(flag).trim() : nonEmpty(env);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > 10_000) {
    const what = fromFlag ? '--max-rps' : 'CXONE_MAX_RPS';
    const message = `${what} must be a number of requests per second above 0 (at most 10000), got "${raw}"`;
    throw fromFlag ? new UsageError(message) : new ConfigError(message);
  }
  return n;
}

/**
 * `--max-wait` > `CXONE_MAX_WAIT` (default {@link DEFAULT_RETRY}.maxWaitMs) and `--timeout` >
 * `CXONE_TIMEOUT` (undefined = none), in ms, for every dialect. UsageError/ConfigError for a bad value.
 */
export function waitSettings(env: Record<string, string | undefined>, flags: WaitFlags): { maxWaitMs: number; runTimeoutMs?: number } {
  const maxWaitMs = durationSetting('--max-wait', flags.maxWait, 'CXONE_MAX_WAIT', env['CXONE_MAX_WAIT']) ?? DEFAULT_RETRY.maxWaitMs;
  const runTimeoutMs = runTimeoutFrom(env, flags);
  return { maxWaitMs, ...(runTimeoutMs === undefined ? {} : { runTimeoutMs }) };
}

/** `--timeout` > `CXONE_TIMEOUT` in ms (undefined = none); UsageError/ConfigError for a bad value. */
export function runTimeoutFrom(env: Record<string, string | undefined>, flags: Pick<WaitFlags, 'timeout'>): number | undefined {
  return durationSetting('--timeout', flags.timeout, 'CXONE_TIMEOUT', env['CXONE_TIMEOUT']);
}

/** Longest duration accepted (24 days): `--timeout` becomes one timer, which Node caps at 2^31 - 1 ms (24.8 days). */
const MAX_DURATION_MS = 24 * 86_400_000;

/**
 * A duration such as `90s`, `10m`, `1h`, `500ms` or a plain number of seconds, in ms. Returns
 * undefined for a malformed or non-positive value.
 */
export function parseDuration(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(m[1]) * unit;
  return ms > 0 && ms <= MAX_DURATION_MS ? Math.round(ms) : undefined;
}

/** `flag` > `envName` as a duration in ms (undefined when neither is set); UsageError/ConfigError for a bad one. */
export function durationSetting(flag: string, raw: string | undefined, envName: string, envRaw: string | undefined): number | undefined {
  const fromFlag = raw !== undefined && raw.trim() !== '';
  const text = fromFlag ? raw.trim() : nonEmpty(envRaw);
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) {
    const message = `${fromFlag ? flag : envName} must be a duration such as 90s, 10m or 1h (above 0, at most 24 days), got "${text}"`;
    throw fromFlag ? new UsageError(message) : new ConfigError(message);
  }
  return ms;
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}
