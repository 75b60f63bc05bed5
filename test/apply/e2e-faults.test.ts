import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, onPutReceived, queueId, startTenant, type Tenant } from './tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function expectWrittenOnce(t: Tenant, changed: number, total: number): void {
  for (let i = 0; i < total; i++) {
    const q = t.sb.state.getQueue(queueId(i))!;
    expect(q.maxWaitTime).toBe(i < changed ? 600 : 300);
    expect(t.sb.state.writeCount(queueId(i))).toBe(i < changed ? 1 : 0);
    expect(q['mediaType']).toBe('voice');
  }
}

describe('cxq apply under faults', () => {
  it('20% 503s plus lost PUT answers: every changed queue written exactly once', async () => {
    t = await startTenant(16, { seed: 7 });
    t.declare(firstK(12, 600));
    t.sb.setFaults({ faultRate: 0.2, lostResponseRate: 0.3 });
    const r = await t.run(['apply', '--yes', '--force', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.stats.lostResponses).toBeGreaterThan(0);
    expect(t.sb.stats.byStatus[503] ?? 0).toBeGreaterThan(0);
    expectWrittenOnce(t, 12, 16);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.summary).toEqual({ applied: 12, failed: 0, skipped: 0, noop: 4 });
  });

  it('lost answers while reads lag: re-reads and confirmation wait it out, still written once', async () => {
    t = await startTenant(6, { seed: 11, propagationMs: 150 });
    t.declare(firstK(6, 600));
    t.sb.setFaults({ lostResponseRate: 0.5 });
    const r = await t.run(['apply', '--yes', '--force', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.stats.lostResponses).toBeGreaterThan(0);
    expectWrittenOnce(t, 6, 6);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.summary.applied).toBe(6);
    expect(report.entries.every((e: { confirmed: boolean }) => e.confirmed === true)).toBe(true);
  });

  it('a 429 storm: paced and retried, every queue written once', async () => {
    t = await startTenant(12, { rateLimit: 8 });
    t.declare(firstK(12, 600));
    const r = await t.run(['apply', '--yes', '--force']);
    expect(r.code).toBe(0);
    expectWrittenOnce(t, 12, 12);
  });

  it('token expiry mid-run: refreshed once, nothing lost or doubled', async () => {
    t = await startTenant(6);
    t.declare(firstK(6, 600));
    onPutReceived(t.sb, (n) => {
      if (n === 3) t!.sb.expireTokens();
    });
    const r = await t.run(['apply', '--yes', '--force', '--concurrency', '1']);
    expect(r.code).toBe(0);
    expect(t.sb.stats.tokenRequests).toBe(2);
    expectWrittenOnce(t, 6, 6);
  });

  it('one queue rejected with 400: the others applied, exit 1, the server errors[] reported', async () => {
    t = await startTenant(4);
    t.declare({ 0: 600, 1: 600, 2: 600 }, { names: { 1: 'Queue 3' }, omit: [3] });
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(1);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
    expect(t.sb.state.getQueue(queueId(2))!.maxWaitTime).toBe(600);
    expect(t.sb.state.getQueue(queueId(1))).toMatchObject({ name: 'Queue 1', maxWaitTime: 300 });
    expect(r.stdout).toContain('failed: Queue 1 (00000000-0000-4000-8000-000000000001): HTTP 400 bad.request');
    expect(r.stdout).toMatch(/name: must be unique/);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.summary).toEqual({ applied: 2, failed: 1, skipped: 0, noop: 0 });
    expect(report.entries.find((e: { id: string }) => e.id === queueId(1))).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      error: { status: 400, code: 'bad.request', errors: [{ field: 'name' }] },
    });
  });
});
