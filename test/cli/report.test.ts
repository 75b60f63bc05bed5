import { afterEach, describe, expect, it } from 'vitest';
import { routeCount, startInsightTenant, type InsightTenant } from '../insight/tenant.js';

const DATA = 'POST /api/v2/analytics/queues/data/query';
let t: InsightTenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('cxq report abandonment against the sandbox', () => {
  it('follows every page and sums what the platform reports, per queue and bucket', async () => {
    // 100 queues × 6 buckets = 600 rows: more than one 500-row page.
    t = await startInsightTenant(100);
    t.manage(t.ids);
    const r = await t.run(['report', 'abandonment', '--since', '7d', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(routeCount(t.sb, DATA)).toBeGreaterThanOrEqual(2);
    const out = JSON.parse(r.stdout);
    expect(out.since).toBe('now-7d');
    expect(out.queues).toHaveLength(100);
    // Cross-check against the details query over the same window: same offered and abandoned.
    const sample = out.queues[17];
    const direct = await fetchDetails(t, sample.id, 'now-7d');
    expect(sample.total.offered).toBe(direct.answeredCount + direct.abandonedCount);
    expect(sample.total.abandoned).toBe(direct.abandonedCount);
    expect(sample.buckets.map((b: { range: string }) => b.range)).toEqual(['0-30', '30-60', '60-120', '120-300', '300-600', '600+']);
    const sum = out.queues.reduce((s: number, q: { total: { offered: number } }) => s + q.total.offered, 0);
    expect(out.total.offered).toBe(sum);
  });

  it('csv and html formats', async () => {
    t = await startInsightTenant(3);
    t.manage(t.ids.slice(0, 2));
    const csv = await t.run(['report', 'abandonment', '--format', 'csv', '--since', '24h']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('queue_id,queue_name,wait_range,offered,answered,abandoned,abandonment_rate,average_wait');
    expect(lines).toHaveLength(1 + 2 * 7);
    const html = await t.run(['report', 'abandonment', '--format', 'html']);
    expect(html.stdout.match(/<svg /g)).toHaveLength(2);
    expect(html.stdout).not.toMatch(/https?:\/\/|<script|\bsrc=/);
  });

  it('a bad --since is exit 1 with the accepted forms named', async () => {
    t = await startInsightTenant(1);
    t.manage(t.ids);
    const r = await t.run(['report', 'abandonment', '--since', 'last week']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--since "last week" is not a duration or a date');
    expect(r.stderr).toContain('hint: Use --since 30m, 24h, 7d or an ISO date');
  });
});

/** The details row of one queue over `start`..now, asked of the sandbox directly. */
async function fetchDetails(t: InsightTenant, id: string, start: string): Promise<{ answeredCount: number; abandonedCount: number }> {
  const tok = await fetch(`${t.sb.baseUrl}/api/v2/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'sandbox', client_secret: 'sandbox', scope: 'analytics:queues:read' }).toString(),
  });
  const { access_token } = (await tok.json()) as { access_token: string };
  const res = await fetch(`${t.sb.baseUrl}/api/v2/analytics/queues/details/query`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dateRange: { startDate: start, endDate: 'now' }, selectors: [{ id, type: 'queue' }] }),
  });
  return ((await res.json()) as { metrics: { answeredCount: number; abandonedCount: number }[] }).metrics[0]!;
}
