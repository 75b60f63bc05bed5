import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/model/tenant.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { parseTimeExpr } from '../../src/sandbox/time.js';
import { call, getToken, put } from './helpers.js';

describe('sandbox audit', () => {
  let sb: SandboxHandle;
  let token: string;
  let ids: string[];
  let t = Date.parse('2026-11-20T09:00:00Z');
  beforeAll(async () => {
    sb = await startSandbox({ queues: 3, now: () => new Date(t) });
    token = await getToken(sb);
    ids = sb.state.listQueues().map((q) => q.id);
    for (let i = 0; i < 7; i++) {
      const q = sb.state.getQueue(ids[i % 3]!)!;
      expect((await put(sb, token, { ...q, maxWaitTime: 100 + i })).status).toBe(200);
      t += 60_000;
    }
    sb.state.editOutOfBand(ids[0]!, { description: 'console edit' });
  });
  afterAll(() => sb.close());

  async function all(first: string): Promise<{ entries: AuditEntry[]; pages: number }> {
    const entries: AuditEntry[] = [];
    let uri: string | null = first;
    let pages = 0;
    while (uri) {
      const r = await call(sb, token, 'GET', uri);
      expect(r.status).toBe(200);
      entries.push(...r.body.results);
      uri = r.body.nextUri;
      pages += 1;
    }
    return { entries, pages };
  }

  it('records one entry per successful write and pages oldest first with a GET cursor', async () => {
    const { entries, pages } = await all('/api/v2/audit?resourceType=Queue&action=Update&pageSize=3');
    expect(pages).toBe(3);
    expect(entries).toHaveLength(8);
    expect(entries.map((e) => e.id)).toEqual(sb.state.auditEntries().map((e) => e.id));
    expect(entries[0]).toMatchObject({
      action: 'Update',
      resourceType: 'Queue',
      resourceId: ids[0],
      user: { id: 'sandbox' },
      changes: [{ field: 'maxWaitTime', newValue: 100 }],
    });
    expect(entries[7]!.changes).toEqual([{ field: 'description', oldValue: expect.any(String), newValue: 'console edit' }]);
  });

  it('filters by resourceId and by a time window in ISO and relative forms', async () => {
    const mine = await all(`/api/v2/audit?resourceId=${ids[1]}`);
    expect(mine.entries.map((e) => e.changes[0]!.newValue)).toEqual([101, 104]);
    const recent = await all('/api/v2/audit?startTime=now-2m&endTime=now');
    expect(recent.entries).toHaveLength(3);
    const iso = await all('/api/v2/audit?startTime=2026-11-20T09:00:00Z&endTime=2026-11-20T09:01:00Z');
    expect(iso.entries).toHaveLength(2);
    expect((await all('/api/v2/audit?action=Delete')).entries).toEqual([]);
  });

  it('refuses a bad time or pageSize with a 400 naming the parameter', async () => {
    const r = await call(sb, token, 'GET', '/api/v2/audit?startTime=last-week&pageSize=501');
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['pageSize', 'startTime']);
  });
});

describe('parseTimeExpr', () => {
  const now = new Date('2026-11-20T09:00:00Z');
  it.each([
    ['now', '2026-11-20T09:00:00.000Z'],
    ['now-15m', '2026-11-20T08:45:00.000Z'],
    ['now-2h', '2026-11-20T07:00:00.000Z'],
    ['now-7d', '2026-11-13T09:00:00.000Z'],
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T01:00:00+01:00', '2026-11-01T00:00:00.000Z'],
  ])('%s', (expr, iso) => {
    expect(parseTimeExpr(expr, now)?.toISOString()).toBe(iso);
  });
  it.each(['now-5s', 'now+1h', 'yesterday', '2026-13-01', ''])('refuses %j', (expr) => {
    expect(parseTimeExpr(expr, now)).toBeUndefined();
  });
});
