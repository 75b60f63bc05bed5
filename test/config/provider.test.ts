import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveProviderConfig } from '../../src/config/provider.js';
import { ConfigError, UsageError } from '../../src/errors.js';

const V2 = { CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'c', CXONE_CLIENT_SECRET: 's' };
const ADMIN = { CXONE_AREA: 'na1', CXONE_ACCESS_KEY_ID: 'k', CXONE_ACCESS_KEY_SECRET: 'ks' };

const PROJECT = `# committed with the definitions
environments:
  test:
    provider: admin
    authUrl: http://127.0.0.1:8471
    apiVersion: v30.0
    maxRps: 4
    accessKeyIdEnv: CXQ_TEST_KEY_ID
    accessKeySecretEnv: CXQ_TEST_SECRET
  prod:
    provider: admin
    area: eu1
    apiBaseUrl: https://api-eu1.niceincontact.com
    accessKeyIdEnv: CXQ_PROD_KEY_ID
    accessKeySecretFile: secrets/prod-key
  legacy:
    region: us-2
    clientIdEnv: CXQ_V2_ID
    clientSecretEnv: CXQ_V2_SECRET
`;

const dirs: string[] = [];
/** A repository root holding cxq.yaml (if given) and a queues/ directory. */
function repo(project?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'cxq-project-'));
  dirs.push(root);
  mkdirSync(join(root, 'queues'));
  mkdirSync(join(root, 'secrets'));
  writeFileSync(join(root, 'secrets', 'prod-key'), 'prod-secret\n');
  if (project !== undefined) writeFileSync(join(root, 'cxq.yaml'), project);
  return root;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('resolveProviderConfig', () => {
  it('is v2 exactly as before without --provider, CXONE_PROVIDER or --env (cxq.yaml not read)', () => {
    const root = repo('not: [valid yaml for cxq');
    const r = resolveProviderConfig(V2, { dir: 'queues' }, root);
    expect(r.provider).toBe('v2');
    expect(r.config).toMatchObject({ baseUrl: 'https://us-1.api.cxm.nice.incontact.com', clientId: 'c', clientSecret: 's' });
    expect(r.environment).toBeUndefined();
  });

  it('chooses admin by CXONE_PROVIDER, and --provider beats it', () => {
    expect(resolveProviderConfig({ ...ADMIN, CXONE_PROVIDER: 'admin' }).provider).toBe('admin');
    expect(resolveProviderConfig({ ...V2, CXONE_PROVIDER: 'admin' }, { provider: 'v2' }).provider).toBe('v2');
    expect(() => resolveProviderConfig(V2, { provider: 'v3' })).toThrow(UsageError);
    expect(() => resolveProviderConfig({ ...V2, CXONE_PROVIDER: 'soap' })).toThrow('CXONE_PROVIDER must be one of v2, admin, got "soap"');
  });

  it('takes an environment from cxq.yaml at the root above --dir, secrets from the variables it names', () => {
    const root = repo(PROJECT);
    const r = resolveProviderConfig({ CXQ_TEST_KEY_ID: 'tk', CXQ_TEST_SECRET: 'ts' }, { env: 'test', dir: 'queues' }, root);
    expect(r).toMatchObject({ provider: 'admin', environment: 'test' });
    expect(r.config).toMatchObject({ authUrl: 'http://127.0.0.1:8471', apiVersion: 'v30.0', maxRps: 4, accessKeyId: 'tk', accessKeySecret: 'ts' });
  });

  it('resolves a secret file relative to cxq.yaml and finds cxq.yaml in the --dir itself too', () => {
    const root = repo(PROJECT);
    const r = resolveProviderConfig({ CXQ_PROD_KEY_ID: 'pk' }, { env: 'prod', dir: '.' }, root);
    expect(r.config).toMatchObject({ authUrl: 'https://eu1.nice-incontact.com', apiBaseUrl: 'https://api-eu1.niceincontact.com', accessKeySecret: 'prod-secret' });
  });

  it('lets flags beat env vars and env vars beat cxq.yaml, a group at a time', () => {
    const root = repo(PROJECT);
    const env = { CXQ_TEST_KEY_ID: 'tk', CXQ_TEST_SECRET: 'ts', CXONE_AREA: 'au1', CXONE_MAX_RPS: '2', CXONE_ACCESS_KEY_SECRET_FILE: join(root, 'secrets', 'prod-key') };
    const r = resolveProviderConfig(env, { env: 'test', dir: 'queues', maxRps: '9', baseUrl: 'https://flag.example.test' }, root);
    expect(r.config).toMatchObject({
      authUrl: 'https://au1.nice-incontact.com', // CXONE_AREA beats the project's authUrl
      accessKeySecret: 'prod-secret', // the exported secret file beats the project's secret variable
      maxRps: 9, // flag > CXONE_MAX_RPS > project
      apiBaseUrl: 'https://flag.example.test',
      apiVersion: 'v30.0', // only the project says it
    });
  });

  it('a flag --provider over a project environment of the other dialect is refused, naming the settings', () => {
    const root = repo(PROJECT);
    expect(() => resolveProviderConfig({ CXQ_V2_ID: 'a', CXQ_V2_SECRET: 'b' }, { env: 'legacy', provider: 'admin' }, root)).toThrow(
      /is used with provider admin but sets region, clientIdEnv, clientSecretEnv/,
    );
    expect(resolveProviderConfig({ CXQ_V2_ID: 'a', CXQ_V2_SECRET: 'b' }, { env: 'legacy' }, root).config).toMatchObject({ baseUrl: 'https://us-2.api.cxm.nice.incontact.com', clientId: 'a' });
  });

  it('names the unset variables a chosen environment relies on', () => {
    const root = repo(PROJECT);
    expect(() => resolveProviderConfig({}, { env: 'test', dir: 'queues' }, root)).toThrow(
      'names variables that are not set: CXQ_TEST_KEY_ID (accessKeyIdEnv), CXQ_TEST_SECRET (accessKeySecretEnv)',
    );
  });

  it('refuses --env without a cxq.yaml, and an environment it does not define', () => {
    expect(() => resolveProviderConfig(V2, { env: 'test', dir: 'queues' }, repo())).toThrow(/--env test: no cxq\.yaml in .*queues or /);
    expect(() => resolveProviderConfig(V2, { env: 'staging' }, repo(PROJECT))).toThrow('defines no environment "staging"');
  });
});

