import { describe, expect, it } from 'vitest';
import { checkPlatformHealth } from '../../src/apply/health.js';
import { reconcileQueue, type ReconcileDeps } from '../../src/apply/reconcile.js';
import { buildReport } from '../../src/apply/report.js';
import { checkChangeThreshold } from '../../src/apply/safety.js';
import type { ApplyTask, JournalEvent } from '../../src/apply/types.js';
import type { Health } from '../../src/model/tenant.js';
import { ApiError, CredentialsError, NetworkError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { diffQueue } from '../../src/plan/diff.js';
import { FakeApi, liveQueue } from './fake-api.js';

// Found by the adversarial review of the write path; each test failed before its fix.

describe('report of a journal that holds several runs (same --report twice)', () => {
  const field = { path: '/maxWaitTime', old: 300, new: 600 };
  const run1: JournalEvent[] = [
    { type: 'start', at: '2026-11-20T09:00:00.000Z', command: 'apply', mode: 'dir', baseUrl: 'u', clientId: 'c', gitCommit: null, planChecksum: null,
      queues: [{ id: 'a', name: 'A', action: 'update', version: 1, fields: [field] }, { id: 'b', name: 'B', action: 'noop', version: 1, fields: [] }] },
    { type: 'attempt', at: '2026-11-20T09:00:01.000Z', id: 'a', attempt: 1, version: 1, reason: 'initial' },
    { type: 'result', at: '2026-11-20T09:00:02.000Z', id: 'a', name: 'A', outcome: 'applied', fromVersion: 1, toVersion: 2, attempts: 1, fields: [field] },
    { type: 'end', at: '2026-11-20T09:00:03.000Z', interrupted: false },
  ];
  const run2: JournalEvent[] = [
    { type: 'start', at: '2026-11-20T10:00:00.000Z', command: 'apply', mode: 'dir', baseUrl: 'u', clientId: 'c', gitCommit: null, planChecksum: null,
      queues: [{ id: 'a', name: 'A', action: 'noop', version: 2, fields: [] }, { id: 'b', name: 'B', action: 'update', version: 1, fields: [field] }] },
    { type: 'attempt', at: '2026-11-20T10:00:01.000Z', id: 'b', attempt: 1, version: 1, reason: 'initial' },
  ];

  it('describes the last run only: its sent-but-unanswered write is outcome.unknown, not a noop', () => {
    const r = buildReport([...run1, ...run2]);
    expect(r).toMatchObject({ startedAt: '2026-11-20T10:00:00.000Z', recovered: true, summary: { applied: 0, failed: 1, skipped: 0, noop: 1 } });
    expect(r.entries[1]).toMatchObject({ id: 'b', outcome: 'failed', error: { code: 'outcome.unknown' } });
  });
});

describe('checkChangeThreshold with non-integer limits', () => {
  it('passes exactly the limit even where binary floats round it down (69 of 3000 at 2.3%)', () => {
    expect(checkChangeThreshold({ managed: 3000, update: 69 }, { maxChangePercent: 2.3 })).toEqual({ ok: true });
    expect(checkChangeThreshold({ managed: 2500, update: 57 }, { maxChangePercent: 2.28 })).toEqual({ ok: true });
    expect(checkChangeThreshold({ managed: 3000, update: 70 }, { maxChangePercent: 2.3 }).ok).toBe(false);
  });

  it('12.5%: 2 of 16 passes, 3 of 16 refuses', () => {
    expect(checkChangeThreshold({ managed: 16, update: 2 }, { maxChangePercent: 12.5 }).ok).toBe(true);
    expect(checkChangeThreshold({ managed: 16, update: 3 }, { maxChangePercent: 12.5 })).toMatchObject({ ok: false, message: expect.stringContaining('(18.8% > 12.5%)') });
  });

  it('never prints a percentage that looks within the limit (3001 of 10000 is 30.01%, not 30%)', () => {
    const r = checkChangeThreshold({ managed: 10000, update: 3001 });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('refusing to update 3001 of 10000 managed queues (30.01% > 30%)') });
  });

  it('0% refuses any update of 10 managed queues; 100% refuses none', () => {
    expect(checkChangeThreshold({ managed: 10, update: 1 }, { maxChangePercent: 0 }).ok).toBe(false);
    expect(checkChangeThreshold({ managed: 10, update: 10 }, { maxChangePercent: 100 }).ok).toBe(true);
  });
});

