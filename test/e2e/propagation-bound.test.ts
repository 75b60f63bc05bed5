import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, queueId, startTenant, type Tenant } from '../apply/tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('apply when written versions never become visible', () => {
  it('confirmation gives up (bounded, about 5 s): applied once each, reported not yet visible, exit 0', async () => {
    // A frozen sandbox clock: the propagation window never closes, reads stay on the old version.
    const frozen = new Date('2026-11-20T09:00:00.000Z');
    t = await startTenant(3, { propagationMs: 1000, now: () => frozen });
    t.declare(firstK(2, 600));
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.state.writeCount(queueId(0))).toBe(1);
    expect(t.sb.state.writeCount(queueId(1))).toBe(1);
    expect(r.stdout).toContain('not yet visible to readers (applied; propagation still pending): Queue 0, Queue 1');
    const report = JSON.parse(readFileSync(join(t.cwd, 'r.json'), 'utf8'));
    expect(report.summary).toEqual({ applied: 2, failed: 0, skipped: 0, noop: 1 });
    expect(report.entries.slice(0, 2).map((e: { confirmed: boolean }) => e.confirmed)).toEqual([false, false]);
    // One list read per round: 1 for the plan + 7 confirmation rounds, never one GET per queue.
    expect(t.sb.stats.byRoute['GET /api/v2/routing/queues/:id'] ?? 0).toBe(0);
  });
});
