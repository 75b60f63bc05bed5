import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY } from '../../src/transport/retry-policy.js';
import { backoffMs, decideRetry, mayHaveBeenProcessed, parseRetryAfter } from '../../src/transport/retry-policy.js';

const P = DEFAULT_RETRY;
const FAR = Number.POSITIVE_INFINITY;

describe('decideRetry', () => {
  it('retries exactly 429, 500, 502, 503, 504', () => {
    for (let status = 400; status < 600; status++) {
      const d = decideRetry({ method: 'GET', status }, 1, P, 0, FAR, () => 0.5);
      expect(d.retry, String(status)).toBe([429, 500, 502, 503, 504].includes(status));
    }
  });

  it('never retries 400, 401, 403, 404, 409, 412', () => {
    for (const status of [400, 401, 403, 404, 409, 412]) {
      expect(decideRetry({ method: 'PUT', status }, 1, P, 0, FAR)).toEqual({ retry: false, reason: 'not-transient' });
    }
  });

  it('retries connection errors and timeouts on reads, not a DNS miss', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']) {
      expect(decideRetry({ method: 'GET', code }, 1, P, 0, FAR).retry, code).toBe(true);
    }
    expect(decideRetry({ method: 'GET', code: 'ENOTFOUND' }, 1, P, 0, FAR).retry).toBe(false);
  });

  it('never re-sends a PUT whose answer may have been lost, but does when it provably was not sent', () => {
    expect(decideRetry({ method: 'PUT', code: 'ECONNRESET' }, 1, P, 0, FAR)).toEqual({ retry: false, reason: 'outcome-unknown' });
    expect(decideRetry({ method: 'PUT', code: 'ETIMEDOUT', timeoutEvent: 'response' }, 1, P, 0, FAR).retry).toBe(false);
    expect(decideRetry({ method: 'PUT', code: 'ECONNREFUSED' }, 1, P, 0, FAR).retry).toBe(true);
    expect(decideRetry({ method: 'PUT', code: 'ETIMEDOUT', timeoutEvent: 'connect' }, 1, P, 0, FAR).retry).toBe(true);
    expect(decideRetry({ method: 'PUT', status: 503 }, 1, P, 0, FAR).retry).toBe(true);
  });

  it('stops after the last try: attempt 4 of 5 retries, attempt 5 does not', () => {
    expect(decideRetry({ method: 'GET', status: 503 }, 4, P, 0, FAR).retry).toBe(true);
    expect(decideRetry({ method: 'GET', status: 503 }, 5, P, 0, FAR)).toEqual({ retry: false, reason: 'tries-exhausted' });
  });

  it('waits Retry-After exactly for a 429 (0 included); without one 0 (the pacer spaces it); jittered backoff for 5xx', () => {
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 2000 }, 1, P, 0, FAR, () => 0.99)).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 0 }, 1, P, 0, FAR)).toEqual({ retry: true, delayMs: 0 });
    expect(decideRetry({ method: 'GET', status: 429 }, 3, P, 0, FAR, () => 0.5)).toEqual({ retry: true, delayMs: 0 });
    expect(decideRetry({ method: 'GET', status: 503 }, 3, P, 0, FAR, () => 0.5)).toEqual({ retry: true, delayMs: 2000 });
  });

  it('never counts 429s against the tries: a 429 after the last try is still retried, even for a PUT', () => {
    expect(decideRetry({ method: 'PUT', status: 429, retryAfterMs: 1000 }, 99, P, 0, FAR)).toEqual({ retry: true, delayMs: 1000 });
    expect(decideRetry({ method: 'PUT', status: 503 }, 5, P, 0, FAR)).toEqual({ retry: false, reason: 'tries-exhausted' });
  });

  it('fails a 429 at once when its Retry-After is above the cap, naming the wait', () => {
    const cap = { ...P, maxWaitMs: 300_000 };
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 300_000 }, 1, cap, 0, FAR).retry).toBe(true);
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 300_001 }, 1, cap, 0, FAR)).toEqual({ retry: false, reason: 'wait-over-cap', waitMs: 300_001 });
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 1e15 }, 1, cap, 0, FAR)).toEqual({ retry: false, reason: 'wait-over-cap', waitMs: 1e15 });
  });

  it('starts no retry that would end past the deadline: 5xx by the call deadline, 429 by the throttle deadline', () => {
    expect(decideRetry({ method: 'GET', status: 503 }, 1, P, 56_000, 56_500, () => 0.99)).toEqual({ retry: false, reason: 'deadline' });
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 5000 }, 1, P, 56_000, 0, Math.random, 61_000)).toEqual({ retry: false, reason: 'deadline' });
    expect(decideRetry({ method: 'GET', status: 429, retryAfterMs: 4999 }, 1, P, 56_000, 0, Math.random, 61_000).retry).toBe(true);
  });
});

describe('backoffMs', () => {
  it('is full jitter under a doubling ceiling capped at maxDelayMs', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffMs(a, P, top))).toEqual([999, 1999, 3999, 7999, 15999, 29999, 29999]);
    expect(backoffMs(4, P, () => 0)).toBe(0);
  });
});

describe('mayHaveBeenProcessed', () => {
  it('is false for any answer and for failures before sending', () => {
    expect(mayHaveBeenProcessed({ method: 'PUT', status: 500 })).toBe(false);
    expect(mayHaveBeenProcessed({ method: 'PUT', code: 'ENOTFOUND' })).toBe(false);
    expect(mayHaveBeenProcessed({ method: 'PUT', code: 'EPIPE' })).toBe(true);
  });
});

describe('parseRetryAfter', () => {
  it('reads integer seconds (0 too), an HTTP date, and ignores garbage', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('0', 0)).toBe(0);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
  });
});
