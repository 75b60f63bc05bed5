/**
 * Client configuration from the environment and the shared API flags. Everything is validated here,
 * before a single request, so a wrong URL or a missing secret never reaches the network.
 */
import { ConfigError, UsageError } from '../../errors.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../../transport/retry-policy.js';
import { readSecretSetting } from '../../transport/secret-file.js';

export { MAX_SECRET_FILE_BYTES } from '../../transport/secret-file.js';

/** Per-attempt timeouts and the bound on one call across all its retries. */
export interface ClientTimeouts {
  /** TCP (and TLS) connection establishment, per attempt. */
  connectMs: number;
  /** From the request being sent to the first byte of the answer, per attempt. */
  responseMs: number;
  /** Whole call: every attempt, backoff and rate-limit pause included. */
  deadlineMs: number;
}

/** Retry budget for transient failures (429, 5xx, connection errors, timeouts). */

export interface ClientConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Requests in flight at most, shared by every call of the client. */
  concurrency: number;
  /** A known request budget per second: pace from the first request instead of discovering it. */
  maxRps?: number;
  timeouts: ClientTimeouts;
  retry: RetryPolicy;
  /** True when the given base URL ended in the API's own prefix `/api/v2`, which was removed. */
  apiPrefixStripped?: boolean;
  /** `--timeout`: the whole run's bound in ms (undefined = none); past it nothing new is sent. */
  runTimeoutMs?: number;
}

/** The shared API flags as commander hands them over (strings, or numbers from a default). */
export interface ApiFlags {
  baseUrl?: string;
  concurrency?: number | string;
  maxRps?: number | string;
  /** `--max-wait DURATION`: longest Retry-After honoured. */
  maxWait?: string;
  /** `--timeout DURATION`: bound of the whole run. */
  timeout?: string;
}

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;
export const DEFAULT_TIMEOUTS: ClientTimeouts = { connectMs: 5_000, responseMs: 15_000, deadlineMs: 60_000 };

const REGION_TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Largest secret file read: a client secret is at most a few hundred bytes. */
/** The prefix of every path of the contract; a base URL ending in it would double it. */
const API_PREFIX = /\/api\/v2\/?$/;
const BASE_URL_EXAMPLE = 'a full URL such as https://us-1.api.cxm.nice.incontact.com (or http://127.0.0.1:8471 for the sandbox)';

/**
 * Builds the client configuration. Precedence: `--base-url` > `CXONE_BASE_URL` > `CXONE_REGION`;
 * `--max-rps` > `CXONE_MAX_RPS`; `--max-wait` > `CXONE_MAX_WAIT`; `--timeout` > `CXONE_TIMEOUT`. Throws `ConfigError` naming every missing variable, for a plain-http
 * URL to a non-loopback host, for `CXONE_CLIENT_SECRET` and `CXONE_CLIENT_SECRET_FILE` both set, or an
 * unreadable secret file (named, its content never shown; a relative path is taken from `cwd`);
 * `UsageError` for a bad flag value.
 */
export function resolveClientConfig(
  env: Record<string, string | undefined>,
  flags: ApiFlags = {},
  cwd: string = '.',
): ClientConfig {
  const concurrency = parseConcurrency(flags.concurrency);
  const maxRps = parseMaxRps(flags.maxRps, env['CXONE_MAX_RPS']);
  const flagUrl = nonEmpty(flags.baseUrl);
  const rawUrl = flagUrl ?? nonEmpty(env['CXONE_BASE_URL']);
  const maxWaitMs = durationSetting('--max-wait', flags.maxWait, 'CXONE_MAX_WAIT', env['CXONE_MAX_WAIT']) ?? DEFAULT_RETRY.maxWaitMs;
  const runTimeoutMs = durationSetting('--timeout', flags.timeout, 'CXONE_TIMEOUT', env['CXONE_TIMEOUT']);
  const region = nonEmpty(env['CXONE_REGION']);
  const parsed = rawUrl === undefined ? undefined : parseBaseUrl(rawUrl, flagUrl !== undefined ? '--base-url' : 'CXONE_BASE_URL');
  const baseUrl = parsed !== undefined ? parsed.url : region !== undefined ? regionUrl(region) : undefined;

  const clientId = nonEmpty(env['CXONE_CLIENT_ID']);
  const clientSecret = readSecret(env, cwd);
  const missing = [
    ...(baseUrl === undefined ? ['CXONE_REGION or CXONE_BASE_URL (or --base-url)'] : []),
    ...(clientId === undefined ? ['CXONE_CLIENT_ID'] : []),
    ...(clientSecret === undefined ? ['CXONE_CLIENT_SECRET or CXONE_CLIENT_SECRET_FILE'] : []),
  ];
  if (baseUrl === undefined || clientId === undefined || clientSecret === undefined) {
    throw new ConfigError(`missing API configuration: set ${missing.join('; ')}`, {
      hint: 'Create an API client with the routing, analytics, audit and health scopes in CXone and export its id and secret.',
    });
  }
  return {
    baseUrl,
    clientId,
    clientSecret,
    concurrency,
    ...(maxRps === undefined ? {} : { maxRps }),
    timeouts: { ...DEFAULT_TIMEOUTS },
    retry: { ...DEFAULT_RETRY, maxWaitMs },
    ...(parsed?.strippedApiPrefix ? { apiPrefixStripped: true } : {}),
    ...(runTimeoutMs === undefined ? {} : { runTimeoutMs }),
  };
}

