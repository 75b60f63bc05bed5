import { describe, expect, it } from 'vitest';
import type { Health, QueueMetrics } from '../../src/model/tenant.js';
import { renderStatus } from '../../src/insight/render/status.js';
import { anyBreach, buildStatus } from '../../src/insight/status.js';

const health: Health = { status: 'Healthy', components: [{ name: 'routing', status: 'Healthy' }] };
const queues = [
  { id: 'q2', name: 'Support | Tier 2' },
  { id: 'q1', name: 'Billing' },
  { id: 'q3', name: 'Quiet' },
];
const rows: QueueMetrics[] = [
  { queue: { id: 'q1' }, occupancy: 0.71, waitTime: 4, abandonedCount: 0, answeredCount: 10, offeredCount: 10, handleTime: 180, agentsOnQueue: 14 },
  { queue: { id: 'q2' }, occupancy: 0.99, waitTime: 95, abandonedCount: 0, answeredCount: 16, offeredCount: 16, handleTime: 180, agentsOnQueue: 14 },
];
const ctx = { slaSeconds: 20, target: 0.8, color: false };
const report = buildStatus(health, queues, rows, { slaSeconds: 20, target: 0.8, windowSeconds: 180 });

describe('buildStatus', () => {
  it('has the contract shape and key order, queues by name, metrics without `queue`', () => {
    expect(Object.keys(report)).toEqual(['health', 'queues']);
    expect(report.queues.map((q) => q.id)).toEqual(['q1', 'q3', 'q2']);
    expect(Object.keys(report.queues[0]!)).toEqual([
      'id', 'name', 'metrics', 'predictedServiceLevel', 'predictedAsa', 'breachPredicted', 'confidence', 'method',
    ]);
    expect(report.queues[0]!.metrics).toEqual({ occupancy: 0.71, waitTime: 4, abandonedCount: 0, answeredCount: 10, offeredCount: 10, handleTime: 180, agentsOnQueue: 14 });
    expect(report.queues[1]).toMatchObject({ metrics: {}, method: 'no-data', breachPredicted: false });
    expect(report.queues[2]).toMatchObject({ predictedServiceLevel: 0, predictedAsa: null, breachPredicted: true });
    expect(anyBreach(report)).toBe(true);
    expect(anyBreach(buildStatus(health, queues.slice(1, 2), rows, {}))).toBe(false);
  });
});

describe('status formats', () => {
  it('text: aligned table, no colour codes unless asked', () => {
    expect(renderStatus(report, 'text', ctx)).toMatchInlineSnapshot(`
      "Platform health: Healthy (routing Healthy)

      QUEUE             ID  AGENTS  OFFERED  OCC    WAIT  SL     ASA   BREACH  CONF  METHOD
      Billing           q1  14      10       71.0%  4s    88.8%  7.8s  no      0.63  erlang-c
      Quiet             q3  -       -        -      -     -      -     no      0.00  no-data
      Support | Tier 2  q2  14      16       99.0%  95s   0.0%   inf   yes     0.68  erlang-c

      3 queue(s), 1 breach(es) predicted (target 80.0% answered within 20s)
      "
    `);
    expect(renderStatus(report, 'text', ctx)).not.toContain('\u001b[');
  });
  it('text with colour: breach red, others green, padding unchanged', () => {
    const out = renderStatus(report, 'text', { ...ctx, color: true });
    expect(out).toContain('\u001b[31myes   \u001b[39m');
    expect(out).toContain('\u001b[32mno    \u001b[39m');
    expect(out.replace(/\u001b\[\d+m/g, '')).toBe(renderStatus(report, 'text', ctx));
  });
  it('markdown: pipes in names escaped, breach in bold', () => {
    const out = renderStatus(report, 'markdown', ctx);
    expect(out).toContain('| Support \\| Tier 2 | q2 |');
    expect(out).toContain('| **yes** |');
    expect(out.startsWith('## Queue status\n\nPlatform health: Healthy (routing Healthy)\n')).toBe(true);
  });
  it('json parses back to the report', () => {
    expect(JSON.parse(renderStatus(report, 'json', ctx))).toEqual(report);
  });
  it('html: self-contained, escaped, breach marked', () => {
    const out = renderStatus(buildStatus(health, [{ id: 'x', name: '<b>&' }], [], {}), 'html', ctx);
    expect(out).toContain('<td>&lt;b&gt;&amp;</td>');
    expect(out).not.toMatch(/<script|https?:\/\/|\bsrc=|<link/);
    expect(renderStatus(report, 'html', ctx)).toContain('<td class="breach">yes</td>');
  });
  it('html: legend for the abbreviations, generation time and tenant, breaching row highlighted, ids nowrap', () => {
    const out = renderStatus(report, 'html', { ...ctx, generatedAt: '2026-12-01T08:00:00.000Z', tenant: 'acme.cxone.example' });
    const legend = out.slice(out.indexOf('<section class="legend">'));
    for (const k of ['OCC', 'SL', 'ASA', 'CONF', 'METHOD']) expect(legend).toMatch(new RegExp(`<dt>${k}</dt><dd>[^<]{10,}</dd>`));
    expect(out).toContain('Tenant <strong>acme.cxone.example</strong>');
    expect(out).toContain('<time datetime="2026-12-01T08:00:00.000Z">2026-12-01 08:00:00 UTC</time>');
    const rowsOut = out.match(/<tr[^>]*>.*<\/tr>/g)!.slice(1);
    expect(rowsOut.map((r) => r.startsWith('<tr class="breach-row">'))).toEqual([false, false, true]);
    expect(rowsOut[2]).toContain('<td class="id">q2</td>');
    expect(out).toMatch(/td\.id\{white-space:nowrap/);
    expect(out).toMatch(/tr\.breach-row td\{background:/);
  });
  it('empty: says so', () => {
    expect(renderStatus(buildStatus(health, [], [], {}), 'text', ctx)).toContain('No managed queues.');
  });
});

describe('status names with control or invisible characters', () => {
  it('are escaped in text, so nothing reaches the terminal raw', () => {
    const odd = buildStatus(health, [{ id: 'q9', name: 'Evil\u001b[2J\u200b' }], [], {});
    const out = renderStatus(odd, 'text', ctx);
    expect(out).toContain('Evil\\u001b[2J\\u200b');
    expect(out).not.toContain('\u001b');
  });
});
