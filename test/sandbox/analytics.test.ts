import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT_TIME_RANGES } from '../../src/model/tenant.js';
import { apportion, erlangC } from '../../src/sandbox/metrics.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { call, getToken } from './helpers.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

const DETAILS = '/api/v2/analytics/queues/details/query';
const DATA = '/api/v2/analytics/queues/data/query';
const sel = (id: string) => ({ id, type: 'queue' });

describe('sandbox analytics details', () => {
  let sb: SandboxHandle;
  let token: string;
  let ids: string[];
  beforeAll(async () => {
    sb = await startSandbox({ queues: 100 });
    token = await getToken(sb);
    ids = sb.state.listQueues().map((q) => q.id);
  });
  afterAll(() => sb.close());

  const query = (selectors: unknown[], dateRange = { startDate: 'now-5m', endDate: 'now' }) =>
    call(sb, token, 'POST', DETAILS, {
      body: { dateRange, groupBy: ['queue'], metrics: ['occupancy', 'waitTime', 'abandonedCount', 'answeredCount'], selectors },
    });

  it('echoes the selectors and omits unknown queue ids', async () => {
    const selectors = [sel(ids[0]!), sel('no-such-queue'), sel(ids[1]!)];
    const r = await query(selectors);
    expect(r.status).toBe(200);
    expect(r.body.selectors).toEqual(selectors);
    expect(r.body.metrics.map((m: { queue: { id: string } }) => m.queue.id)).toEqual([ids[0], ids[1]]);
  });

  it('answers 100 selectors and refuses 101 with a 400 naming selectors', async () => {
    expect((await query(ids.slice(0, 100).map(sel))).body.metrics).toHaveLength(100);
    const r = await query([...ids.slice(0, 100), 'x'].map(sel));
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'selectors', message: expect.stringContaining('100') }]);
  });

  it('gives mutually consistent numbers; some queues omit the optional four', async () => {
    const windowSeconds = 3600;
    const r = await query(ids.map(sel), { startDate: 'now-1h', endDate: 'now' });
    const full = r.body.metrics.filter((m: Record<string, unknown>) => 'offeredCount' in m);
    const sparse = r.body.metrics.filter((m: Record<string, unknown>) => !('offeredCount' in m));
    expect(full.length).toBeGreaterThan(50);
    expect(sparse.length).toBeGreaterThan(5);
    for (const m of sparse) {
      expect(Object.keys(m).sort()).toEqual(['abandonedCount', 'answeredCount', 'occupancy', 'queue', 'waitTime']);
    }
    for (const m of full) {
      expect(m.answeredCount + m.abandonedCount).toBe(m.offeredCount);
      expect(m.occupancy).toBeGreaterThanOrEqual(0);
      expect(m.occupancy).toBeLessThan(1);
      expect(m.occupancy).toBeCloseTo((m.offeredCount * m.handleTime) / (windowSeconds * m.agentsOnQueue), 3);
      expect(Number.isInteger(m.waitTime) && m.waitTime >= 0).toBe(true);
    }
    const byLoad = [...full].sort((a, b) => a.occupancy - b.occupancy);
    const low = byLoad.slice(0, 10).reduce((s, m) => s + m.waitTime, 0);
    const high = byLoad.slice(-10).reduce((s, m) => s + m.waitTime, 0);
    expect(high).toBeGreaterThan(low);
  });

  it('is deterministic and scales offered contacts with the window', async () => {
    const a = await query([sel(ids[3]!)], { startDate: 'now-1h', endDate: 'now' });
    const b = await query([sel(ids[3]!)], { startDate: '2026-11-20T08:00:00Z', endDate: '2026-11-20T09:00:00Z' });
    expect(b.body.metrics).toEqual(a.body.metrics);
    const day = await query([sel(ids[3]!)], { startDate: 'now-1d', endDate: 'now' });
    const sum = (m: { answeredCount: number; abandonedCount: number }) => m.answeredCount + m.abandonedCount;
    expect(sum(day.body.metrics[0])).toBeGreaterThan(sum(a.body.metrics[0]) * 20);
  });

  it('refuses a malformed dateRange', async () => {
    const r = await query([sel(ids[0]!)], { startDate: 'yesterday', endDate: 'now' });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'dateRange.startDate', message: expect.any(String) }]);
    const reversed = await query([sel(ids[0]!)], { startDate: 'now', endDate: 'now-1h' });
    expect(reversed.body.errors[0].field).toBe('dateRange');
  });
});

