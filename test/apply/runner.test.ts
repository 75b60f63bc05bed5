import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/apply/report.js';
import { runApply, type RunOptions } from '../../src/apply/runner.js';
import type { ApplyTask, EntryResult, JournalEvent } from '../../src/apply/types.js';
import { silentLogger } from '../../src/log.js';
import { diffQueue } from '../../src/plan/diff.js';
import type { DesiredFields } from '../../src/plan/types.js';
import { FakeApi, liveQueue, taskFor } from './fake-api.js';

const desired: DesiredFields = { maxWaitTime: 900 };

function setup(n: number, options: Partial<RunOptions> = {}) {
  const api = new FakeApi(Array.from({ length: n }, (_, i) => liveQueue(`q${i}`, { name: `Queue ${i}` })));
  const events: JournalEvent[] = [];
  const results: EntryResult[] = [];
  const tasks: ApplyTask[] = [...api.queues.values()].map((live) => taskFor(live, desired));
  const run = (signal = new AbortController().signal) =>
    runApply(tasks, {
      api,
      mode: 'dir',
      diff: diffQueue,
      journal: { append: (e) => void events.push(e) },
      logger: silentLogger(),
      signal,
      meta: { baseUrl: api.baseUrl, clientId: api.clientId, gitCommit: 'abc123', planChecksum: null },
      sleep: async () => undefined,
      propagationDelays: [0, 0],
      progress: { result: (e) => void results.push(e), finish: () => undefined },
      ...options,
    });
  return { api, events, results, tasks, run };
}

describe('runApply', () => {
  it('keeps at most --concurrency writes in flight and writes every queue once', async () => {
    const { api, run, events } = setup(20, { concurrency: 3 });
    api.putDelayTurns = 3;
    await run();
    expect(api.maxInFlight).toBe(3);
    expect([...api.writes.values()]).toEqual(Array(20).fill(1));
    const report = buildReport(events);
    expect(report.summary).toEqual({ applied: 20, failed: 0, skipped: 0, noop: 0 });
    expect(report.entries.every((e) => e.confirmed === true)).toBe(true);
  });

  it('journals start, attempt before each PUT, result, confirm, end in that order', async () => {
    const { run, events } = setup(1);
    await run();
    expect(events.map((e) => e.type)).toEqual(['start', 'attempt', 'result', 'confirm', 'end']);
    expect(events[1]).toMatchObject({ id: 'q0', attempt: 1, version: 7, reason: 'initial' });
  });

  it('does not stop on a failed queue (400) and reports its errors[]', async () => {
    const { api, run, events } = setup(5, { concurrency: 2 });
    const errors = [{ field: 'maxWaitTime', message: 'must be between 10 and 7200' }];
    api.script('q1', { status: 400, code: 'bad.request', errors });
    await run();
    const report = buildReport(events);
    expect(report.summary).toEqual({ applied: 4, failed: 1, skipped: 0, noop: 0 });
    expect(report.entries[1]).toMatchObject({ id: 'q1', outcome: 'failed', error: { status: 400, errors } });
    expect(api.writes.size).toBe(4);
  });

  it('on abort starts no new write, lets in-flight ones finish, leaves the rest skipped', async () => {
    const controller = new AbortController();
    const { api, run, events } = setup(10, {
      concurrency: 2,
      progress: {
        result: () => controller.abort(),
        finish: () => undefined,
      },
    });
    api.putDelayTurns = 2;
    const { interrupted } = await run(controller.signal);
    expect(interrupted).toBe(true);
    const report = buildReport(events);
    expect(report.interrupted).toBe(true);
    expect(report.summary.applied).toBe(2);
    expect(report.summary.skipped).toBe(8);
    expect(api.puts).toHaveLength(2);
    expect(events.some((e) => e.type === 'confirm')).toBe(false);
    expect(events[events.length - 1]).toMatchObject({ type: 'end', interrupted: true });
  });

  it('marks a write whose version never becomes visible as unconfirmed instead of hanging', async () => {
    const { api, run, events } = setup(2);
    const list = api.listQueues.bind(api);
    api.listQueues = async () => (await list()).map((q) => (q.id === 'q1' ? { ...q, version: 7 } : q));
    await run();
    const report = buildReport(events);
    expect(report.entries.map((e) => e.confirmed)).toEqual([true, false]);
    expect(api.lists).toBe(3);
  });

  it('stops starting writes when the journal cannot be written, and throws', async () => {
    let calls = 0;
    const { api, run } = setup(5, {
      concurrency: 1,
      journal: {
        append: (e) => {
          if (e.type === 'attempt' && ++calls === 2) throw new Error('disk full');
        },
      },
    });
    await expect(run()).rejects.toThrow('disk full');
    expect(api.puts).toHaveLength(1);
  });

  it('does not run planned noops but reports them', async () => {
    const { tasks, api, events } = setup(3);
    tasks[0]!.action = 'noop';
    await runApply(tasks, {
      api,
      mode: 'dir',
      diff: diffQueue,
      journal: { append: (e) => void events.push(e) },
      logger: silentLogger(),
      signal: new AbortController().signal,
      meta: { baseUrl: api.baseUrl, clientId: api.clientId, gitCommit: null, planChecksum: null },
      sleep: async () => undefined,
    });
    expect(buildReport(events).summary).toEqual({ applied: 2, failed: 0, skipped: 0, noop: 1 });
    expect(api.puts.map((p) => p.id)).toEqual(['q1', 'q2']);
  });
});
