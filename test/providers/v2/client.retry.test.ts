import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError, OutcomeUnknownError, RequestNotSentError } from '../../../src/errors.js';
import { createClient } from '../../../src/providers/v2/client.js';
import { BASE, advanceUntil, captureLogger, makeClient, netError, setupNock, testConfig, tokenOk, track } from './helpers.js';

const Q = '/api/v2/routing/queues';
const HEALTHY = { status: 'Healthy', components: [] };
const e503 = { status: 503, code: 'server.error', message: 'try again' };
const e429 = { status: 429, code: 'too.many.requests', message: 'slow down' };

function retryLogs(lines: string[]): { status: number; attempt: number; delayMs: number }[] {
  return lines
    .map((l) => JSON.parse(l) as { msg: string; status: number; attempt: number; delayMs: number })
    .filter((o) => o.msg === 'retrying')
    .map(({ status, attempt, delayMs }) => ({ status, attempt, delayMs }));
}

describe('CxoneClient retries (fake timers)', () => {
  beforeEach(() => {
    setupNock();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    nock.cleanAll();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('succeeds after 503 twice', async () => {
    const scope = tokenOk(nock(BASE)).get('/api/v2/health').times(2).reply(503, e503).get('/api/v2/health').reply(200, HEALTHY);
    const { client } = makeClient();
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled);
    expect(r.value).toEqual(HEALTHY);
    expect(scope.isDone()).toBe(true);
    expect(client.stats).toEqual({ requests: 4, retries: 2, throttled: 0, tokenRequests: 1 });
  });

  it('waits full-jitter backoff within its bounds: 1, 2, 4, 8 s ceilings', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999999);
    const sentAt: number[] = [];
    tokenOk(nock(BASE)).get('/api/v2/health').times(5).reply(() => (sentAt.push(Date.now()), [503, e503]));
    const { client, lines } = makeClient({}, 'info');
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled, 60_000, 5);
    expect(retryLogs(lines).map((l) => l.delayMs)).toEqual([999, 1999, 3999, 7999]);
    // And the waits really happened between the arrivals at the server.
    const gaps = sentAt.slice(1).map((t, i) => t - (sentAt[i] ?? 0));
    [999, 1999, 3999, 7999].forEach((delay, i) => expect(gaps[i]).toBeGreaterThanOrEqual(delay));
  });

  it('retries after 1 ms when the jitter draws 0 (0 would mean no retry to got)', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    tokenOk(nock(BASE)).get('/api/v2/health').reply(503, e503).get('/api/v2/health').reply(200, HEALTHY);
    const { client, lines } = makeClient({}, 'info');
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled, 5000, 2);
    expect(r.value).toEqual(HEALTHY);
    expect(retryLogs(lines)).toEqual([{ status: 503, attempt: 1, delayMs: 1 }]);
  });

  it('gives up after 5 tries of 503 with an ApiError saying so', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const scope = tokenOk(nock(BASE)).get('/api/v2/health').times(6).reply(503, e503);
    const { client } = makeClient();
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled);
    const e = r.error as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(503);
    expect(e.hint).toBe('CXone answered 503 5 time(s): it may be degraded; retry later.');
    expect(scope.pendingMocks()).toHaveLength(1); // the 6th answer was never asked for
    expect(client.stats.retries).toBe(4);
  });

  it('honours Retry-After for every request of the client, not just the throttled one', async () => {
    const sent: Record<string, number[]> = { a: [], b: [] };
    let throttledAt = 0;
    const scope = tokenOk(nock(BASE))
      .get(`${Q}/a`).reply(() => ((throttledAt = Date.now()), [429, e429, { 'Retry-After': '2' }]))
      .get(`${Q}/a`).reply(() => (sent['a']?.push(Date.now()), [200, { id: 'a', name: 'A', version: 1 }]))
      .get(`${Q}/b`).reply(() => (sent['b']?.push(Date.now()), [200, { id: 'b', name: 'B', version: 1 }]));
    const { client } = makeClient();
    const a = track(client.getQueue('a'));
    await advanceUntil(vi, () => client.stats.throttled === 1, 1000, 1);
    const b = track(client.getQueue('b'));
    await vi.advanceTimersByTimeAsync(1900);
    expect(sent['b']).toEqual([]);
    await advanceUntil(vi, () => a.settled && b.settled, 10_000, 2);
    expect(sent['a']?.[0]).toBeGreaterThanOrEqual(throttledAt + 2000);
    expect(sent['b']?.[0]).toBeGreaterThanOrEqual(throttledAt + 2000);
    expect(scope.isDone()).toBe(true);
    expect(client.stats.throttled).toBe(1);
  });

  it('retries a 429 with Retry-After: 0 at once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    tokenOk(nock(BASE)).get('/api/v2/health').reply(429, e429, { 'Retry-After': '0' }).get('/api/v2/health').reply(200, HEALTHY);
    const { client, lines } = makeClient({}, 'info');
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled, 5000, 2);
    expect(r.value).toEqual(HEALTHY);
    expect(retryLogs(lines)).toEqual([{ status: 429, attempt: 1, delayMs: 1 }]); // a jittered backoff would be ~999
  });

  it('never spends the retry budget on 429s: ten 429s, then two 503s, then success', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.1);
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/a`).times(10).reply(429, e429, { 'Retry-After': '1' })
      .put(`${Q}/a`).times(2).reply(503, e503)
      .put(`${Q}/a`).reply(200, { id: 'a', name: 'A', version: 2 });
    const { client } = makeClient();
    const r = track(client.putQueue({ id: 'a', name: 'A', version: 1 }, 1));
    await advanceUntil(vi, () => r.settled, 120_000, 10);
    expect(r.value).toMatchObject({ version: 2 });
    expect(scope.isDone()).toBe(true);
    expect(client.stats).toMatchObject({ throttled: 10, retries: 12 });
  });

  it('429s without Retry-After are retried at the pace, never given up on after 5 tries', async () => {
    const scope = tokenOk(nock(BASE)).get('/api/v2/health').times(8).reply(429, e429).get('/api/v2/health').reply(200, HEALTHY);
    const { client } = makeClient();
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled, 120_000, 10);
    expect(r.value).toEqual(HEALTHY);
    expect(scope.isDone()).toBe(true);
    expect(client.paceRps).toBeGreaterThan(0); // paced from the first 429 on
  });

  it.each([['400', '400 s'], ['86400', '86400 s (24.0 h)'], ['1000000000000', '1000000000000 s (2.78e+8 h)']])(
    'fails at once on Retry-After: %s above --max-wait, naming the wait; no timer is left',
    async (header, named) => {
      const warn = vi.spyOn(process, 'emitWarning');
      const scope = tokenOk(nock(BASE)).get('/api/v2/health').reply(429, e429, { 'Retry-After': header });
      const { client } = makeClient();
      const r = track(client.health());
      await advanceUntil(vi, () => r.settled, 1000, 1);
      const e = r.error as ApiError;
      expect(e).toBeInstanceOf(ApiError);
      expect(e.status).toBe(429);
      expect(e.message).toContain(`the server asked to wait ${named} before retrying, above --max-wait 300 s`);
      expect(e.hint).toContain('raise --max-wait');
      expect(scope.isDone()).toBe(true);
      expect(vi.getTimerCount()).toBe(0);
      expect(warn).not.toHaveBeenCalled();
      // The refused wait closed no gate for the client's other calls.
      nock(BASE).get('/api/v2/health').reply(200, HEALTHY);
      const next = track(client.health());
      await advanceUntil(vi, () => next.settled, 5000, 1);
      expect(next.value).toEqual(HEALTHY);
    },
  );

  it('an aborted signal rejects calls waiting at the gate at once, sends nothing more, clears every timer', async () => {
    const sent: number[] = [];
    tokenOk(nock(BASE))
      .get('/api/v2/health').reply(() => (sent.push(Date.now()), [429, e429, { 'Retry-After': '30' }]))
      .get('/api/v2/health').times(3).reply(() => (sent.push(Date.now()), [200, HEALTHY]));
    const controller = new AbortController();
    const { logger } = captureLogger('silent');
    const client = createClient(testConfig(), logger, controller.signal);
    const first = track(client.health());
    await advanceUntil(vi, () => client.stats.throttled === 1, 1000, 1);
    const others = [track(client.health()), track(client.health())];
    await vi.advanceTimersByTimeAsync(100);
    controller.abort(new Error('received SIGINT'));
    await advanceUntil(vi, () => first.settled && others.every((o) => o.settled), 1000, 1);
    for (const r of [first, ...others]) expect(r.error).toBeInstanceOf(RequestNotSentError);
    expect((first.error as Error).message).toBe(`GET ${BASE}/api/v2/health was not sent: the run was interrupted before it`);
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(client.interruptTally()).toEqual({ writesInFlight: 0, writesFinished: 0, writesSentAfter: 0 });
  });

  it('retries a connection reset on GET', async () => {
    const scope = tokenOk(nock(BASE))
      .get(`${Q}/a`).replyWithError(netError('ECONNRESET'))
      .get(`${Q}/a`).reply(200, { id: 'a', name: 'A', version: 1 });
    const { client } = makeClient();
    const r = track(client.getQueue('a'));
    await advanceUntil(vi, () => r.settled);
    expect(r.value).toMatchObject({ id: 'a' });
    expect(scope.isDone()).toBe(true);
  });

  it('does not re-send a PUT whose answer was lost: OutcomeUnknownError', async () => {
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/a`).replyWithError(netError('ECONNRESET'))
      .put(`${Q}/a`).reply(200, { id: 'a', name: 'A', version: 2 });
    const { client } = makeClient();
    const r = track(client.putQueue({ id: 'a', name: 'A', version: 1 }, 1));
    await advanceUntil(vi, () => r.settled);
    const e = r.error as OutcomeUnknownError;
    expect(e).toBeInstanceOf(OutcomeUnknownError);
    expect(e.message).toBe(`PUT ${BASE}${Q}/a: the request was sent but its answer was lost (connection reset); the change may or may not have been applied`);
    expect(e.hint).toContain('re-read the queue');
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('retries a PUT answered 503 (If-Match makes a duplicate impossible)', async () => {
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/a`).matchHeader('if-match', '1').reply(503, e503)
      .put(`${Q}/a`).matchHeader('if-match', '1').reply(200, { id: 'a', name: 'A', version: 2 });
    const { client } = makeClient();
    const r = track(client.putQueue({ id: 'a', name: 'A', version: 1 }, 1));
    await advanceUntil(vi, () => r.settled);
    expect(r.value).toMatchObject({ version: 2 });
    expect(scope.isDone()).toBe(true);
  });

  it('treats a 409 after a PUT answered 502 as an unknown outcome: the 502 may have been applied', async () => {
    const e409 = { status: 409, code: 'conflict', message: 'version mismatch' };
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/a`).reply(502, { status: 502, code: 'server.error', message: 'bad gateway' })
      .put(`${Q}/a`).reply(409, e409);
    const { client } = makeClient();
    const r = track(client.putQueue({ id: 'a', name: 'A', version: 1 }, 1));
    await advanceUntil(vi, () => r.settled);
    expect(r.error).toBeInstanceOf(OutcomeUnknownError);
    expect((r.error as Error).message).toContain('the retry conflicted (409); the first attempt may have been applied');
    expect(scope.isDone()).toBe(true);
  });

  it('keeps a 409 after a PUT answered 503 a plain conflict: 503 proves nothing was written', async () => {
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/a`).reply(503, e503)
      .put(`${Q}/a`).reply(409, { status: 409, code: 'conflict', message: 'version mismatch' });
    const { client } = makeClient();
    const r = track(client.putQueue({ id: 'a', name: 'A', version: 1 }, 1));
    await advanceUntil(vi, () => r.settled);
    expect(r.error).toBeInstanceOf(ApiError);
    expect(r.error).not.toBeInstanceOf(OutcomeUnknownError);
    expect((r.error as ApiError).status).toBe(409);
    expect(scope.isDone()).toBe(true);
  });

  it('fails an unreachable API within 60 s with a NetworkError naming the URL', async () => {
    nock(BASE).post('/api/v2/oauth/token').times(10).replyWithError(netError('ECONNREFUSED'));
    const { client } = makeClient();
    const start = Date.now();
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled);
    const e = r.error as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.url).toBe(`${BASE}/api/v2/oauth/token`);
    expect(e.message).toMatch(new RegExp(`^POST ${BASE}/api/v2/oauth/token failed: connection refused after 5 attempt\\(s\\) in [\\d.]+ s$`));
    expect(Date.now() - start).toBeLessThanOrEqual(60_000);
  });

  it('bounds a call against a server slower than the response timeout by the deadline', async () => {
    tokenOk(nock(BASE)).get('/api/v2/health').times(10).delay(20_000).reply(200, HEALTHY);
    const { client } = makeClient();
    const start = Date.now();
    const r = track(client.health());
    await advanceUntil(vi, () => r.settled, 120_000, 10);
    const e = r.error as NetworkError;
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).toContain(`GET ${BASE}/api/v2/health failed:`);
    expect(Date.now() - start).toBeLessThanOrEqual(60_100);
  });
});
