import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';
import { RateLimiter } from '../../src/sandbox/limits.js';
import { call, getToken, put } from './helpers.js';

let sb: SandboxHandle | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function start(options: SandboxOptions): Promise<SandboxHandle> {
  sb = await startSandbox(options);
  return sb;
}

/** Status of each request, or 'reset' when the connection was destroyed. */
async function statuses(s: SandboxHandle, token: string, n: number): Promise<(number | 'reset')[]> {
  const out: (number | 'reset')[] = [];
  for (let i = 0; i < n; i++) {
    try {
      out.push((await call(s, token, 'GET', '/api/v2/health')).status);
    } catch {
      out.push('reset');
    }
  }
  return out;
}

describe('sandbox rate limit', () => {
  it('answers 429 too.many.requests with an integer Retry-After past the burst', async () => {
    const s = await start({ rateLimit: 2 });
    const token = await getToken(s);
    expect((await call(s, token, 'GET', '/api/v2/health')).status).toBe(200);
    expect((await call(s, token, 'GET', '/api/v2/health')).status).toBe(200);
    const limited = await call(s, token, 'GET', '/api/v2/health');
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ status: 429, code: 'too.many.requests', message: expect.any(String) });
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('never limits the token endpoint, and setFaults({ rateLimit: 0 }) lifts the limit', async () => {
    const s = await start({ rateLimit: 1 });
    const token = await getToken(s);
    await getToken(s);
    expect((await call(s, token, 'GET', '/api/v2/health')).status).toBe(200);
    expect((await call(s, token, 'GET', '/api/v2/health')).status).toBe(429);
    s.setFaults({ rateLimit: 0 });
    expect((await call(s, token, 'GET', '/api/v2/health')).status).toBe(200);
  });
});

describe('RateLimiter', () => {
  it('refills at the rate, caps the burst and rounds Retry-After up', () => {
    let ms = 0;
    const limiter = new RateLimiter(0.5, () => ms);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(2);
    ms = 1000;
    expect(limiter.take('a')).toBe(1);
    ms = 2000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0);
    const fast = new RateLimiter(10, () => ms);
    for (let i = 0; i < 10; i++) expect(fast.take('a')).toBe(0);
    expect(fast.take('a')).toBe(1);
  });
});

describe('sandbox injected faults', () => {
  it('replays the same 503 sequence for the same seed, another for another seed', async () => {
    const run = async (seed: number) => {
      const s = await startSandbox({ faultRate: 0.3, seed });
      try {
        return await statuses(s, await getToken(s), 40);
      } finally {
        await s.close();
      }
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    const failed = a.filter((x) => x === 503).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(20);
  });

  it('answers 503 with the server.error body', async () => {
    const s = await start({ faultRate: 1 });
    const r = await call(s, await getToken(s), 'GET', '/api/v2/health');
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ status: 503, code: 'server.error', message: expect.any(String) });
  });

  it('destroys connections at resetRate, deterministically, without applying a PUT', async () => {
    const s = await start({ resetRate: 1, queues: 1 });
    const token = await getToken(s);
    const q = s.state.listQueues()[0]!;
    await expect(put(s, token, { ...q, maxWaitTime: 999 })).rejects.toThrow();
    expect(s.state.writeCount(q.id)).toBe(0);
    expect(s.stats.resets).toBe(1);
    s.setFaults({ resetRate: 0.5 });
    const seq = await statuses(s, token, 20);
    expect(seq).toContain('reset');
    expect(seq).toContain(200);
  });

  it('applies a PUT whose answer is lost (lostResponseRate)', async () => {
    const s = await start({ lostResponseRate: 1, queues: 1 });
    const token = await getToken(s);
    const q = s.state.listQueues()[0]!;
    await expect(put(s, token, { ...q, maxWaitTime: 999 })).rejects.toThrow();
    expect(s.state.writeCount(q.id)).toBe(1);
    expect(s.state.getQueue(q.id)).toMatchObject({ maxWaitTime: 999, version: q.version + 1 });
    expect(s.stats.lostResponses).toBe(1);
    s.setFaults({ lostResponseRate: 0 });
    expect((await call(s, token, 'GET', `/api/v2/routing/queues/${q.id}`)).body.version).toBe(q.version + 1);
  });

  it('delays answers by latencyMs and close() drops answers still waiting', async () => {
    const s = await start({ latencyMs: 60_000 });
    const pending = fetch(`${s.baseUrl}/api/v2/health`).then(
      () => 'answered',
      () => 'dropped',
    );
    await new Promise((r) => setImmediate(r));
    await s.close();
    expect(await pending).toBe('dropped');
  });
});

describe('sandbox eventual propagation', () => {
  it('shows the previous version on GET and list for propagationMs after a PUT', async () => {
    let t = Date.parse('2026-11-20T09:00:00Z');
    const s = await start({ queues: 2, propagationMs: 2000, now: () => new Date(t) });
    const token = await getToken(s);
    const q = s.state.listQueues()[0]!;
    const r = await put(s, token, { ...q, maxWaitTime: 999 });
    expect(r.body.version).toBe(q.version + 1);
    const get = async () => (await call(s, token, 'GET', `/api/v2/routing/queues/${q.id}`)).body.version;
    const listed = async () =>
      (await call(s, token, 'GET', '/api/v2/routing/queues')).body.results.find((x: { id: string }) => x.id === q.id).version;
    expect(await get()).toBe(q.version);
    expect(await listed()).toBe(q.version);
    expect(s.state.getQueue(q.id)!.version).toBe(q.version + 1);
    expect((await put(s, token, { ...q, version: q.version + 1 }, String(q.version + 1))).status).toBe(200);
    t += 1999;
    expect(await get()).toBe(q.version);
    t += 1;
    expect(await get()).toBe(q.version + 2);
    expect(await listed()).toBe(q.version + 2);
  });
});

describe('sandbox option checks', () => {
  it('refuses rates outside 0..1 and negative numbers, at start and in setFaults', async () => {
    await expect(startSandbox({ faultRate: 1.1 })).rejects.toThrow('sandbox option faultRate must be within 0..1, got 1.1');
    await expect(startSandbox({ latencyMs: -1 })).rejects.toThrow(RangeError);
    const s = await start({});
    expect(() => s.setFaults({ resetRate: -0.1 })).toThrow(RangeError);
  });
});
