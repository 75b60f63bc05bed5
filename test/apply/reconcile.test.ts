import { describe, expect, it } from 'vitest';
import { MAX_CONFLICT_ROUNDS, reconcileQueue, type ReconcileDeps } from '../../src/apply/reconcile.js';
import type { ApplyMode } from '../../src/apply/types.js';
import { silentLogger } from '../../src/log.js';
import { diffQueue } from '../../src/plan/diff.js';
import type { DesiredFields } from '../../src/plan/types.js';
import { editOnFirstRead, FakeApi, liveQueue, taskFor } from './fake-api.js';

const desired: DesiredFields = { maxWaitTime: 600, routingStrategy: 'mostAvailableAgent' };

function setup(mode: ApplyMode = 'dir') {
  const api = new FakeApi([liveQueue('q1')]);
  const attempts: { attempt: number; version: number; reason: string }[] = [];
  const deps: ReconcileDeps = {
    api,
    mode,
    diff: diffQueue,
    sleep: async () => undefined,
    logger: silentLogger(),
    readDelays: [0, 0, 0],
    onAttempt: (a) => void attempts.push({ attempt: a.attempt, version: a.version, reason: a.reason }),
  };
  const live = api.queues.get('q1')!;
  const task = taskFor(live, desired);
  return { api, deps, task, attempts };
}

describe('reconcileQueue: the write', () => {
  it('PUTs the merged object with the live version and reports what changed', async () => {
    const { api, deps, task, attempts } = setup();
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 7, toVersion: 8, attempts: 1 });
    expect(r.fields).toEqual([
      { path: '/routingStrategy', old: 'longestIdleAgent', new: 'mostAvailableAgent' },
      { path: '/maxWaitTime', old: 300, new: 600 },
    ]);
    expect(api.puts[0]).toMatchObject({ version: 7, body: { outboundEmail: 'queue@example.com', maxWaitTime: 600 } });
    expect(api.queues.get('q1')!['outboundEmail']).toBe('queue@example.com');
    expect(attempts).toEqual([{ attempt: 1, version: 7, reason: 'initial' }]);
  });
});

describe('reconcileQueue: 409 from --dir', () => {
  it('re-reads, merges into the fresh object, and keeps the colleague edit', async () => {
    const { api, deps, task, attempts } = setup();
    api.script('q1', { edit: { description: 'edited in the UI' } });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 8, toVersion: 9, attempts: 2 });
    const final = api.queues.get('q1')!;
    expect(final).toMatchObject({ description: 'edited in the UI', maxWaitTime: 600, routingStrategy: 'mostAvailableAgent' });
    expect(api.writes.get('q1')).toBe(1);
    expect(attempts.map((a) => a.reason)).toEqual(['initial', 'conflict']);
  });

  it('writes nothing when the fresh object already holds the desired values', async () => {
    const { api, deps, task } = setup();
    api.script('q1', { edit: { maxWaitTime: 600, routingStrategy: 'mostAvailableAgent' } });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'noop', fromVersion: 8, toVersion: 8, attempts: 1, fields: [] });
    expect(api.writes.get('q1')).toBeUndefined();
  });

  it('waits out a lagging read after a 409 instead of burning a round', async () => {
    const { api, deps, task } = setup();
    api.script('q1', { edit: { description: 'x' } });
    api.lagReads('q1', 2);
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', attempts: 2, toVersion: 9 });
  });

  it(`fails with a 409 after ${MAX_CONFLICT_ROUNDS} rounds (${MAX_CONFLICT_ROUNDS + 1} PUTs)`, async () => {
    const { api, deps, task } = setup();
    const edit = { edit: { description: 'busy' } };
    api.script('q1', edit, edit, edit, edit);
    const r = await reconcileQueue(task, deps);
    expect(r.outcome).toBe('failed');
    expect(r.attempts).toBe(MAX_CONFLICT_ROUNDS + 1);
    expect(r.error).toMatchObject({ status: 409, code: 'conflict' });
    expect(r.error!.message).toContain(`after ${MAX_CONFLICT_ROUNDS} re-reads`);
    expect(api.writes.get('q1')).toBeUndefined();
  });

  it('succeeds on the last allowed round', async () => {
    const { api, deps, task } = setup();
    const edit = { edit: { description: 'busy' } };
    api.script('q1', edit, edit, edit);
    expect(await reconcileQueue(task, deps)).toMatchObject({ outcome: 'applied', attempts: 4 });
  });
});

describe('reconcileQueue: --plan', () => {
  it('fails a 409 as stale at once, no re-read, no retry', async () => {
    const { api, deps, task } = setup('plan');
    api.script('q1', { edit: { description: 'edited' } });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 1, error: { status: 409, code: 'conflict' } });
    expect(r.error!.message).toContain('stale');
    expect(api.puts).toHaveLength(1);
    expect(api.gets).toBe(0);
  });
});

