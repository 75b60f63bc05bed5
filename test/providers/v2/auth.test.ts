import { describe, expect, it } from 'vitest';
import { TokenProvider, refreshSkewMs, tokenForm, type TokenResponse } from '../../../src/providers/v2/auth.js';
import { silentLogger } from '../../../src/log.js';

function provider(expiresIn = 3600) {
  let now = 0;
  let n = 0;
  const calls: number[] = [];
  const p = new TokenProvider(
    async () => {
      calls.push(now);
      await Promise.resolve();
      return { access_token: `t${++n}`, expires_in: expiresIn } satisfies TokenResponse;
    },
    silentLogger(),
    () => now,
  );
  return { p, calls, setNow: (t: number) => (now = t) };
}

describe('refreshSkewMs', () => {
  it('is a minute for long tokens and a tenth of the lifetime for short ones', () => {
    expect(refreshSkewMs(3600)).toBe(60_000);
    expect(refreshSkewMs(600)).toBe(60_000);
    expect(refreshSkewMs(599)).toBe(59_900);
    expect(refreshSkewMs(30)).toBe(3_000);
  });
});

describe('tokenForm', () => {
  it('carries the client credentials grant and every scope, space separated', () => {
    expect(tokenForm('id', 'sec')).toEqual({
      grant_type: 'client_credentials',
      client_id: 'id',
      client_secret: 'sec',
      scope: 'routing:queues:write routing:queues:read analytics:queues:read analytics:conversations:read audit:read health:read',
    });
  });
});

describe('TokenProvider', () => {
  it('caches the token and refreshes it at expiry minus the skew', async () => {
    const { p, calls, setNow } = provider(3600);
    expect(await p.token()).toBe('t1');
    setNow(3_540_000 - 1);
    expect(await p.token()).toBe('t1');
    setNow(3_540_000);
    expect(await p.token()).toBe('t2');
    expect(calls).toEqual([0, 3_540_000]);
  });

  it('refreshes a 30 s token after 27 s', async () => {
    const { p, setNow } = provider(30);
    await p.token();
    setNow(26_999);
    expect(await p.token()).toBe('t1');
    setNow(27_000);
    expect(await p.token()).toBe('t2');
  });

  it('shares one request among concurrent callers (single flight)', async () => {
    const { p, calls } = provider();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => p.token()));
    expect(new Set(tokens)).toEqual(new Set(['t1']));
    expect(calls).toHaveLength(1);
  });

  it('renews a rejected token once, however many callers report it', async () => {
    const { p, calls } = provider();
    const old = await p.token();
    const renewed = await Promise.all(Array.from({ length: 10 }, () => p.renew(old)));
    expect(new Set(renewed)).toEqual(new Set(['t2']));
    expect(await p.renew(old)).toBe('t2');
    expect(calls).toHaveLength(2);
  });

  it('lets every waiter see a failed refresh, and tries again on the next call', async () => {
    let fail = true;
    const p = new TokenProvider(async () => {
      if (fail) throw new Error('refused');
      return { access_token: 'ok', expires_in: 60 };
    }, silentLogger());
    const results = await Promise.allSettled([p.token(), p.token()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await p.token()).toBe('ok');
  });

  it('refuses a 200 without an access_token', async () => {
    const p = new TokenProvider(async () => ({ expires_in: 60 }) as unknown as TokenResponse, silentLogger());
    await expect(p.token()).rejects.toThrow('the token endpoint answered 200 without an access_token');
  });
});