describe('sandbox analytics distribution', () => {
  let sb: SandboxHandle;
  let token: string;
  let ids: string[];
  beforeAll(async () => {
    sb = await startSandbox({ queues: 12 });
    token = await getToken(sb);
    ids = sb.state.listQueues().map((q) => q.id);
  });
  afterAll(() => sb.close());

  const body = (pageSize?: number) => ({
    dateRange: { startDate: 'now-7d', endDate: 'now' },
    groupBy: ['waitTimeRange', 'queue'],
    metrics: ['abandonedCount', 'waitTime'],
    selectors: ids.map(sel),
    ...(pageSize === undefined ? {} : { pageSize }),
  });

  it('pages six buckets per queue, next pages by POST nextUri with an empty body', async () => {
    const first = await call(sb, token, 'POST', DATA, { body: body() });
    expect(first.status).toBe(200);
    expect(first.body.results).toHaveLength(50);
    expect(first.body.nextUri).toMatch(/^\/api\/v2\/analytics\/queues\/data\/query\?cursor=[A-Za-z0-9_-]+$/);
    const second = await call(sb, token, 'POST', first.body.nextUri);
    expect(second.status).toBe(200);
    expect(second.body.results).toHaveLength(22);
    expect(second.body.nextUri).toBeNull();
    const rows = [...first.body.results, ...second.body.results];
    expect(rows.slice(0, 6).map((r: { waitTimeRange: string }) => r.waitTimeRange)).toEqual([...WAIT_TIME_RANGES]);
    expect(new Set(rows.map((r: { queue: { id: string } }) => r.queue.id))).toEqual(new Set(ids));
  });

  it('sums each queue\'s buckets to its answered and abandoned counts for the same window', async () => {
    const rows = (await call(sb, token, 'POST', DATA, { body: body(500) })).body.results;
    const details = await call(sb, token, 'POST', DETAILS, {
      body: { dateRange: { startDate: 'now-7d', endDate: 'now' }, selectors: ids.map(sel) },
    });
    for (const m of details.body.metrics) {
      const mine = rows.filter((r: { queue: { id: string } }) => r.queue.id === m.queue.id);
      expect(mine.reduce((s: number, r: { answeredCount: number }) => s + r.answeredCount, 0)).toBe(m.answeredCount);
      expect(mine.reduce((s: number, r: { abandonedCount: number }) => s + r.abandonedCount, 0)).toBe(m.abandonedCount);
    }
  });

  it('accepts pageSize 1 and 500, refuses 0 and 501, and a forged cursor', async () => {
    expect((await call(sb, token, 'POST', DATA, { body: body(1) })).body.results).toHaveLength(1);
    for (const bad of [0, 501]) {
      const r = await call(sb, token, 'POST', DATA, { body: body(bad) });
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ field: 'pageSize', message: 'must be an integer from 1 to 500' }]);
    }
    expect((await call(sb, token, 'POST', `${DATA}?cursor=bm9wZQ`)).body.errors[0].field).toBe('cursor');
  });
});

describe('sandbox analytics distribution agrees with maxWaitTime', () => {
  const LOWER: Record<string, number> = { '0-30': 0, '30-60': 30, '60-120': 60, '120-300': 120, '300-600': 300, '600+': 600 };

  it('no contact waits beyond a queue\'s maxWaitTime: later buckets are empty, no mean exceeds it', async () => {
    const sb = await startSandbox({ seedDir: 'queues', cwd: REPO, queues: 30 });
    try {
      const token = await getToken(sb);
      const queues = sb.state.listQueues();
      const billing = queues.find((q) => q.name === 'Billing')!;
      expect(billing.maxWaitTime).toBe(420);
      const r = await call(sb, token, 'POST', DATA, {
        body: { dateRange: { startDate: 'now-7d', endDate: 'now' }, selectors: queues.map((q) => sel(q.id)), pageSize: 500 },
      });
      const rows = r.body.results as { queue: { id: string }; waitTimeRange: string; answeredCount: number; abandonedCount: number; waitTime: number }[];
      const bill = rows.filter((x) => x.queue.id === billing.id);
      expect(bill.find((x) => x.waitTimeRange === '600+')).toMatchObject({ answeredCount: 0, abandonedCount: 0, waitTime: 0 });
      expect(bill.find((x) => x.waitTimeRange === '300-600')!.answeredCount).toBeGreaterThan(0);
      let checked = 0;
      for (const q of queues) {
        for (const row of rows.filter((x) => x.queue.id === q.id)) {
          expect(row.waitTime).toBeLessThanOrEqual(q.maxWaitTime!);
          if (LOWER[row.waitTimeRange]! >= q.maxWaitTime!) {
            expect(row.answeredCount + row.abandonedCount).toBe(0);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(10);
    } finally {
      await sb.close();
    }
  });
});

describe('metrics helpers', () => {
  it('erlangC matches a textbook value and apportion sums exactly', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 6);
    expect(erlangC(10, 0)).toBe(0);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 0])).toEqual([0, 0]);
  });
});
