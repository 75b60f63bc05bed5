/**
 * plan and apply (`--dir` and `--plan`) of the real CLI against the second server: results on the
 * server, unknown fields carried through, exactly one PUT per changed queue.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';
import type { SecondServer } from './second-server.js';
import { startSeeded, tempRepo, unknownFieldsFor } from './seed.js';

const TIER1 = '3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11';
const VIP = 'e1d2c3b4-a596-4788-9a0b-1c2d3e4f5061';
const PUTS = 'PUT /api/v2/routing/queues/';

let repo: ReturnType<typeof tempRepo>;
let server: SecondServer;
let env: Record<string, string>;

beforeEach(async () => {
  repo = tempRepo();
  ({ server, env } = await startSeeded(repo.dir));
});
afterEach(async () => {
  await server.stop();
  repo.cleanup();
});

function edit(file: string, from: string, to: string): void {
  const path = join(repo.dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function cxq(...argv: string[]): ReturnType<typeof runCaptured> {
  return runCaptured(argv, { env, cwd: repo.cwd });
}

function puts(): string[] {
  return server.log.filter((r) => `${r.method} ${r.path}`.startsWith(PUTS)).map((r) => `${r.path.split('/').pop()} ${r.status}`);
}

describe('cxq plan against the second server', () => {
  it('finds no changes in a tenant seeded from the definitions (unknown fields, lists by id, 3 skill pages)', async () => {
    const r = await cxq('plan', '--detailed-exitcode');
    expect(r.stdout).toContain('No changes.');
    expect(r.code).toBe(0);
    expect(server.count('GET', '/api/v2/routing/skills')).toBe(3);
  });

  it('shows exactly the edited fields after the definitions change', async () => {
    edit('support/tier1.yaml', 'maxWaitTime: 300', 'maxWaitTime: 240');
    edit('vip.yaml', 'playMusic: false', 'playMusic: true\n  url: https://cdn.example.com/hold/vip.mp3');
    const r = await cxq('plan', '--detailed-exitcode');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('maxWaitTime: 300 → 240');
    expect(r.stdout).toContain('waitMusic.url: (unset) → "https://cdn.example.com/hold/vip.mp3"');
    expect(r.stdout).toContain('Plan: 2 to update, 6 unchanged, 0 unmanaged.');
    expect(puts()).toEqual([]);
  });
});

describe('cxq apply against the second server', () => {
  it('--dir: one PUT per changed queue, declared fields replaced, unknown fields kept, then no changes', async () => {
    edit('support/tier1.yaml', 'maxWaitTime: 300', 'maxWaitTime: 240');
    edit('vip.yaml', 'playMusic: false', 'playMusic: true\n  url: https://cdn.example.com/hold/vip.mp3');
    const before = server.tenant.truth(TIER1);
    const r = await cxq('apply', '--yes', '--dir', 'queues', '--report', 'r.json');
    expect(r.stderr).toContain('Degraded');
    expect(r.stdout).toContain('2 applied, 0 failed');
    expect(r.code).toBe(0);
    expect(puts().sort()).toEqual([`${TIER1} 200`, `${VIP} 200`]);
    const tier1 = server.tenant.truth(TIER1);
    expect(tier1).toMatchObject({ ...unknownFieldsFor('Support Tier 1'), maxWaitTime: 240, version: Number(before?.['version']) + 1 });
    expect({ ...tier1, maxWaitTime: 300 }).toMatchObject({ ...before, version: tier1?.['version'], dateModified: tier1?.['dateModified'], modifiedBy: tier1?.['modifiedBy'] });
    expect(server.tenant.truth(VIP)).toMatchObject(unknownFieldsFor('VIP Concierge'));
    // The unknown field nested in a declared object survives the change of its siblings.
    expect(server.tenant.truth(VIP)?.['waitMusic']).toEqual({ playMusic: true, url: 'https://cdn.example.com/hold/vip.mp3', volumePercent: 80 });
    expect(server.tenant.audit.filter((e) => e.user.id === 'contract-client').map((e) => e.resourceId).sort()).toEqual([TIER1, VIP]);
    const again = await cxq('plan', '--detailed-exitcode');
    expect(again.stdout).toContain('No changes.');
  });

  it('--plan: applies a saved plan with one PUT per changed queue', async () => {
    edit('billing/collections.yaml', 'maxWaitTime: 900', 'maxWaitTime: 600');
    expect((await cxq('plan', '--out', 'plan.json')).code).toBe(0);
    const r = await cxq('apply', '--plan', 'plan.json', '--report', 'r.json');
    expect(r.stdout).toContain('1 applied, 0 failed');
    expect(r.code).toBe(0);
    const id = server.tenant.idByName('Collections') ?? '';
    expect(puts()).toEqual([`${id} 200`]);
    expect(server.tenant.truth(id)).toMatchObject({ ...unknownFieldsFor('Collections'), maxWaitTime: 600 });
  });
});