describe('checkPlatformHealth', () => {
  const api = (h: () => Promise<Health>) => ({ health: h });
  const forbidden = new ApiError(403, 'missing.scope', 'token lacks scope health:read', 'GET', '/api/v2/health');
  const down = new ApiError(503, 'server.error', 'unavailable', 'GET', '/api/v2/health');

  it('passes the status through checkHealth', async () => {
    expect(await checkPlatformHealth(api(async () => ({ status: 'Healthy', components: [] })), false)).toEqual({ ok: true });
    expect((await checkPlatformHealth(api(async () => ({ status: 'Unhealthy', components: [] })), false)).ok).toBe(false);
  });

  it('a token without health:read (403) refuses unless --force, naming the scope', async () => {
    const r = await checkPlatformHealth(api(() => Promise.reject(forbidden)), false);
    expect(r).toEqual({
      ok: false,
      message: 'refusing to apply: cannot check the CXone platform health (HTTP 403 missing.scope: token lacks scope health:read); grant the API client the health:read scope, or re-run with --force to apply without the health check',
    });
    expect(await checkPlatformHealth(api(() => Promise.reject(forbidden)), true)).toEqual({
      ok: true,
      warning: 'could not check the CXone platform health (HTTP 403 missing.scope: token lacks scope health:read); applying anyway because of --force',
    });
  });

  it('a health endpoint still failing with 5xx after the retries refuses unless --force', async () => {
    const r = await checkPlatformHealth(api(() => Promise.reject(down)), false);
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('the CXone health check failed (HTTP 503 server.error: unavailable)') });
    expect(r).toMatchObject({ message: expect.stringContaining('--force') });
    expect((await checkPlatformHealth(api(() => Promise.reject(down)), true)).ok).toBe(true);
  });

  it('credential and network failures are not health verdicts: they propagate', async () => {
    const cred = new CredentialsError(401, 'unauthorized', 'bad secret', 'GET', '/api/v2/health');
    await expect(checkPlatformHealth(api(() => Promise.reject(cred)), true)).rejects.toBe(cred);
    const net = new NetworkError('GET', '/api/v2/health', 'ECONNREFUSED');
    await expect(checkPlatformHealth(api(() => Promise.reject(net)), true)).rejects.toBe(net);
  });
});

describe('reconcileQueue: a lost answer whose re-read fails', () => {
  it('is reported as outcome.unknown (the write may have landed), not as a plain read failure', async () => {
    const api = new FakeApi([liveQueue('q1')]);
    api.script('q1', 'lost');
    api.getQueue = () => Promise.reject(new ApiError(503, 'server.error', 'still down', 'GET', '/api/v2/routing/queues/q1'));
    const live = api.queues.get('q1')!;
    const desired = { maxWaitTime: 600 };
    const task: ApplyTask = { id: 'q1', name: 'Q1', action: 'update', version: 7, fields: diffQueue(live, desired).fields, desired, live: structuredClone(live) };
    const deps: ReconcileDeps = { api, mode: 'dir', diff: diffQueue, sleep: async () => undefined, logger: silentLogger(), readDelays: [0], onAttempt: () => undefined };
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 1, error: { status: 0, code: 'outcome.unknown' } });
    expect(r.error!.message).toContain('re-read failed: HTTP 503 server.error: still down');
    expect(api.puts).toHaveLength(1);
  });
});

describe('reconcileQueue after SIGINT/SIGTERM', () => {
  function setup(aborted: AbortController) {
    const api = new FakeApi([liveQueue('q1')]);
    const live = api.queues.get('q1')!;
    const desired = { maxWaitTime: 600 };
    const task: ApplyTask = { id: 'q1', name: 'Q1', action: 'update', version: 7, fields: diffQueue(live, desired).fields, desired, live: structuredClone(live) };
    const deps: ReconcileDeps = {
      api, mode: 'dir', diff: diffQueue, sleep: async () => undefined, logger: silentLogger(), readDelays: [0], signal: aborted.signal,
      onAttempt: () => undefined,
    };
    return { api, task, deps };
  }

  it('a lost answer that must be re-sent is not re-sent: outcome.unknown, one PUT', async () => {
    const c = new AbortController();
    const { api, task, deps } = setup(c);
    api.script('q1', 'lost-unsent');
    const put = api.putQueue.bind(api);
    api.putQueue = (q, v) => put(q, v).finally(() => c.abort());
    const r = await reconcileQueue(task, deps);
    expect(api.puts).toHaveLength(1);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 1, error: { code: 'outcome.unknown' } });
    expect(r.error!.message).toContain('interrupted before the lost answer of the write could be settled');
  });

  it('a 409 is not followed by a re-write: skipped, with the conflict counted', async () => {
    const c = new AbortController();
    const { api, task, deps } = setup(c);
    api.script('q1', { edit: { description: 'colleague' } });
    const put = api.putQueue.bind(api);
    api.putQueue = (q, v) => put(q, v).finally(() => c.abort());
    const r = await reconcileQueue(task, deps);
    expect(api.puts).toHaveLength(1);
    expect(r).toMatchObject({ outcome: 'skipped', attempts: 1, conflicts: 1, fromVersion: 8, toVersion: 8 });
    expect(r.error).toBeUndefined();
  });

  it('the first PUT of a queue already started is still sent (it was in flight when asked)', async () => {
    const c = new AbortController();
    c.abort();
    const { api, task, deps } = setup(c);
    expect(await reconcileQueue(task, deps)).toMatchObject({ outcome: 'applied', attempts: 1 });
    expect(api.puts).toHaveLength(1);
  });
});
