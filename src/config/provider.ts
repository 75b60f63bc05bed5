/**
 * Which dialect and which tenant a command talks to. Precedence, per setting: flags > environment
 * variables > the cxq.yaml environment chosen with `--env` > defaults. Without `--env` the project
 * file is not read, and without `--provider` / CXONE_PROVIDER everything is v2 as before.
 */
import { resolve } from 'node:path';
import { ConfigError, UsageError } from '../errors.js';
import { resolveAdminConfig, type AdminConfig } from '../providers/admin/config.js';
import { resolveClientConfig, type ApiFlags, type ClientConfig } from '../providers/v2/config.js';
import { loadEnvironment, projectDirs, type LoadedEnvironment, type ProjectEnvironment } from './project.js';

import { DEFAULT_PROVIDER, PROVIDERS, type ProviderName } from './provider-names.js';

export { DEFAULT_PROVIDER, PROVIDERS, type ProviderName };

/** The shared API flags plus the dialect and environment choice (raw, as commander gives them). */
export interface ProviderFlags extends ApiFlags {
  provider?: string;
  env?: string;
  /** The command's definitions directory: where cxq.yaml is looked for (then its parent). */
  dir?: string;
}

export type ProviderConfig =
  | { provider: 'v2'; config: ClientConfig; environment?: string }
  | { provider: 'admin'; config: AdminConfig; environment?: string };

type Env = Record<string, string | undefined>;

/** Settings the project file may give, as the variable each one stands for. */
const PLAIN: Record<string, readonly [keyof ProjectEnvironment, ProviderName | 'any']> = {
  CXONE_MAX_RPS: ['maxRps', 'any'],
  CXONE_BASE_URL: ['baseUrl', 'v2'],
  CXONE_REGION: ['region', 'v2'],
  CXONE_AREA: ['area', 'admin'],
  CXONE_AUTH_URL: ['authUrl', 'admin'],
  CXONE_API_BASE_URL: ['apiBaseUrl', 'admin'],
  CXONE_API_VERSION: ['apiVersion', 'admin'],
  CXONE_DISCOVERY_URL: ['discoveryUrl', 'admin'],
};
/** Settings given as the NAME of another variable, which carries the value. */
const NAMED: Record<string, readonly [keyof ProjectEnvironment, ProviderName]> = {
  CXONE_CLIENT_ID: ['clientIdEnv', 'v2'],
  CXONE_CLIENT_SECRET: ['clientSecretEnv', 'v2'],
  CXONE_ACCESS_KEY_ID: ['accessKeyIdEnv', 'admin'],
  CXONE_ACCESS_KEY_SECRET: ['accessKeySecretEnv', 'admin'],
};
/** Settings given as a file path, relative to cxq.yaml. */
const FILES: Record<string, readonly [keyof ProjectEnvironment, ProviderName]> = {
  CXONE_CLIENT_SECRET_FILE: ['clientSecretFile', 'v2'],
  CXONE_ACCESS_KEY_SECRET_FILE: ['accessKeySecretFile', 'admin'],
};
/**
 * Variables that say one thing two ways: when the environment sets any of a group, the project's
 * whole group yields, so a host or secret is never half from each (a CXONE_AREA never meets a
 * project authUrl, an exported secret never clashes with the project's secret file).
 */
const GROUPS: readonly (readonly string[])[] = [
  ['CXONE_BASE_URL', 'CXONE_REGION'],
  ['CXONE_CLIENT_SECRET', 'CXONE_CLIENT_SECRET_FILE'],
  ['CXONE_AUTH_URL', 'CXONE_AREA'],
  ['CXONE_ACCESS_KEY_SECRET', 'CXONE_ACCESS_KEY_SECRET_FILE'],
];

/**
 * Resolves the provider and its configuration (see the file comment for precedence). `--base-url`
 * is the v2 base URL, or the admin API host (skipping discovery). Throws UsageError for a bad
 * `--provider`, ConfigError for a bad CXONE_PROVIDER, a missing or invalid cxq.yaml, an environment
 * giving the other dialect's settings, a variable it names being unset (named), and everything the
 * dialect's own resolver refuses. Sends nothing.
 */
