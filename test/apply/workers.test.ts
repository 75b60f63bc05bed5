import { describe, expect, it } from 'vitest';
import type { EntryResult, JournalEvent } from '../../src/apply/types.js';
import { runTasks, type WorkerOptions } from '../../src/apply/workers.js';
import { silentLogger } from '../../src/log.js';

const entry = (id: string): EntryResult => ({ id, name: id, outcome: 'applied', attempts: 1, fields: [] });

function options(journal: { append(e: JournalEvent): Promise<void> | void }, signal = new AbortController().signal): WorkerOptions {
  return { concurrency: 3, signal, journal, logger: silentLogger(), at: () => '2026-12-01T00:00:00.000Z' };
}

describe('runTasks', () => {
  it('keeps at most `concurrency` tasks in flight, takes them in order and journals every result', async () => {
    const events: JournalEvent[] = [];
    let inFlight = 0;
    let peak = 0;
    const order: string[] = [];
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const { started } = await runTasks(ids, options({ append: (e) => void events.push(e) }), async (id) => {
      order.push(id);
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return entry(id);
    });
    expect(started).toBe(7);
    expect(peak).toBe(3);
    expect(order).toEqual(ids);
    expect(events.map((e) => (e.type === 'result' ? e.id : e.type)).sort()).toEqual(ids);
  });

  it('starts no task after the signal; the ones in flight finish and are journaled', async () => {
    const controller = new AbortController();
    const events: JournalEvent[] = [];
    const ran: string[] = [];
    const { started } = await runTasks(['a', 'b', 'c', 'd', 'e'], { ...options({ append: (e) => void events.push(e) }, controller.signal), concurrency: 2 }, async (id) => {
      ran.push(id);
      if (id === 'b') controller.abort();
      await new Promise((r) => setImmediate(r));
      return entry(id);
    });
    expect(ran).toEqual(['a', 'b']);
    expect(started).toBe(2);
    expect(events).toHaveLength(2);
  });

  it('throws a journal failure only after the tasks in flight settled, and starts nothing after it', async () => {
    const failure = new Error('disk full');
    let settled = 0;
    const ran: string[] = [];
    const run = runTasks(['a', 'b', 'c', 'd'], { ...options({ append: () => Promise.reject(failure) }), concurrency: 2 }, async (id) => {
      ran.push(id);
      await new Promise((r) => setImmediate(r));
      settled++;
      return entry(id);
    });
    await expect(run).rejects.toBe(failure);
    expect(settled).toBe(ran.length);
    expect(ran.length).toBeLessThan(4);
  });
});
