/**
 * Client configuration from the environment and the shared API flags. Everything is validated here,
 * before a single request, so a wrong URL or a missing secret never reaches the network.
 */
import { ConfigError } from '../../errors.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../../transport/retry-policy.js';
import { readSecretSetting } from '../../transport/secret-file.js';
import { DEFAULT_TIMEOUTS, durationSetting, parseConcurrency, parseMaxRps } from '../../transport/settings.js';
import type { ClientTimeouts } from '../../transport/settings.js';
import { isLoopback } from '../../transport/url.js';

export { MAX_SECRET_FILE_BYTES } from '../../transport/secret-file.js';
// The shared settings and URL rule live in src/transport (every dialect's); re-exported for v2's callers.
export { DEFAULT_TIMEOUTS, parseDuration } from '../../transport/settings.js';
export type { ClientTimeouts } from '../../transport/settings.js';
export { isLoopback } from '../../transport/url.js';

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

function readSecret(env: Record<string, string | undefined>, cwd: string): string | undefined {
  return readSecretSetting(env, { inline: 'CXONE_CLIENT_SECRET', file: 'CXONE_CLIENT_SECRET_FILE', what: 'the client secret' }, cwd);
}

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v === undefined || v === '' ? undefined : v;
}
