/**
 * The read-only commands against the second server: drift after an out-of-band edit, the export
 * round trip, status (Degraded, optional metrics missing), report abandonment and audit over
 * several cursor pages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';
import { lacksOptionalMetrics } from './second-analytics.js';
import type { SecondServer } from './second-server.js';
import { addGeneratedDefinitions, startSeeded, tempRepo } from './seed.js';

const TIER1 = '3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11';
let repo: ReturnType<typeof tempRepo>;
let server: SecondServer;
let env: Record<string, string>;

async function start(generated = 0): Promise<void> {
  repo = tempRepo();
  addGeneratedDefinitions(repo.dir, generated);
  ({ server, env } = await startSeeded(repo.dir));
}
afterEach(async () => {
  await server.stop();
  repo.cleanup();
});

function cxq(...argv: string[]): ReturnType<typeof runCaptured> {
  return runCaptured(argv, { env, cwd: repo.cwd });
}

describe('drift and export', () => {
  beforeEach(() => start());

  it('drift reports an out-of-band edit with the audit entry of the person who made it', async () => {
    expect((await cxq('drift')).code).toBe(0);
    server.edit(TIER1, { maxWaitTime: 999 });
    server.tenant.settle();
    const r = await cxq('drift', '--format', 'json');
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as { inSync: boolean; summary: Record<string, number> };
    expect(report.inSync).toBe(false);
    expect(r.stdout).toContain('maxWaitTime');
    expect(r.stdout).toContain('jane.doe@example.com');
    expect(server.count('GET', '/api/v2/audit')).toBeGreaterThanOrEqual(3);
  });

  it('export → validate → plan finds no changes (unknown fields are not exported)', async () => {
    const out = await cxq('export', '--out-dir', 'exported');
    expect(out.stdout).toContain('Export: 8 created, 0 updated, 0 unchanged, 0 skipped');
    expect(out.code).toBe(0);
    expect((await cxq('validate', '--dir', 'exported')).code).toBe(0);
    const plan = await cxq('plan', '--dir', 'exported', '--detailed-exitcode');
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
  });
});

describe('status, report and audit', () => {
  it('status shows Degraded health and falls back where the optional metrics are missing', async () => {
    await start();
    const r = await cxq('status', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { health: { status: string }; queues: { id: string; method: string; metrics: Record<string, unknown> }[] };
    expect(report.health.status).toBe('Degraded');
    expect(report.queues).toHaveLength(8);
    const missing = report.queues.filter((q) => lacksOptionalMetrics(q.id));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.length).toBeLessThan(8);
    for (const q of report.queues) {
      expect(q.metrics['offeredCount'] === undefined).toBe(lacksOptionalMetrics(q.id));
      if (lacksOptionalMetrics(q.id)) expect(q.method).toBe('occupancy-rule');
      else expect(q.method).not.toBe('occupancy-rule');
    }
  });

  it('report abandonment follows every cursor page of 120 queues in two selector batches', async () => {
    await start(112);
    const r = await cxq('report', 'abandonment', '--format', 'json');
    expect(r.code).toBe(0);
    expect(server.count('POST', '/api/v2/analytics/queues/data/query?cursor=')).toBeGreaterThanOrEqual(1);
    expect(server.count('POST', '/api/v2/analytics/queues/data/query')).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toContain('Generated 112');
  });

  it('audit reads every page and joins the cxq write with its apply report', async () => {
    await start();
    server.edit(TIER1, { maxWaitTime: 999 });
    server.tenant.settle();
    const apply = await cxq('apply', '--yes', '--dir', 'queues', '--report', 'cxq-reports/apply-1.json');
    expect(apply.code).toBe(0);
    const r = await cxq('audit', '--format', 'json');
    expect(r.code).toBe(0);
    expect(server.count('GET', '/api/v2/audit?cursor=')).toBeGreaterThanOrEqual(2);
    const result = JSON.parse(r.stdout) as { entries: { queueId: string; madeBy: string; version: number | null; applyReport: unknown }[] };
    const tier1 = result.entries.filter((e) => e.queueId === TIER1);
    const last = tier1.at(-1);
    expect(last).toMatchObject({ madeBy: 'cxq', version: server.tenant.truth(TIER1)?.['version'] });
    expect(last?.applyReport).not.toBeNull();
    expect(result.entries.every((e) => e.version === null || e.version >= 1)).toBe(true);
  });
});
