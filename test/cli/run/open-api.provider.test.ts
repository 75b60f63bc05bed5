import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/io.js';
import { openAdmin, resolveApi } from '../../../src/cli/run/open-api.js';
import { silentLogger } from '../../../src/log.js';
import { runCaptured } from '../../helpers/cli.js';
import { setupNock } from '../../providers/v2/helpers.js';

const ADMIN = { CXONE_AREA: 'na1', CXONE_ACCESS_KEY_ID: 'k', CXONE_ACCESS_KEY_SECRET: 'key-secret-value' };

function ctx(env: Record<string, string>, cwd: string, selection: CliContext['selection'] = {}): CliContext {
  return {
    io: { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Readable.from([]), env, cwd, signal: new AbortController().signal },
    logger: silentLogger(),
    selection,
  };
}

describe('choosing the provider from the CLI', () => {
  let requests = 0;
  const count = (): void => void requests++;
  const dirs: string[] = [];
  beforeEach(() => {
    setupNock();
    requests = 0;
    nock.emitter.on('no match', count);
  });
  afterEach(() => {
    nock.emitter.removeListener('no match', count);
    nock.cleanAll();
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('global --provider admin before or after the command reaches the resolver', async () => {
    for (const argv of [['--provider', 'admin', 'plan'], ['plan', '--provider', 'admin']]) {
      const r = await runCaptured(argv, { env: { ...ADMIN, CXONE_AUTH_URL: 'http://cxone.example.com' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('refusing plain http:// to cxone.example.com (CXONE_AUTH_URL)');
    }
    expect(requests).toBe(0);
  });

  it('plan --provider admin reaches the admin dialect: definitions are checked before anything is sent', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cxq-open-'));
    dirs.push(root);
    writeFileSync(join(root, 'q.yaml'), 'id: 3f6c1a52-0000-4000-8000-000000000001\nname: Support\n');
    const r = await runCaptured(['plan', '--provider', 'admin', '--dir', '.'], { env: ADMIN, cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a Queue definition needs the v2 dialect');
    expect(r.stderr).not.toContain('key-secret-value');
    expect(requests).toBe(0);
  });

  it('refuses an unknown --provider as usage', async () => {
    const r = await runCaptured(['--provider', 'soap', 'plan'], { env: ADMIN });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("argument 'soap' is invalid");
  });

  it('--env reads cxq.yaml from the --dir root and builds the admin client without sending anything', () => {
    const root = mkdtempSync(join(tmpdir(), 'cxq-open-'));
    dirs.push(root);
    writeFileSync(join(root, 'cxq.yaml'), 'environments:\n  prod:\n    provider: admin\n    area: eu1\n    accessKeyIdEnv: P_ID\n    accessKeySecretEnv: P_SECRET\n');
    const c = ctx({ P_ID: 'id', P_SECRET: 'sec' }, root, { env: 'prod' });
    const resolved = resolveApi(c, { dir: 'queues' });
    expect(resolved).toMatchObject({ provider: 'admin', environment: 'prod', config: { authUrl: 'https://eu1.nice-incontact.com' } });
    expect(openAdmin(c, { dir: 'queues' }).baseUrl).toBeUndefined(); // discovery comes with the first call
    expect(requests).toBe(0);
  });
});