/**
 * `https://{region}.api.cxm.nice.incontact.com`, after checking the region is one DNS label like
 * `us-1`. A value that is not one is never echoed: it may be a secret pasted into the wrong variable.
 */
export function regionUrl(region: string): string {
  if (!REGION_TOKEN.test(region) || region.length > 32) {
    throw new ConfigError('CXONE_REGION is not a region name (its value is not shown: it may be a secret pasted into the wrong variable)', {
      hint: 'Use the region of your tenant, e.g. CXONE_REGION=us-1, or set CXONE_BASE_URL to a full URL.',
    });
  }
  return `https://${region}.api.cxm.nice.incontact.com`;
}

/** {@link parseBaseUrl}'s URL alone. */
export function checkBaseUrl(raw: string, source = 'the API base URL'): string {
  return parseBaseUrl(raw, source).url;
}

/**
 * Validates a full base URL given by `source` (`--base-url`, `CXONE_BASE_URL`) and returns it
 * without trailing slashes. The value is never echoed in an error (it may be a secret pasted into
 * the wrong variable); only `source` is named. `http://` is accepted only for loopback hosts:
 * anywhere else the client secret and the tokens would cross the network in clear text. A path
 * ending in the API's own prefix (`.../api/v2` or `.../api/v2/`) is removed, since every path of
 * the contract starts with it (`strippedApiPrefix` says so, for the caller to log).
 */
export function parseBaseUrl(raw: string, source = 'the API base URL'): { url: string; strippedApiPrefix: boolean } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${source} is not a valid URL (its value is not shown: it may be a secret pasted into the wrong variable)`, {
      hint: `Set ${source} to ${BASE_URL_EXAMPLE}.`,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${source} must be an https:// URL (or http:// on loopback); its value is not shown`, {
      hint: `Set ${source} to ${BASE_URL_EXAMPLE}.`,
    });
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${source} must not contain credentials, a query or a fragment`, {
      hint: 'Give only scheme, host, port and path; credentials go in CXONE_CLIENT_ID / CXONE_CLIENT_SECRET.',
    });
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ConfigError(`refusing plain http:// to ${url.host}: the client secret and tokens would travel in clear text`, {
      hint: 'Use https:// for any remote host; plain http is allowed only for 127.0.0.1, ::1 and localhost (the sandbox).',
    });
  }
  const strippedApiPrefix = API_PREFIX.test(url.pathname);
  if (strippedApiPrefix) url.pathname = url.pathname.replace(API_PREFIX, '');
  return { url: url.href.replace(/\/+$/, ''), strippedApiPrefix };
}

/** 127.0.0.0/8, ::1 and localhost, as the WHATWG URL parser normalises them. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function readSecret(env: Record<string, string | undefined>, cwd: string): string | undefined {
  return readSecretSetting(env, { inline: 'CXONE_CLIENT_SECRET', file: 'CXONE_CLIENT_SECRET_FILE', what: 'the client secret' }, cwd);
}

export function parseConcurrency(raw: number | string | undefined): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const text = String(raw).trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got "${text}"`);
  }
  return n;
}

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
export function waitSettings(env: Record<string, string | undefined>, flags: Pick<ApiFlags, 'maxWait' | 'timeout'>): { maxWaitMs: number; runTimeoutMs?: number } {
  const maxWaitMs = durationSetting('--max-wait', flags.maxWait, 'CXONE_MAX_WAIT', env['CXONE_MAX_WAIT']) ?? DEFAULT_RETRY.maxWaitMs;
  const runTimeoutMs = runTimeoutFrom(env, flags);
  return { maxWaitMs, ...(runTimeoutMs === undefined ? {} : { runTimeoutMs }) };
}

/** `--timeout` > `CXONE_TIMEOUT` in ms (undefined = none); UsageError/ConfigError for a bad value. */
export function runTimeoutFrom(env: Record<string, string | undefined>, flags: Pick<ApiFlags, 'timeout'>): number | undefined {
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

function durationSetting(flag: string, raw: string | undefined, envName: string, envRaw: string | undefined): number | undefined {
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
