import { Pacer } from '../../src/transport/pacer.js';

export interface SimOptions {
  n: number;
  rps: number;
  limiter: 'bucket' | 'window';
  concurrency?: number;
  latencyMs?: number;
  maxRps?: number;
}

/**
 * Discrete-time simulation (1 ms steps) of `concurrency` workers sending `n` requests through the
 * pacer to a server that allows `rps` requests per second and answers 429 with Retry-After: 1.
 */
export function simulate(o: SimOptions): { ms: number; throttled: number; sent: number } {
  const pacer = new Pacer(o.maxRps === undefined ? {} : { maxRps: o.maxRps });
  const latency = o.latencyMs ?? 20;
  let tokens = o.rps;
  let windowStart = 0;
  let windowCount = 0;
  let remaining = o.n;
  let done = 0;
  let throttled = 0;
  let sent = 0;
  type W = { state: 'idle' | 'ready' | 'inflight'; until: number; sentAt: number; ok: boolean };
  const workers: W[] = Array.from({ length: o.concurrency ?? 8 }, () => ({ state: 'idle', until: 0, sentAt: 0, ok: true }));
  let t = 0;
  for (; done < o.n; t++) {
    tokens = Math.min(o.rps, tokens + o.rps / 1000);
    if (t - windowStart >= 1000) {
      windowStart = t - ((t - windowStart) % 1000);
      windowCount = 0;
    }
    for (const w of workers) {
      if (w.state === 'inflight' && t >= w.until) {
        if (w.ok) {
          pacer.onAccepted(t);
          done++;
          w.state = 'idle';
        } else {
          throttled++;
          pacer.onThrottled(t, w.sentAt, 1000);
          w.state = 'ready';
        }
      }
      if (w.state === 'idle' && remaining > 0) {
        remaining--;
        w.state = 'ready';
      }
      if (w.state === 'ready' && pacer.acquire(t) === 0) {
        sent++;
        if (o.limiter === 'bucket') {
          w.ok = tokens >= 1;
          if (w.ok) tokens -= 1;
        } else {
          w.ok = windowCount < o.rps;
          if (w.ok) windowCount++;
        }
        w.state = 'inflight';
        w.sentAt = t;
        w.until = t + latency;
      }
    }
  }
  return { ms: t, throttled, sent };
}
