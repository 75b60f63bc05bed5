import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/apply/progress.js';
import { askYesNo } from '../../src/apply/prompt.js';
import { findStale, staleMessage, tasksFromChanges } from '../../src/apply/tasks.js';
import type { EntryResult } from '../../src/apply/types.js';
import type { Queue } from '../../src/model/queue.js';
import { silentLogger } from '../../src/log.js';
import type { QueueChange } from '../../src/plan/types.js';
import { liveQueue } from './fake-api.js';

const change = (id: string, version: number, action: 'update' | 'noop' = 'update'): QueueChange => ({
  id,
  name: `Queue ${id}`,
  action,
  version,
  fields: [],
  patch: [],
  desired: { maxWaitTime: 600 },
});

describe('stale check of a saved plan', () => {
  const live = new Map<string, Queue>([['a', liveQueue('a', { version: 7 })], ['b', liveQueue('b', { version: 9 })], ['n', liveQueue('n', { version: 4 })]]);

  it('finds planned updates whose version moved or that vanished, not noops', () => {
    const stale = findStale([change('a', 7), change('b', 8), change('gone', 2), change('n', 1, 'noop')], live);
    expect(stale).toEqual([
      { id: 'b', name: 'Queue b', planned: 8, live: 9 },
      { id: 'gone', name: 'Queue gone', planned: 2, live: null },
    ]);
    expect(staleMessage(stale)).toBe(
      'Saved plan is stale: 2 planned queue(s) changed since it was made: Queue b (b) version 8 → 9, Queue gone (gone) deleted',
    );
  });

  it('lists at most 10 queues in the message', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, name: `Q${i}`, planned: 1, live: 2 }));
    expect(staleMessage(many)).toMatch(/Q9 \(q9\) version 1 → 2, and 2 more$/);
  });

  it('pairs each change with its live object', () => {
    const tasks = tasksFromChanges([change('a', 7)], live);
    expect(tasks[0]).toMatchObject({ id: 'a', action: 'update', version: 7, live: { id: 'a', version: 7 } });
  });
});

describe('askYesNo', () => {
  const ask = async (answer: string | null, signal?: AbortSignal) => {
    const input = new PassThrough();
    let out = '';
    const pending = askYesNo(input, { write: (s: string) => (out += s) }, 'Apply 2 changes? [y/N] ', signal);
    if (answer === null) input.end();
    else input.write(answer);
    return { yes: await pending, out };
  };

  it('accepts y and yes in any case', async () => {
    expect((await ask('y\n')).yes).toBe(true);
    expect((await ask('YES\n')).yes).toBe(true);
    expect((await ask('y\n')).out).toBe('Apply 2 changes? [y/N] ');
  });

  it('refuses anything else, an empty line, and end of input', async () => {
    expect((await ask('no\n')).yes).toBe(false);
    expect((await ask('yep\n')).yes).toBe(false);
    expect((await ask('\n')).yes).toBe(false);
    expect((await ask(null)).yes).toBe(false);
  });

  it('refuses when interrupted while waiting', async () => {
    const c = new AbortController();
    c.abort();
    expect((await ask('y\n', c.signal)).yes).toBe(false);
  });
});

describe('createProgress', () => {
  const entry = (outcome: EntryResult['outcome']): EntryResult => ({ id: 'i', name: 'N', outcome, fromVersion: 1, toVersion: 2, attempts: 1, fields: [] });

  it('draws a \\r line on a TTY with done/total, failures and rate', () => {
    let out = '';
    let now = 0;
    const p = createProgress({ write: (s: string) => (out += s), isTTY: true }, silentLogger(), 3, () => now);
    now = 1000;
    p.result(entry('applied'));
    now = 1050;
    p.result(entry('failed'));
    now = 2000;
    p.result(entry('applied'));
    p.finish();
    expect(out).toBe(
      '\rapply: 1/3 done, 0 failed, 1.0 queues/s ' +
        '\rapply: 3/3 done, 1 failed, 1.5 queues/s ' +
        '\rapply: 3/3 done, 1 failed, 1.5 queues/s \n',
    );
  });

  it('logs one info line per queue when not on a TTY', () => {
    const logger = silentLogger();
    const info = vi.spyOn(logger, 'info');
    let out = '';
    const p = createProgress({ write: (s: string) => (out += s) }, logger, 1);
    p.result(entry('applied'));
    p.finish();
    expect(out).toBe('');
    expect(info).toHaveBeenCalledWith({ id: 'i', name: 'N', outcome: 'applied', attempts: 1 }, 'apply: applied N');
  });
});
