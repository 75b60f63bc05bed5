/**
 * The project file `cxq.yaml`: named environments (`--env test`, `--env prod`) with their
 * provider, hosts and the NAMES of the variables carrying secrets. Parsed with yaml, validated
 * against schemas/project.schema.json with ajv; a value that looks like a secret is refused.
 * Without `--env`, the file is not read at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ConfigError } from '../errors.js';

export const PROJECT_FILE = 'cxq.yaml';
/** A project file is a few hundred bytes; anything this big is the wrong file. */
export const MAX_PROJECT_FILE_BYTES = 256 * 1024;

/** One environment of cxq.yaml, as the schema allows it. */
export interface ProjectEnvironment {
  provider?: 'v2' | 'admin';
  maxRps?: number;
  baseUrl?: string;
  region?: string;
  clientIdEnv?: string;
  clientSecretEnv?: string;
  clientSecretFile?: string;
  area?: string;
  authUrl?: string;
  apiBaseUrl?: string;
  apiVersion?: string;
  discoveryUrl?: string;
  accessKeyIdEnv?: string;
  accessKeySecretEnv?: string;
  accessKeySecretFile?: string;
}

/** The chosen environment, with where it came from (relative secret files resolve from `dir`). */
export interface LoadedEnvironment {
  name: string;
  file: string;
  dir: string;
  environment: ProjectEnvironment;
}

/**
 * Where cxq.yaml is looked for: the definitions directory (`--dir`), then its parent (the
 * repository root when definitions live in `queues/`); without `--dir`, the working directory.
 */
export function projectDirs(cwd: string, dir?: string): string[] {
  if (dir === undefined) return [resolve(cwd)];
  const d = resolve(cwd, dir);
  return [...new Set([d, dirname(d)])];
}

/**
 * Loads environment `name` from the first cxq.yaml in `dirs`. Throws ConfigError when no file is
 * found, the file is not valid YAML or not valid against the schema (`file:line:column field:
 * problem`), a key or value looks like a literal secret, or the environment is not defined.
 * Never quotes a value of the file in an error.
 */
export function loadEnvironment(dirs: readonly string[], name: string): LoadedEnvironment {
  const file = dirs.map((d) => join(d, PROJECT_FILE)).find((f) => existsSync(f));
  if (file === undefined) {
    throw new ConfigError(`--env ${name}: no ${PROJECT_FILE} in ${dirs.join(' or ')}`, {
      hint: `Create ${PROJECT_FILE} at the definitions' root with an "environments:" map, or drop --env.`,
    });
  }
  const text = readProjectFile(file);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (path: readonly (string | number)[]): string => {
    const node = doc.getIn(path, true);
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const pos = lineCounter.linePos(offset);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const pos = lineCounter.linePos(yamlError.pos[0]);
    throw new ConfigError(`${file}:${pos.line}:${pos.col}: not valid YAML (${yamlError.code})`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 0 });
  } catch {
    // An alias (maxAliasCount 0): one environment silently inheriting another's tenant is a trap.
    throw new ConfigError(`${file}: YAML aliases (*name) are not allowed in ${PROJECT_FILE}; write each environment out`);
  }
  refuseSecrets(value, at);
  if (!validator()(value)) throw schemaError(validator().errors ?? [], at);
  const environments = (value as { environments: Record<string, ProjectEnvironment> }).environments;
  const environment = Object.hasOwn(environments, name) ? environments[name] : undefined;
  if (environment === undefined) {
    throw new ConfigError(`--env ${name}: ${file} defines no environment "${name}"`, {
      hint: `Defined: ${Object.keys(environments).join(', ')}.`,
    });
  }
  return { name, file, dir: dirname(file), environment };
}

function readProjectFile(file: string): string {
  try {
    const text = readFileSync(file, 'utf8');
    if (Buffer.byteLength(text) > MAX_PROJECT_FILE_BYTES) throw Object.assign(new Error('too large'), { code: 'larger than 256 KiB' });
    return text;
  } catch (err) {
    throw new ConfigError(`cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

const SECRET_KEY = /secret|password|token|apikey/i;
const REFERENCE_KEY = /(Env|File)$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * cxq.yaml is committed to git: a secret in it is a leak. Refuses keys that name a secret without
 * being a reference (`accessKeySecret:`), and `...Env` values that are not variable names (a
 * pasted secret). Runs before the schema so the message says why, without quoting the value.
 */
function refuseSecrets(value: unknown, at: (path: readonly (string | number)[]) => string): void {
  const envs = (value as { environments?: unknown } | null)?.environments;
  if (typeof envs !== 'object' || envs === null) return;
  for (const [envName, entry] of Object.entries(envs)) {
    if (typeof entry !== 'object' || entry === null) continue;
    for (const [key, v] of Object.entries(entry)) {
      const path = ['environments', envName, key];
      if (SECRET_KEY.test(key) && !REFERENCE_KEY.test(key)) {
        throw new ConfigError(`${at(path)} environments.${envName}.${key}: ${PROJECT_FILE} must never hold a secret`, {
          hint: `Put the secret in an environment variable and name it here, e.g. ${key}Env: CXQ_${envName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_SECRET.`,
        });
      }
      if (key.endsWith('Env') && (typeof v !== 'string' || !VARIABLE_NAME.test(v))) {
        throw new ConfigError(`${at(path)} environments.${envName}.${key}: must be the NAME of an environment variable, and this value is not one (a pasted secret?); it is not shown`, {
          hint: 'Names are letters, digits and underscores, e.g. CXQ_PROD_SECRET. If a secret was committed here, rotate it.',
        });
      }
    }
  }
}

let compiled: ReturnType<Ajv['compile']> | undefined;

function validator(): ReturnType<Ajv['compile']> {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(schemaFile(), 'utf8')) as Record<string, unknown>;
    compiled = new Ajv({ allErrors: true, strict: true }).compile(schema);
  }
  return compiled;
}

function schemaError(errors: readonly ErrorObject[], at: (path: readonly (string | number)[]) => string): ConfigError {
  const lines = errors.slice(0, 5).map((e) => {
    const segments = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${at(segments)} ${segments.join('.') || '(top level)'}: ${e.message ?? 'is invalid'}${extra}`;
  });
  return new ConfigError(`${PROJECT_FILE} is not valid:\n  ${lines.join('\n  ')}`, {
    hint: 'See docs/tenants.md for the fields of cxq.yaml.',
  });
}

function schemaFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schemas', 'project.schema.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cxq installation is broken: schemas/project.schema.json not found');
    dir = parent;
  }
}
