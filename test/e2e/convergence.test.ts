import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, queueId, startTenant, type Tenant } from '../apply/tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const readReport = (t: Tenant, file: string) => JSON.parse(readFileSync(join(t.cwd, file), 'utf8'));

describe('apply converges', () => {
  it('apply twice: the second run sends no PUT and reports every queue unchanged; plan then shows no changes', async () => {
    t = await startTenant(5);
    t.declare(firstK(3, 600));
    expect((await t.run(['apply', '--yes', '--report', 'r1.json'])).code).toBe(0);
    const putsAfterFirst = t.sb.stats.puts;
    expect(putsAfterFirst).toBe(3);
    const second = await t.run(['apply', '--yes', '--report', 'r2.json']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes.');
    expect(t.sb.stats.puts).toBe(putsAfterFirst);
    expect(readReport(t, 'r2.json').summary).toEqual({ applied: 0, failed: 0, skipped: 0, noop: 5 });
    const plan = await t.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');
  });

  it('reads lagging 300 ms behind writes: one write per queue, confirmed, and the next plan is clean', async () => {
    t = await startTenant(6, { propagationMs: 300 });
    t.declare(firstK(6, 600));
    const r = await t.run(['apply', '--yes', '--force', '--report', 'r.json']);
    expect(r.code).toBe(0);
    for (let i = 0; i < 6; i++) expect(t.sb.state.writeCount(queueId(i))).toBe(1);
    const report = readReport(t, 'r.json');
    expect(report.entries.map((e: { confirmed: boolean }) => e.confirmed)).toEqual(Array(6).fill(true));
    const plan = await t.run(['plan', '--detailed-exitcode']);
    expect(plan.code).toBe(0);
  });
});
