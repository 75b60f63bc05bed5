/**
 * Configuration of the admin dialect (NICE CXone Admin API) from the environment and the shared
 * API flags. Everything is validated here, before a single request: a wrong URL, a missing key or
 * a bad version never reaches the network.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, UsageError } from '../../errors.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../../transport/retry-policy.js';
import { checkServiceUrl } from '../../transport/url.js';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUTS, MAX_CONCURRENCY, waitSettings, type ClientTimeouts } from '../v2/config.js';

export const DEFAULT_API_VERSION = 'v33.0';
/** NICE's discovery host (a government issuer, cxone-gov.niceincontact.com, exists too). */
export const DEFAULT_DISCOVERY_URL = 'https://cxone.niceincontact.com';
/** Largest secret file read: a key secret is tens of bytes; anything bigger is the wrong file. */
export const MAX_SECRET_FILE_BYTES = 64 * 1024;

const AREA_TOKEN = /^[a-z]{2,4}\d{0,2}$/;
const VERSION_TOKEN = /^v\d{1,3}\.0$/;

export interface AdminConfig {
  /** Token host, e.g. https://na1.nice-incontact.com (no path). */
  authUrl: string;
  /** The API host given directly (skips discovery), e.g. https://api-na1.niceincontact.com. */
  apiBaseUrl?: string;
  /** Where `/.well-known/cxone-configuration` is asked when no API host is given. */
  discoveryUrl: string;
  /** `vNN.0`: the path segment of `/inContactAPI/services/{version}`. */
  apiVersion: string;
  accessKeyId: string;
  accessKeySecret: string;
  concurrency: number;
  maxRps?: number;
  timeouts: ClientTimeouts;
  retry: RetryPolicy;
  /** `--timeout`: the whole run's bound in ms (undefined = none); past it nothing new is sent. */
  runTimeoutMs?: number;
}

/** The shared API flags (`--base-url` is the API host for this dialect: it skips discovery). */
export interface AdminFlags {
  baseUrl?: string;
  concurrency?: number | string;
  maxRps?: number | string;
  maxWait?: string;
  timeout?: string;
}

/**
 * Builds the admin configuration. Precedence: `--base-url` > `CXONE_API_BASE_URL`;
 * `CXONE_AUTH_URL` > `https://{CXONE_AREA}.nice-incontact.com`; `CXONE_DISCOVERY_URL` > the auth
 * URL's origin when it is loopback (the sandbox) > {@link DEFAULT_DISCOVERY_URL};
 * `--max-rps` > `CXONE_MAX_RPS`. Throws ConfigError naming every missing variable at once, for a
 * plain-http URL to a non-loopback host, a bad area or version, both secret variables set, or an
 * unreadable secret file (named, its content never shown); UsageError for a bad flag value.
 */
export function resolveAdminConfig(
  env: Record<string, string | undefined>,
  flags: AdminFlags = {},
  cwd: string = '.',
): AdminConfig {
  const concurrency = parseConcurrency(flags.concurrency);
  const maxRps = parseMaxRps(flags.maxRps, env['CXONE_MAX_RPS']);
  const rawAuth = nonEmpty(env['CXONE_AUTH_URL']);
  const area = nonEmpty(env['CXONE_AREA']);
  const authUrl = rawAuth !== undefined ? checkServiceUrl(rawAuth, 'CXONE_AUTH_URL') : area !== undefined ? areaUrl(area) : undefined;
  const flagBase = nonEmpty(flags.baseUrl);
  const rawBase = flagBase ?? nonEmpty(env['CXONE_API_BASE_URL']);
  const apiBaseUrl = rawBase === undefined ? undefined : checkServiceUrl(rawBase, flagBase !== undefined ? '--base-url' : 'CXONE_API_BASE_URL');
  const apiVersion = parseVersion(nonEmpty(env['CXONE_API_VERSION']));
  const accessKeyId = nonEmpty(env['CXONE_ACCESS_KEY_ID']);
  const accessKeySecret = readKeySecret(env, cwd);
  const missing = [
    ...(authUrl === undefined ? ['CXONE_AREA or CXONE_AUTH_URL'] : []),
    ...(accessKeyId === undefined ? ['CXONE_ACCESS_KEY_ID'] : []),
    ...(accessKeySecret === undefined ? ['CXONE_ACCESS_KEY_SECRET or CXONE_ACCESS_KEY_SECRET_FILE'] : []),
  ];
  if (authUrl === undefined || accessKeyId === undefined || accessKeySecret === undefined) {
    throw new ConfigError(`missing admin API configuration: set ${missing.join('; ')}`, {
      hint: 'Create an access key for a CXone user (Admin > Employees > Access Keys) whose role can read skills and agents, and export its id and secret.',
    });
  }
  const waits = waitSettings(env, flags);
  return {
    authUrl,
    ...(apiBaseUrl === undefined ? {} : { apiBaseUrl }),
    discoveryUrl: discoveryFor(env, authUrl),
    apiVersion,
    accessKeyId,
    accessKeySecret,
    concurrency,
    ...(maxRps === undefined ? {} : { maxRps }),
    timeouts: { ...DEFAULT_TIMEOUTS },
    retry: { ...DEFAULT_RETRY, maxWaitMs: waits.maxWaitMs },
    ...(waits.runTimeoutMs === undefined ? {} : { runTimeoutMs: waits.runTimeoutMs }),
  };
}

