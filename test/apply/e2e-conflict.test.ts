import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, onPutReceived, queueId, startTenant, type Tenant } from './tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ourWrites = (t: Tenant, id: string) => t.sb.state.auditEntries().filter((a) => a.resourceId === id && a.user.id === 'sandbox').length;

describe('cxq apply: concurrent edits', () => {
  it('a console edit of an undeclared field between plan and write survives, and ours lands too', async () => {
    t = await startTenant(5);
    t.declare(firstK(2, 600));
    let edited = false;
    onPutReceived(t.sb, () => {
      if (edited) return;
      edited = true;
      t!.sb.state.editOutOfBand(queueId(0), { description: 'edited in the console' });
      t!.sb.state.editOutOfBand(queueId(1), { description: 'also edited' });
    });
    const r = await t.run(['apply', '--yes', '--concurrency', '1', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))).toMatchObject({ description: 'edited in the console', maxWaitTime: 600, mediaType: 'voice' });
    expect(t.sb.state.getQueue(queueId(1))).toMatchObject({ description: 'also edited', maxWaitTime: 600 });
    expect(ourWrites(t, queueId(0))).toBe(1);
    expect(ourWrites(t, queueId(1))).toBe(1);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.entries[0]).toMatchObject({ outcome: 'applied', attempts: 2, fromVersion: 2, toVersion: 3 });
  });

  it('a console edit that already set our value makes the queue a no-op, nothing written', async () => {
    t = await startTenant(3);
    t.declare({ 0: 600 });
    onPutReceived(t.sb, (n) => {
      if (n === 1) t!.sb.state.editOutOfBand(queueId(0), { maxWaitTime: 600 });
    });
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(ourWrites(t, queueId(0))).toBe(0);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.summary).toEqual({ applied: 0, failed: 0, skipped: 0, noop: 3 });
  });
});

describe('cxq apply --plan', () => {
  it('applies a reviewed saved plan and records its checksum', async () => {
    t = await startTenant(3);
    t.declare({ 0: 600 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const saved = JSON.parse(readFileSync(`${t.cwd}/plan.json`, 'utf8'));
    const r = await t.run(['apply', '--plan', 'plan.json', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.planChecksum).toBe(saved.checksum);
    expect(report.summary.applied).toBe(1);
  });

  it('refuses a stale plan before any write, naming the queue', async () => {
    t = await startTenant(3);
    t.declare({ 0: 600, 1: 700 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    t.sb.state.editOutOfBand(queueId(1), { description: 'changed after review' });
    const r = await t.run(['apply', '--plan', 'plan.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Saved plan is stale: 1 planned queue(s) changed since it was made: Queue 1');
    expect(r.stderr).toContain('version 1 → 2');
    expect(r.stderr).toContain('cxq plan --out');
    expect(t.sb.stats.puts).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(300);
  });

  it('fails a queue that conflicts mid-run as stale, without retrying it', async () => {
    t = await startTenant(3);
    t.declare({ 0: 600, 1: 700 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    onPutReceived(t.sb, (n) => {
      if (n === 1) t!.sb.state.editOutOfBand(queueId(0), { description: 'raced' });
    });
    const r = await t.run(['apply', '--plan', 'plan.json', '--concurrency', '1', '--report', 'r.json']);
    expect(r.code).toBe(1);
    expect(t.sb.stats.puts).toBe(2);
    expect(t.sb.state.getQueue(queueId(0))).toMatchObject({ maxWaitTime: 300, description: 'raced' });
    expect(t.sb.state.getQueue(queueId(1))!.maxWaitTime).toBe(700);
    const report = JSON.parse(readFileSync(`${t.cwd}/r.json`, 'utf8'));
    expect(report.entries[0]).toMatchObject({ outcome: 'failed', attempts: 1, error: { status: 409, code: 'conflict' } });
  });

  it('checks the plan against --dir: the definitions it names, not the default queues/', async () => {
    t = await startTenant(3);
    t.declare({ 0: 600 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    renameSync(join(t.cwd, 'queues'), join(t.cwd, 'merged'));
    const missing = await t.run(['apply', '--plan', 'plan.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('definitions directory queues does not exist');
    const r = await t.run(['apply', '--plan', 'plan.json', '--dir', 'merged', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
  });
});
