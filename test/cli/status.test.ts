import { afterEach, describe, expect, it } from 'vitest';
import { routeCount, startInsightTenant, type InsightTenant } from '../insight/tenant.js';

const DETAILS = 'POST /api/v2/analytics/queues/details/query';
let t: InsightTenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('cxq status against the sandbox', () => {
  it('prints health then one prediction per managed queue, in the JSON contract shape', async () => {
    t = await startInsightTenant(8);
    t.manage(t.ids.slice(0, 5));
    const r = await t.run(['status', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['health', 'queues']);
    expect(out.health).toEqual({ status: 'Healthy', components: expect.any(Array) });
    expect(out.queues).toHaveLength(5);
    for (const q of out.queues) {
      expect(Object.keys(q)).toEqual(['id', 'name', 'metrics', 'predictedServiceLevel', 'predictedAsa', 'breachPredicted', 'confidence', 'method']);
      expect(t.ids.slice(0, 5)).toContain(q.id);
      expect(q.metrics).toHaveProperty('occupancy');
      expect(['erlang-a', 'erlang-c', 'occupancy-rule']).toContain(q.method);
    }
    expect(routeCount(t.sb, 'GET /api/v2/health')).toBe(1);
    expect(routeCount(t.sb, DETAILS)).toBe(1);
  });

  it('--fail-on-breach exits 2 when a breach is predicted, 0 otherwise; --id narrows', async () => {
    t = await startInsightTenant(60);
    t.manage(t.ids);
    const all = JSON.parse((await t.run(['status', '--format', 'json'])).stdout);
    const breach = all.queues.find((q: { breachPredicted: boolean }) => q.breachPredicted);
    const fine = all.queues.find((q: { breachPredicted: boolean; method: string }) => !q.breachPredicted && q.method.startsWith('erlang'));
    expect(breach).toBeDefined();
    expect(fine).toBeDefined();
    expect((await t.run(['status', '--fail-on-breach'])).code).toBe(2);
    expect((await t.run(['status'])).code).toBe(0);
    const one = await t.run(['status', '--fail-on-breach', '--id', breach.id, '--format', 'json']);
    expect(one.code).toBe(2);
    expect(JSON.parse(one.stdout).queues.map((q: { id: string }) => q.id)).toEqual([breach.id]);
    expect((await t.run(['status', '--fail-on-breach', '--id', fine.id])).code).toBe(0);
    // The same queue passes once the target is lowered below its predicted service level.
    expect(breach.predictedServiceLevel).toBeGreaterThan(0.03); // so the target stays above the 1% floor
    const target = String(Math.floor(breach.predictedServiceLevel * 100) - 1);
    expect((await t.run(['status', '--fail-on-breach', '--id', breach.id, '--target', target])).code).toBe(0);
    expect((await t.run(['status', '--fail-on-breach', '--id', breach.id, '--target', `${target}%`])).code).toBe(0);
  });

  it('1,000 managed queues take at most 10 analytics queries', async () => {
    t = await startInsightTenant(1000);
    t.manage(t.ids);
    const r = await t.run(['status', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).queues).toHaveLength(1000);
    expect(routeCount(t.sb, DETAILS)).toBe(10); // ≤ 100 selectors per query: 10 is the floor
  });

  it('text output: a table, no colour without a TTY, colour with one', async () => {
    t = await startInsightTenant(3);
    t.manage(t.ids);
    const plain = await t.run(['status']);
    expect(plain.stdout).toMatch(/^Platform health: Healthy/);
    expect(plain.stdout).toContain('QUEUE');
    expect(plain.stdout).not.toContain('\u001b[');
    expect((await t.run(['status'], { tty: true })).stdout).toContain('\u001b[');
  });

  it('bad flags fail with exit 1 and a message, before any request', async () => {
    t = await startInsightTenant(1);
    t.manage(t.ids);
    const before = t.sb.stats.requests;
    const fraction = await t.run(['status', '--target', '0.9']);
    expect(fraction.code).toBe(1);
    expect(fraction.stderr).toContain('--target "0.9" is a percentage, not a fraction: did you mean 90%?');
    expect(fraction.stdout).toBe('');
    expect(t.sb.stats.requests).toBe(before);
    const sla = await t.run(['status', '--sla', '0']);
    expect(sla.code).toBe(1);
    expect(sla.stderr).toContain('--sla "0" must be a number of seconds > 0');
    const fmt = await t.run(['status', '--format', 'yaml']);
    expect(fmt.code).toBe(1);
    const id = await t.run(['status', '--id', 'nope']);
    expect(id.code).toBe(1);
    expect(id.stderr).toContain('--id nope: not a queue managed by the definitions in queues');
    expect(t.sb.stats.byRoute[DETAILS]).toBeUndefined();
  });

  it('an API refusal (token without health:read) is exit 1 with the server\'s message', async () => {
    t = await startInsightTenant(2, { grantScopes: ['routing:queues:read', 'analytics:queues:read'] });
    t.manage(t.ids);
    const r = await t.run(['status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: .*403/);
    expect(r.stdout).toBe('');
  });
});