/** `https://{area}.nice-incontact.com`, after checking the area is a token like `na1` or `eu1`. */
export function areaUrl(area: string): string {
  if (!AREA_TOKEN.test(area)) {
    throw new ConfigError(`CXONE_AREA "${area.slice(0, 40)}" is not an area name`, {
      hint: 'Use the area of your tenant, e.g. CXONE_AREA=na1 (eu1, au1, ...), or set CXONE_AUTH_URL to a full URL.',
    });
  }
  return `https://${area}.nice-incontact.com`;
}

/** The API base path of a host: `{api_endpoint}/inContactAPI/services/{version}`. */
export function servicesBase(apiHost: string, version: string): string {
  return `${apiHost.replace(/\/+$/, '')}/inContactAPI/services/${version}`;
}

function discoveryFor(env: Record<string, string | undefined>, authUrl: string): string {
  const raw = nonEmpty(env['CXONE_DISCOVERY_URL']);
  if (raw !== undefined) return checkServiceUrl(raw, 'CXONE_DISCOVERY_URL');
  // A loopback token host is a sandbox, which serves discovery itself; a real one never is.
  const auth = new URL(authUrl);
  return auth.protocol === 'http:' ? auth.origin : DEFAULT_DISCOVERY_URL;
}

function parseVersion(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_API_VERSION;
  if (!VERSION_TOKEN.test(raw)) {
    throw new ConfigError(`CXONE_API_VERSION "${raw.slice(0, 40)}" is not an API version`, {
      hint: `Use the form vNN.0, e.g. CXONE_API_VERSION=${DEFAULT_API_VERSION} (the default).`,
    });
  }
  return raw;
}

/**
 * The key secret, inline or from a file. The file rule is the one issue 12 gives v2's
 * CXONE_CLIENT_SECRET_FILE (a regular file of at most 64 KiB, trailing newlines trimmed, named but
 * never shown in errors): the lead can merge the two readers into one helper.
 */
function readKeySecret(env: Record<string, string | undefined>, cwd: string): string | undefined {
  // The inline secret is taken verbatim: spaces may be part of it.
  const rawInline = env['CXONE_ACCESS_KEY_SECRET'];
  const inline = rawInline === undefined || rawInline === '' ? undefined : rawInline;
  const file = nonEmpty(env['CXONE_ACCESS_KEY_SECRET_FILE']);
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError('both CXONE_ACCESS_KEY_SECRET and CXONE_ACCESS_KEY_SECRET_FILE are set', {
      hint: 'Unset one of them so there is no doubt which secret is used.',
    });
  }
  if (file === undefined) return inline;
  const path = resolve(cwd, file);
  let text: string;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'not a regular file' });
    if (stat.size > MAX_SECRET_FILE_BYTES) throw Object.assign(new Error('too large'), { code: `larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB` });
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`cannot read CXONE_ACCESS_KEY_SECRET_FILE ${file} (${code})`, {
      hint: 'Point it at a regular file holding only the secret, readable by this user.',
    });
  }
  const secret = text.replace(/\r?\n+$/, '');
  if (secret === '') throw new ConfigError(`CXONE_ACCESS_KEY_SECRET_FILE ${file} is empty`);
  return secret;
}

function parseConcurrency(raw: number | string | undefined): number {
  if (raw === undefined) return DEFAULT_CONCURRENCY;
  const text = String(raw).trim();
  const n = Number(text);
  if (text === '' || !Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}, got "${text}"`);
  }
  return n;
}

function parseMaxRps(flag: number | string | undefined, env: string | undefined): number | undefined {
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

function nonEmpty(value: string | number | undefined): string | undefined {
  const v = value === undefined ? undefined : String(value).trim();
  return v === undefined || v === '' ? undefined : v;
}
