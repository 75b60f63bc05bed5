import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { copyOfExamples, cxq, exampleSandbox, TIER1 } from '../plan/e2e-helpers.js';
import { runCaptured } from '../helpers/cli.js';

describe('cxq export against the sandbox', () => {
  let sb: SandboxHandle;
  let cwd: string;
  beforeAll(async () => {
    sb = await exampleSandbox();
    sb.state.editOutOfBand(TIER1, { description: 'Edited | in the console' });
  });
  afterAll(() => sb.close());
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'cxq-export-e2e-'));
  });
  afterEach(() => rm(cwd, { recursive: true, force: true }));

  it('refuses --agents on the v2 dialect, before writing anything', async () => {
    const r = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs', '--agents'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--agents applies to skills only');
    expect(await readdir(cwd)).toEqual([]);
  });

  it('round-trips: export, then validate passes and plan shows no changes', async () => {
    const r = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "+ created defs/billing-spanish.yaml (Billing Spanish)
      + created defs/billing.yaml (Billing)
      + created defs/collections.yaml (Collections)
      + created defs/sales-inbound.yaml (Sales Inbound)
      + created defs/support-overflow-pool.yaml (Support Overflow Pool)
      + created defs/support-tier-1.yaml (Support Tier 1)
      + created defs/support-tier-2.yaml (Support Tier 2)
      + created defs/vip-concierge.yaml (VIP Concierge)
      Export: 8 created, 0 updated, 0 unchanged, 0 skipped in defs/.
      note: the modelines point to schemas/queue.schema.json, which does not exist here; copy it from the cxq package for editor completion.
      "
    `);
    const v = await runCaptured(['validate', '--dir', 'defs'], { cwd });
    expect(v.code).toBe(0);
    const p = await cxq(sb.baseUrl, ['plan', '--dir', 'defs', '--detailed-exitcode'], cwd);
    expect(p.stdout).toBe('No changes. The tenant matches the definitions.\n');
    expect(p.code).toBe(0);
  });

  it('writes deterministic files with the modeline and schema fields only', async () => {
    await cxq(sb.baseUrl, ['export', '--out-dir', 'defs'], cwd);
    const first = await readFile(join(cwd, 'defs', 'support-tier-1.yaml'), 'utf8');
    expect(first).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/queue.schema.json
      id: 3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11
      name: Support Tier 1
      description: Edited | in the console
      routingStrategy: longestIdleAgent
      waitMusic:
        playMusic: true
        url: https://cdn.example.com/hold/calm-piano.mp3
      maxWaitTime: 300
      skills:
        - id: skill_english
          level: expert
        - id: skill_tier1
          level: advanced
      skillRoutingType: any
      enableOverflow: true
      overflowThreshold: 85
      overflowTargets:
        - id: 7a2d4e90-1b3c-4d5e-8f60-a1b2c3d4e5f6
          threshold: 120
        - id: c0ffee00-2bad-4b1d-9e2f-0a1b2c3d4e5f
          threshold: 300
      "
    `);
    await rm(join(cwd, 'defs'), { recursive: true });
    await cxq(sb.baseUrl, ['export', '--out-dir', 'defs'], cwd);
    expect(await readFile(join(cwd, 'defs', 'support-tier-1.yaml'), 'utf8')).toBe(first);
  });

  it('leaves identical files alone, refuses to overwrite edits without --force, then overwrites', async () => {
    await cxq(sb.baseUrl, ['export', '--out-dir', 'defs'], cwd);
    const again = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs'], cwd);
    expect(again.stdout).toBe('Export: 0 created, 0 updated, 8 unchanged, 0 skipped in defs/.\n');
    const file = join(cwd, 'defs', 'billing.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('maxWaitTime: 420', 'maxWaitTime: 421'));
    const refused = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs'], cwd);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error: 1 file(s) differ from the live queues and were not overwritten: defs/billing.yaml');
    expect(await readFile(file, 'utf8')).toContain('maxWaitTime: 421');
    const forced = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs', '--force'], cwd);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('~ updated defs/billing.yaml (Billing)');
    expect(again.stdout).not.toContain('note:');
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('selects by --name glob and --id, and refuses an unknown id', async () => {
    const r = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs', '--name', 'Support Tier ?', '--id', 'e1d2c3b4-a596-4788-9a0b-1c2d3e4f5061'], cwd);
    expect(r.code).toBe(0);
    expect((await readdir(join(cwd, 'defs'))).sort()).toEqual(['support-tier-1.yaml', 'support-tier-2.yaml', 'vip-concierge.yaml']);
    const bad = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs', '--id', 'nope'], cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('error: no live queue has id nope');
    const none = await cxq(sb.baseUrl, ['export', '--out-dir', 'defs', '--name', 'Nothing*'], cwd);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error: no live queue matches --name "Nothing*"');
  });

  it('never declares a queue twice: queues already defined elsewhere in the out dir are skipped', async () => {
    const copy = await copyOfExamples();
    try {
      const r = await cxq(sb.baseUrl, ['export'], copy.dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('= skipped Sales Inbound: already declared in queues/sales.yaml');
      expect(r.stdout).toContain('Export: 0 created, 0 updated, 0 unchanged, 8 skipped in queues/.');
    } finally {
      await copy.remove();
    }
  });
});
