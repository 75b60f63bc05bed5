import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackgroundLoad } from '../../src/sandbox/background.js';
import { RateLimiter } from '../../src/sandbox/limits.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';

describe('RateLimiter shapes (injected clock)', () => {
  it('token bucket with burst 1 refuses any gap shorter than 1/R, whatever the rate', () => {
    let now = 0;
    const r = new RateLimiter(20, () => now, { burst: 1 });
    expect(r.take('a')).toBe(0);
    now = 49;
    expect(r.takeMs('a')).toBeCloseTo(1, 5);
    now = 100;
    expect(r.take('a')).toBe(0);
    expect(r.describe()).toBe('20 request(s)/s (burst 1)');
  });

  it('token bucket keeps the old default burst of max(1, rate) and take() in whole seconds', () => {
    let now = 0;
    const r = new RateLimiter(5, () => now);
    for (let i = 0; i < 5; i++) expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBe(1);
    expect(r.take('b')).toBe(0); // per client
    r.setRate(0);
    expect(r.take('a')).toBe(0);
    expect(r.describe()).toBe('0 request(s)/s');
    now = 1;
  });

  it('fixed windows admit R per clock-aligned second and say how long until the next one', () => {
    let now = 1200;
    const r = new RateLimiter(3, () => now, { mode: 'window' });
    for (let i = 0; i < 3; i++) expect(r.takeMs('a')).toBe(0);
    expect(r.takeMs('a')).toBe(800);
    now = 2000;
    expect(r.takeMs('a')).toBe(0);
  });

  it('sliding windows admit R in any trailing second', () => {
    let now = 0;
    const r = new RateLimiter(2, () => now, { mode: 'sliding' });
    expect(r.takeMs('a')).toBe(0);
    now = 600;
    expect(r.takeMs('a')).toBe(0);
    now = 900;
    expect(r.takeMs('a')).toBe(100);
    now = 1000;
    expect(r.takeMs('a')).toBe(0);
    now = 1100;
    expect(r.takeMs('a')).toBe(500);
  });
});

let sb: SandboxHandle | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function token(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v2/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=sandbox&client_secret=sandbox',
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('sandbox rate-limit options', () => {
  it('answers 429 without Retry-After when asked to, and records every request with client and times', async () => {
    sb = await startSandbox({ rateLimit: 1, rateLimitBurst: 1, retryAfter: false });
    const auth = { authorization: `Bearer ${await token(sb.baseUrl)}` };
    const first = await fetch(`${sb.baseUrl}/api/v2/health`, { headers: auth });
    const second = await fetch(`${sb.baseUrl}/api/v2/health`, { headers: auth });
    expect([first.status, second.status]).toEqual([200, 429]);
    expect(second.headers.get('retry-after')).toBeNull();
    expect(sb.requests.map((r) => [r.method, r.path, r.client, r.status])).toEqual([
      ['POST', '/api/v2/oauth/token', null, 200],
      ['GET', '/api/v2/health', 'sandbox', 200],
      ['GET', '/api/v2/health', 'sandbox', 429],
    ]);
    for (const r of sb.requests) expect(r.answeredAt).toBeGreaterThanOrEqual(r.arrivedAt);
    sb.setFaults({ retryAfter: true });
    const third = await fetch(`${sb.baseUrl}/api/v2/health`, { headers: auth });
    expect(third.status === 200 || third.headers.get('retry-after') === '1').toBe(true);
  });

  it('a background client spends the same budget evenly, and can be changed or stopped while running (fake timers)', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const limiter = new RateLimiter(10, () => Date.now(), { burst: 10 });
      const load = new BackgroundLoad(limiter, 'sandbox');
      load.set(5);
      vi.advanceTimersByTime(2000);
      expect(load.counts).toEqual({ sent: 10, accepted: 10 });
      // 5 of the 10 per second are gone: a second client gets the other half after the burst.
      load.set(20);
      vi.advanceTimersByTime(1000);
      expect(load.counts.sent).toBe(30);
      expect(load.counts.accepted).toBeLessThan(30);
      load.set(0);
      vi.advanceTimersByTime(1000);
      expect(load.counts.sent).toBe(30);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an unknown mode or a burst below 1', async () => {
    await expect(startSandbox({ rateLimit: 5, rateLimitMode: 'leaky' as never })).rejects.toThrow(RangeError);
    await expect(startSandbox({ rateLimit: 5, rateLimitBurst: 0.5 })).rejects.toThrow(RangeError);
  });
});