export function resolveProviderConfig(env: Env, flags: ProviderFlags = {}, cwd: string = '.'): ProviderConfig {
  const loaded = flags.env === undefined || flags.env === '' ? undefined : loadEnvironment(projectDirs(cwd, flags.dir), flags.env);
  const provider =
    parseProvider(flags.provider, '--provider') ?? parseProvider(env['CXONE_PROVIDER'], 'CXONE_PROVIDER') ?? loaded?.environment.provider ?? DEFAULT_PROVIDER;
  const layered = loaded === undefined ? env : { ...projectLayer(loaded, provider, env), ...definedOnly(env) };
  const apiFlags: ApiFlags = {
    ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
    ...(flags.maxRps === undefined ? {} : { maxRps: flags.maxRps }),
    ...(flags.maxWait === undefined ? {} : { maxWait: flags.maxWait }),
    ...(flags.timeout === undefined ? {} : { timeout: flags.timeout }),
  };
  const environment = loaded === undefined ? {} : { environment: loaded.name };
  return provider === 'admin'
    ? { provider, config: resolveAdminConfig(layered, apiFlags, cwd), ...environment }
    : { provider, config: resolveClientConfig(layered, apiFlags, cwd), ...environment };
}

function parseProvider(raw: string | undefined, what: string): ProviderName | undefined {
  const v = raw?.trim();
  if (v === undefined || v === '') return undefined;
  if ((PROVIDERS as readonly string[]).includes(v)) return v as ProviderName;
  const message = `${what} must be one of ${PROVIDERS.join(', ')}, got "${v.slice(0, 40)}"`;
  throw what === '--provider' ? new UsageError(message) : new ConfigError(message);
}

/** The cxq.yaml environment as CXONE_* variables, minus every group the real environment sets. */
function projectLayer(loaded: LoadedEnvironment, provider: ProviderName, env: Env): Env {
  const e = loaded.environment;
  const where = `cxq.yaml environment "${loaded.name}" (${loaded.file})`;
  const foreign = [...Object.values(PLAIN), ...Object.values(NAMED), ...Object.values(FILES)]
    .filter(([key, p]) => p !== 'any' && p !== provider && e[key] !== undefined)
    .map(([key]) => key);
  if (foreign.length > 0) {
    throw new ConfigError(`${where} is used with provider ${provider} but sets ${foreign.join(', ')}, which only the other provider reads`, {
      hint: 'Set "provider:" in the environment, or remove the settings of the other dialect.',
    });
  }
  const out: Env = {};
  for (const [variable, [key]] of Object.entries(PLAIN)) if (e[key] !== undefined) out[variable] = String(e[key]);
  for (const [variable, [key]] of Object.entries(FILES)) if (e[key] !== undefined) out[variable] = resolve(loaded.dir, String(e[key]));
  const unset: string[] = [];
  for (const [variable, [key]] of Object.entries(NAMED)) {
    const name = e[key];
    if (typeof name !== 'string' || isSet(env[variable])) continue;
    if (isSet(env[name])) out[variable] = env[name];
    else unset.push(`${name} (${key})`);
  }
  for (const group of GROUPS) {
    if (group.some((v) => isSet(env[v]))) for (const v of group) delete out[v];
  }
  // Checked after the groups: a secret exported directly makes its named variable unnecessary.
  const stillNeeded = unset.filter((u) => {
    const variable = Object.entries(NAMED).find(([, [key]]) => u.endsWith(`(${key})`))?.[0] ?? '';
    return !GROUPS.some((g) => g.includes(variable) && g.some((v) => isSet(env[v])));
  });
  if (stillNeeded.length > 0) {
    throw new ConfigError(`${where} names variables that are not set: ${stillNeeded.join(', ')}`, {
      hint: 'Export them (in CI: from the secret store) before running cxq.',
    });
  }
  return out;
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => isSet(v)));
}

function isSet(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}
