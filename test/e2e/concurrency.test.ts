import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, onPutReceived, queueId, startTenant, type Tenant } from '../apply/tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function writeDir(cwd: string, dir: string, n: number, line: string): void {
  mkdirSync(join(cwd, dir), { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(cwd, dir, `q${i}.yaml`), `id: ${queueId(i)}\n${line}\n`);
}

const readReport = (t: Tenant, file: string) => JSON.parse(readFileSync(join(t.cwd, file), 'utf8'));

describe('apply against concurrent writers', () => {
  it('two applies at once on different fields of the same queues: both fields land, each report is true', async () => {
    t = await startTenant(6, { latencyMs: 10 });
    writeDir(t.cwd, 'a', 6, 'maxWaitTime: 900');
    writeDir(t.cwd, 'b', 6, 'description: from b');
    const [ra, rb] = await Promise.all([
      t.run(['apply', '--yes', '--force', '--dir', 'a', '--report', 'ra.json']),
      t.run(['apply', '--yes', '--force', '--dir', 'b', '--report', 'rb.json']),
    ]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    for (let i = 0; i < 6; i++) {
      const q = t.sb.state.getQueue(queueId(i))!;
      expect(q).toMatchObject({ maxWaitTime: 900, description: 'from b', mediaType: 'voice', version: 3 });
      expect(t.sb.state.writeCount(queueId(i))).toBe(2);
    }
    for (const file of ['ra.json', 'rb.json']) {
      const report = readReport(t, file);
      expect(report.summary).toEqual({ applied: 6, failed: 0, skipped: 0, noop: 0 });
      // Each entry describes the transition its own write made: versions chain, one field each.
      for (const e of report.entries) {
        expect(e.toVersion).toBe(e.fromVersion + 1);
        expect(e.fields).toHaveLength(1);
        expect(t.sb.state.auditEntries().some((a) => a.resourceId === e.id && a.changes.some((c) => `/${c.field}` === e.fields[0].path))).toBe(true);
      }
    }
  });

  it('a console edit of the SAME field between read and write: git wins, and the report says it overwrote a concurrent edit', async () => {
    t = await startTenant(3);
    t.declare(firstK(1, 600));
    onPutReceived(t.sb, (n) => {
      if (n === 1) t!.sb.state.editOutOfBand(queueId(0), { maxWaitTime: 450, description: 'console' });
    });
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))).toMatchObject({ maxWaitTime: 600, description: 'console', version: 3 });
    const report = readReport(t, 'r.json');
    expect(report.entries[0]).toMatchObject({
      outcome: 'applied',
      attempts: 2,
      conflicts: 1,
      fromVersion: 2,
      toVersion: 3,
      fields: [{ path: '/maxWaitTime', old: 450, new: 600 }],
    });
    expect(r.stdout).toContain(`  changed concurrently: Queue 0 (${queueId(0)}): re-read after 1 conflict(s); this run overwrote /maxWaitTime (450 → 600)`);
    const md = readFileSync(join(t.cwd, 'r.md'), 'utf8');
    expect(md).toContain('| applied | Queue 0 |');
    expect(md).toContain('2 (1 conflict)');
  });

  it('a console edit of another field between read and write: both survive, noted as a concurrent change', async () => {
    t = await startTenant(2);
    t.declare(firstK(1, 600));
    onPutReceived(t.sb, (n) => {
      if (n === 1) t!.sb.state.editOutOfBand(queueId(0), { routingStrategy: 'mostAvailableAgent' });
    });
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))).toMatchObject({ maxWaitTime: 600, routingStrategy: 'mostAvailableAgent' });
    expect(readReport(t, 'r.json').entries[0]).toMatchObject({ conflicts: 1, fields: [{ path: '/maxWaitTime', old: 300, new: 600 }] });
    expect(r.stdout).toContain(`  changed concurrently: Queue 0 (${queueId(0)}): re-read after 1 conflict(s); the other edit was kept`);
  });

  it('SIGINT while a queue is between a 409 and its re-write: no new PUT after the signal, the queue is skipped', async () => {
    t = await startTenant(3);
    t.declare(firstK(3, 600));
    const controller = new AbortController();
    onPutReceived(t.sb, (n) => {
      if (n !== 1) return;
      t!.sb.state.editOutOfBand(queueId(0), { description: 'console' });
      controller.abort();
    });
    const r = await t.run(['apply', '--yes', '--concurrency', '1', '--report', 'r.json'], { signal: controller.signal });
    expect(r.code).toBe(1);
    expect(t.sb.stats.puts).toBe(1);
    expect(t.sb.state.getQueue(queueId(0))).toMatchObject({ maxWaitTime: 300, description: 'console' });
    const report = readReport(t, 'r.json');
    expect(report).toMatchObject({ interrupted: true, summary: { applied: 0, failed: 0, skipped: 3, noop: 0 } });
    expect(report.entries[0]).toMatchObject({ outcome: 'skipped', attempts: 1 });
  });
});