describe('cxq.yaml validation', () => {
  const bad = (text: string) => {
    try {
      resolveProviderConfig(ADMIN, { env: 'test' }, repo(text));
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected a ConfigError');
  };

  it('refuses a literal secret under a secret key, without quoting it, at its line and column', () => {
    const err = bad('environments:\n  test:\n    provider: admin\n    accessKeySecret: Sup3rS3cret!\n');
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/cxq\.yaml:4:22 environments\.test\.accessKeySecret: cxq\.yaml must never hold a secret$/);
    expect(err.message + String((err as ConfigError).hint)).not.toContain('Sup3rS3cret');
  });

  it('refuses a secret pasted where a variable name belongs', () => {
    const err = bad('environments:\n  test:\n    accessKeySecretEnv: "aB3$kL9/+x=="\n');
    expect(err.message).toContain('environments.test.accessKeySecretEnv: must be the NAME of an environment variable');
    expect(err.message).not.toContain('aB3$kL9');
  });

  it('names unknown fields and bad values with their location', () => {
    const err = bad('environments:\n  test:\n    provider: soap\n    maxRPS: 3\n');
    expect(err.message).toContain('cxq.yaml is not valid:');
    expect(err.message).toMatch(/cxq\.yaml:3:15 environments\.test\.provider: must be equal to one of the allowed values/);
    expect(err.message).toMatch(/environments\.test: must NOT have additional properties \(maxRPS\)/);
  });

  it('refuses a file that is not YAML, and aliases', () => {
    expect(bad('environments: [\n').message).toMatch(/cxq\.yaml:\d+:\d+: not valid YAML/);
    expect(bad('base: &b { area: na1 }\nenvironments:\n  test: *b\n').message).toContain('YAML aliases (*name) are not allowed');
  });
});
