/**
 * Configuration of the admin dialect (NICE CXone Admin API) from the environment and the shared
 * API flags. Everything is validated here, before a single request: a wrong URL, a missing key or
 * a bad version never reaches the network.
 */
import { ConfigError } from '../../errors.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../../transport/retry-policy.js';
import { checkServiceUrl } from '../../transport/url.js';
import { DEFAULT_TIMEOUTS, parseConcurrency, parseMaxRps, waitSettings, type ClientTimeouts } from '../../transport/settings.js';
import { readSecretSetting } from '../../transport/secret-file.js';

export const DEFAULT_API_VERSION = 'v33.0';
/** NICE's discovery host (a government issuer, cxone-gov.niceincontact.com, exists too). */
export const DEFAULT_DISCOVERY_URL = 'https://cxone.niceincontact.com';
/** Largest secret file read: a key secret is tens of bytes; anything bigger is the wrong file. */
export { MAX_SECRET_FILE_BYTES } from '../../transport/secret-file.js';

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

/** The key secret, inline or from a file: the one hardened reader both dialects use (src/transport/secret-file.ts). */
function readKeySecret(env: Record<string, string | undefined>, cwd: string): string | undefined {
  return readSecretSetting(env, { inline: 'CXONE_ACCESS_KEY_SECRET', file: 'CXONE_ACCESS_KEY_SECRET_FILE', what: 'the access key secret' }, cwd);
}

function nonEmpty(value: string | number | undefined): string | undefined {
  const v = value === undefined ? undefined : String(value).trim();
  return v === undefined || v === '' ? undefined : v;
}