describe('reconcileQueue: other failures', () => {
  it('records a 400 with the server errors[] and does not retry', async () => {
    const { api, deps, task } = setup();
    const errors = [{ field: 'maxWaitTime', message: 'must be between 10 and 7200' }];
    api.script('q1', { status: 400, code: 'bad.request', message: 'validation failed', errors });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 1, error: { status: 400, code: 'bad.request', message: 'validation failed', errors } });
    expect(r.fields).toEqual(task.fields);
    expect(api.puts).toHaveLength(1);
  });

  it('records a 404 when the re-read after a 409 finds the queue gone', async () => {
    const { api, deps, task } = setup();
    api.script('q1', { edit: {} });
    const origGet = api.getQueue.bind(api);
    api.getQueue = async (id) => {
      api.queues.delete(id);
      return origGet(id);
    };
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', error: { status: 404, code: 'not.found' } });
  });
});

describe('reconcileQueue: unknown outcome (each branch of the decision table)', () => {
  it('landed (version + 1, desired values): applied, written once, no re-send', async () => {
    const { api, deps, task } = setup();
    api.script('q1', 'lost');
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 7, toVersion: 8, attempts: 1 });
    expect(api.writes.get('q1')).toBe(1);
    expect(api.puts).toHaveLength(1);
  });

  it('not landed (version unchanged): re-sent once with the same If-Match', async () => {
    const { api, deps, task, attempts } = setup();
    api.script('q1', 'lost-unsent');
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 7, toVersion: 8, attempts: 2 });
    expect(attempts).toEqual([
      { attempt: 1, version: 7, reason: 'initial' },
      { attempt: 2, version: 7, reason: 'unknown-outcome' },
    ]);
    expect(api.writes.get('q1')).toBe(1);
  });

  it('landed but the read lags: the re-send 409s and the write is still counted once', async () => {
    const { api, deps, task } = setup();
    api.script('q1', 'lost');
    api.lagReads('q1', 1);
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 7, toVersion: 8, attempts: 2 });
    expect(api.writes.get('q1')).toBe(1);
  });

  it('lost twice: failed as outcome unknown, never a third PUT', async () => {
    const { api, deps, task } = setup();
    api.script('q1', 'lost-unsent', 'lost-unsent');
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 2, error: { code: 'outcome.unknown' } });
    expect(api.puts).toHaveLength(2);
  });

  it('someone else wrote our values meanwhile: noop', async () => {
    const { api, deps, task } = setup();
    api.script('q1', 'lost-unsent');
    editOnFirstRead(api, { maxWaitTime: 600, routingStrategy: 'mostAvailableAgent' }, { description: 'later' });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'noop', toVersion: 9, fields: [] });
    expect(api.writes.get('q1')).toBeUndefined();
  });

  it('someone else changed the queue (--dir): re-planned on it, both edits kept', async () => {
    const { api, deps, task } = setup();
    api.script('q1', 'lost-unsent');
    editOnFirstRead(api, { description: 'colleague' });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 8, toVersion: 9, attempts: 2 });
    expect(api.queues.get('q1')).toMatchObject({ description: 'colleague', maxWaitTime: 600 });
  });

  it('someone else changed the queue (--plan): failed as stale', async () => {
    const { api, deps, task } = setup('plan');
    api.script('q1', 'lost-unsent');
    const origGet = api.getQueue.bind(api);
    api.getQueue = async (id) => {
      if (api.queues.get(id)!.version === 7) api.edit(id, { description: 'colleague' });
      return origGet(id);
    };
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 1, error: { status: 409 } });
    expect(api.puts).toHaveLength(1);
  });
});

describe('reconcileQueue: a 2xx that does not prove the write (issue 12 §3)', () => {
  it('landed, but the answer shows another version: applied only from the fresh read, the doubt recorded', async () => {
    const { api, deps, task } = setup();
    const put = api.putQueue.bind(api);
    api.putQueue = async (q, v) => ({ ...(await put(q, v)), version: v - 1 });
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'applied', fromVersion: 7, toVersion: 8, attempts: 1 });
    expect(r.unprovenAnswer).toBe('the PUT was answered 2xx but the answer showed version 6, not 8 (one above the version sent)');
    expect(api.gets).toBe(1);
    expect(api.writes.get('q1')).toBe(1);
  });

  it('nothing written, the answer the unchanged queue: one re-send with the same If-Match, then outcome unknown', async () => {
    const { api, deps, task, attempts } = setup();
    api.putQueue = async (q) => structuredClone(api.queues.get(q.id)!);
    const r = await reconcileQueue(task, deps);
    expect(r).toMatchObject({ outcome: 'failed', attempts: 2, error: { status: 0, code: 'outcome.unknown' } });
    expect(r.error!.message).toContain('the answer showed version 7, not 8');
    expect(attempts.map((a) => a.version)).toEqual([7, 7]);
    expect(r.unprovenAnswer).toBeDefined();
  });
});
