import { describe, expect, it } from 'vitest';
import type { DistributionRow } from '../../src/model/tenant.js';
import { aggregateAbandonment } from '../../src/insight/abandonment.js';
import { renderAbandonment } from '../../src/insight/render/abandonment.js';
import { histogramSvg } from '../../src/insight/render/abandonment-html.js';

const queues = [
  { id: 'q2', name: 'Billing, "EU"' },
  { id: 'q1', name: 'Alpha' },
];
const rows: DistributionRow[] = [
  { queue: { id: 'q1' }, waitTimeRange: '0-30', abandonedCount: 1, answeredCount: 9, waitTime: 10 },
  // The same bucket split over two pages is summed, wait weighted by contacts.
  { queue: { id: 'q1' }, waitTimeRange: '0-30', abandonedCount: 1, answeredCount: 29, waitTime: 20 },
  { queue: { id: 'q1' }, waitTimeRange: '120-300', abandonedCount: 6, answeredCount: 4, waitTime: 200 },
  { queue: { id: 'q2' }, waitTimeRange: '600+', abandonedCount: 2, answeredCount: 0, waitTime: 700 },
  { queue: { id: 'other' }, waitTimeRange: '0-30', abandonedCount: 99, answeredCount: 1, waitTime: 1 },
];

describe('aggregateAbandonment', () => {
  const report = aggregateAbandonment(rows, queues, 'now-7d');
  it('sums per queue and bucket, every contract bucket present and in order', () => {
    const alpha = report.queues[0]!;
    expect(alpha.id).toBe('q1');
    expect(alpha.buckets.map((b) => b.range)).toEqual(['0-30', '30-60', '60-120', '120-300', '300-600', '600+']);
    expect(alpha.buckets[0]).toEqual({ range: '0-30', offered: 40, answered: 38, abandoned: 2, abandonmentRate: 0.05, averageWait: 17.5 });
    expect(alpha.buckets[1]).toEqual({ range: '30-60', offered: 0, answered: 0, abandoned: 0, abandonmentRate: null, averageWait: null });
    expect(alpha.total).toMatchObject({ range: 'all', offered: 50, abandoned: 8, abandonmentRate: 0.16 });
  });
  it('ignores rows of unmanaged queues and totals over managed ones', () => {
    expect(report.total).toMatchObject({ offered: 52, abandoned: 10, abandonmentRate: 0.1923 });
  });
  it('a queue with no rows appears with zero buckets', () => {
    const empty = aggregateAbandonment([], [{ id: 'x', name: 'X' }], 'now-1d');
    expect(empty.queues[0]!.total).toEqual({ range: 'all', offered: 0, answered: 0, abandoned: 0, abandonmentRate: null, averageWait: null });
  });
  it('keeps an unknown bucket the server sent, after the contract ones', () => {
    const r = aggregateAbandonment([{ queue: { id: 'q1' }, waitTimeRange: '9999+' as never, abandonedCount: 1, answeredCount: 1, waitTime: 1 }], queues, 's');
    expect(r.queues[0]!.buckets.at(-1)!.range).toBe('9999+');
  });
});

describe('abandonment formats', () => {
  const one = aggregateAbandonment(rows.slice(0, 3), [{ id: 'q1', name: 'Alpha' }], 'now-7d');
  it('csv: header, RFC 4180 quoting, CRLF', () => {
    const out = renderAbandonment(aggregateAbandonment(rows, queues, 'now-7d'), 'csv');
    const lines = out.split('\r\n');
    expect(lines[0]).toBe('queue_id,queue_name,wait_range,offered,answered,abandoned,abandonment_rate,average_wait');
    expect(lines[1]).toBe('q1,Alpha,0-30,40,38,2,0.05,17.5');
    expect(out).toContain('q2,"Billing, ""EU""",600+,2,0,2,1,700\r\n');
    expect(lines.length).toBe(2 * 7 + 2);
  });
  it('text', () => {
    expect(renderAbandonment(one, 'text')).toMatchInlineSnapshot(`
      "Wait-time and abandonment distribution since now-7d

      Alpha (q1)
      WAIT (s)  OFFERED  ANSWERED  ABANDONED  RATE   AVG WAIT
      0-30      40       38        2          5.0%   17.5s     ##############################
      30-60     0        0         0          -      -
      60-120    0        0         0          -      -
      120-300   10       4         6          60.0%  200.0s    ########
      300-600   0        0         0          -      -
      600+      0        0         0          -      -
      all       50       42        8          16.0%  54.0s

      1 queue(s): 50 offered, 8 abandoned (16.0%)
      "
    `);
  });
  it('json is the report itself', () => {
    expect(JSON.parse(renderAbandonment(one, 'json'))).toEqual(one);
  });
  it('html: self-contained page with one inline SVG histogram per queue, names escaped', () => {
    const out = renderAbandonment(aggregateAbandonment(rows, [...queues, { id: 'q3', name: '<script>x</script>' }], 'now-7d'), 'html');
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(out.match(/<svg /g)).toHaveLength(3);
    expect(out).not.toMatch(/<script|https?:\/\/|\bsrc=|<link/);
    expect(out).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(out).toContain('<title>0-30 s: 38 answered, 2 abandoned (5.0%)</title>');
  });
  it('html: an overview across queues comes before the per-queue detail', () => {
    const out = renderAbandonment(aggregateAbandonment(rows, queues, 'now-7d'), 'html');
    const overview = out.indexOf('<section class="overview">');
    expect(overview).toBeGreaterThan(0);
    expect(overview).toBeLessThan(out.indexOf('<section class="queue"'));
    const table = out.slice(overview, out.indexOf('</section>', overview));
    expect(table.match(/<tr><td><a href="#q-\d+">/g)).toHaveLength(queues.length);
    expect(table).toContain('<tr class="total"><td>all queues</td>');
    expect(table.match(/<div class="dist">/g)!.length).toBeGreaterThan(0);
  });
  it('html: a log scale on which a bucket of 1 next to one of 10,000 is visible and labelled', () => {
    const big = [
      { queue: { id: 'q1' }, waitTimeRange: '0-30', answeredCount: 10_000, abandonedCount: 0, waitTime: 3 },
      { queue: { id: 'q1' }, waitTimeRange: '300-600', answeredCount: 1, abandonedCount: 0, waitTime: 400 },
    ] as DistributionRow[];
    const svg = histogramSvg(aggregateAbandonment(big, [{ id: 'q1', name: 'A' }], 'now-7d').queues[0]!);
    expect(svg).toContain('contacts (log scale)');
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)" fill="#4c78a8"\/><text [^>]*>(\d+)<\/text>/g)].map((m) => [Number(m[1]), m[2]]);
    const one = heights.find(([, n]) => n === '1')!;
    const most = heights.find(([, n]) => n === '10000')!;
    expect(one[0]).toBeGreaterThan(10);
    expect(Number(most[0]) / Number(one[0])).toBeLessThan(20);
    for (const t of ['1', '10', '100', '1,000', '10,000']) expect(svg).toContain(`>${t}</text>`);
  });
});
