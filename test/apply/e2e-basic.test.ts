import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, queueId, startTenant, type Tenant } from './tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

function report(t: Tenant, file = 'r.json') {
  return JSON.parse(readFileSync(`${t.cwd}/${file}`, 'utf8'));
}

describe('cxq apply against the sandbox', () => {
  it('applies the changes, keeps unknown fields, writes the report, and a second run is a no-op', async () => {
    t = await startTenant(5);
    t.declare(firstK(2, 600));
    const first = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const i of [0, 1]) {
      expect(t.sb.state.getQueue(queueId(i))).toMatchObject({ maxWaitTime: 600, version: 2, mediaType: 'voice' });
      expect(t.sb.state.writeCount(queueId(i))).toBe(1);
    }
    expect(t.sb.state.writeCount(queueId(2))).toBe(0);
    const r = report(t);
    expect(r).toMatchObject({ formatVersion: 1, command: 'apply', clientId: 'sandbox', baseUrl: t.sb.baseUrl, summary: { applied: 2, failed: 0, skipped: 0, noop: 3 } });
    expect(r.entries[0]).toMatchObject({ id: queueId(0), outcome: 'applied', fromVersion: 1, toVersion: 2, attempts: 1, fields: [{ path: '/maxWaitTime', old: 300, new: 600 }] });
    expect(first.stdout).toContain('Apply finished: 2 applied, 0 failed, 0 skipped, 3 unchanged.');

    const putsBefore = t.sb.stats.puts;
    const second = await t.run(['apply', '--yes', '--report', 'r2.json']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes.');
    expect(t.sb.stats.puts).toBe(putsBefore);
    expect(report(t, 'r2.json').summary).toEqual({ applied: 0, failed: 0, skipped: 0, noop: 5 });
  });
});
