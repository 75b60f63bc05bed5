import { describe, expect, it } from 'vitest';
import { inFlightLimit, Limiter } from '../../src/transport/limiter.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Limiter', () => {
  it('runs at most `limit` tasks at once, the rest in arrival order', async () => {
    const limiter = new Limiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) => limiter.run(async () => { started.push(i); await g.promise; return i; }));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.running).toBe(2);
    gates[1]?.resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(limiter.running).toBe(0);
  });

  it('releases the slot when a task fails and passes the error through', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a limit below 1', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });

  it('rejects a waiting call at once when its signal aborts; it never runs and holds no slot', async () => {
    const limiter = new Limiter(1);
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limiter.run(async () => void (ran = true), controller.signal);
    expect(limiter.queued).toBe(1);
    controller.abort(new Error('received SIGINT'));
    await expect(second).rejects.toThrow('received SIGINT');
    expect(limiter.queued).toBe(0);
    gate.resolve();
    await first;
    expect(ran).toBe(false);
    expect(limiter.running).toBe(0);
    await expect(limiter.run(async () => 1, controller.signal)).rejects.toThrow('received SIGINT');
  });

  it('follows a moving limit: fewer slots hold new calls back, more release them', async () => {
    const limiter = new Limiter(4);
    limiter.setAllowed(1);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) => limiter.run(async () => { started.push(i); await g.promise; }));
    await Promise.resolve();
    expect(started).toEqual([0]);
    limiter.setAllowed(3);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    limiter.setAllowed(99);
    expect(limiter.allowed).toBe(4);
    gates.forEach((g) => g.resolve());
    await Promise.all(runs);
  });
});

describe('inFlightLimit (Little\'s law)', () => {
  it('is rate × latency with headroom, within 1..max; unpaced is max', () => {
    expect(inFlightLimit(undefined, 100, 8)).toBe(8);
    expect(inFlightLimit(20, 20, 8)).toBe(2); // 0.4 in flight on average: ceil(0.6) + 1
    expect(inFlightLimit(50, 100, 8)).toBe(8); // 5 on average: ceil(7.5) + 1 = 9, capped
    expect(inFlightLimit(0.5, 1, 8)).toBe(2);
    expect(inFlightLimit(10, 200, 64)).toBe(4);
  });
});
