import { Pacer } from '../../src/transport/pacer.js';
import { inFlightLimit } from '../../src/transport/limiter.js';
import { RateLimiter, type RateLimitMode } from '../../src/sandbox/limits.js';
import { mulberry32 } from '../../src/sandbox/prng.js';

export interface SimOptions {
  n: number;
  rps: number;
  limiter: RateLimitMode;
  /** Token bucket capacity (default rps). */
  burst?: number;
  /** Whether 429s carry `Retry-After` (integer seconds, at least 1, like the sandbox). */
  retryAfter?: boolean;
  /** Another client spending the same budget, requests/s; `changes` moves it at given times. */
  background?: number;
  backgroundChanges?: { atMs: number; rps: number }[];
  concurrency?: number;
  /** Round trip; the server decides at half of it. Jitter is added uniformly in [0, jitterMs]. */
  latencyMs?: number;
  jitterMs?: number;
  maxRps?: number;
  seed?: number;
  /** A loaded machine (see `JitterModel`); default: timers at most 1 ms late, no stalls. */
  loaded?: JitterModel;
}

/**
 * Scheduling noise of a loaded machine: a quarter of the timers fire up to `lateMs` late (the rest
 * up to 2 ms), and about every `stallEveryMs` the client's event loop stalls for `stallMs` (GC,
 * journal writes, another process on the core): nothing is answered, woken or written meanwhile, so
 * a request acquired just before the stall and timers due during it all go at its end. Between
 * acquiring its slot and reaching the socket a request takes up to `writeMs`.
 */
export interface JitterModel {
  lateMs: number;
  stallMs: number;
  stallEveryMs: number;
  writeMs: number;
}

/** Late timers of 0–40 ms, a 100 ms stall every ~2 s, up to 5 ms from slot to socket. */
export const LOADED: JitterModel = { lateMs: 40, stallMs: 100, stallEveryMs: 2_000, writeMs: 5 };

export interface SimResult {
  ms: number;
  throttled: number;
  sent: number;
  maxInFlight: number;
}

type W = { state: 'idle' | 'ready' | 'writing' | 'inflight'; until: number; sentAt: number; ok: boolean; retryAfterMs?: number; wakeAt: number; writeAt: number };

/**
 * Discrete-time simulation (1 ms steps, simulated clock, no sleeping) of a client sending `n`
 * requests through the pacer and the Little's-law in-flight bound to a server whose limiter is the
 * sandbox's own `RateLimiter` in any of its shapes, optionally shared with a background client.
 * A 429 is retried (never given up), after its Retry-After when it has one.
 */
export function simulate(o: SimOptions): SimResult {
  let t = 0;
  const limiter = new RateLimiter(o.rps, () => t, { mode: o.limiter, ...(o.burst === undefined ? {} : { burst: o.burst }) });
  const pacer = new Pacer({ confirmSends: true, ...(o.maxRps === undefined ? {} : { maxRps: o.maxRps }) });
  const random = mulberry32(o.seed ?? 1);
  const latency = o.latencyMs ?? 20;
  const jitter = o.jitterMs ?? 2;
  const concurrency = o.concurrency ?? 8;
  let background = o.background ?? 0;
  const changes = [...(o.backgroundChanges ?? [])];
  let nextBackground = 0;
  let remaining = o.n;
  let done = 0;
  let throttled = 0;
  let sent = 0;
  let maxInFlight = 0;
  let latencyEstimate = latency;
  const loaded = o.loaded;
  // Its own stream, so the noise does not shift the latency draws.
  const noise = mulberry32((o.seed ?? 1) + 7919);
  let stalledUntil = 0;
  const workers: W[] = Array.from({ length: concurrency }, () => ({ state: 'idle', until: 0, sentAt: 0, ok: true, wakeAt: 0, writeAt: 0 }));
  for (; done < o.n && t < 3_600_000; t++) {
    if (loaded !== undefined && t >= stalledUntil && noise() < 1 / loaded.stallEveryMs) stalledUntil = t + loaded.stallMs;
    const stalled = t < stalledUntil;
    const change = changes[0];
    if (change !== undefined && t >= change.atMs) {
      background = change.rps;
      changes.shift();
    }
    while (background > 0 && t >= nextBackground) {
      limiter.takeMs('client');
      nextBackground += 1000 / background;
    }
    // The server goes on; the client's loop does nothing while it stalls.
    if (stalled) continue;
    const inFlight = workers.filter((w) => w.state === 'inflight').length;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let slots = inFlightLimit(pacer.rps, latencyEstimate, concurrency) - inFlight;
    for (const w of workers) {
      if (w.state === 'inflight' && t >= w.until) {
        latencyEstimate = 0.8 * latencyEstimate + 0.2 * (t - w.sentAt);
        if (w.ok) {
          pacer.onAccepted(t);
          done++;
          w.state = 'idle';
        } else {
          throttled++;
          pacer.onThrottled(t, w.sentAt, w.retryAfterMs);
          w.state = 'ready';
        }
      }
      if (w.state === 'idle' && remaining > 0) {
        remaining--;
        w.state = 'ready';
      }
      if (w.state === 'ready' && t >= w.wakeAt && slots > 0) {
        const wait = pacer.acquire(t);
        // A timer fires at the earliest after its delay: sometimes a millisecond late, on a loaded
        // machine sometimes tens of milliseconds.
        if (wait > 0) {
          w.wakeAt = t + wait + lateBy(random, noise, loaded);
          continue;
        }
        slots--;
        w.state = 'writing';
        w.writeAt = t + (loaded === undefined ? 0 : Math.floor(noise() * loaded.writeMs));
      }
      if (w.state !== 'writing' || t < w.writeAt) continue;
      pacer.onSent(t);
      sent++;
      const rtt = latency + random() * jitter;
      const arrival = t + rtt / 2;
      w.state = 'inflight';
      w.sentAt = t;
      w.until = Math.ceil(t + rtt);
      const decide = (): number => {
        const saved = t;
        t = arrival;
        const ms = limiter.takeMs('client');
        t = saved;
        return ms;
      };
      const waitMs = decide();
      w.ok = waitMs === 0;
      if (w.ok) delete w.retryAfterMs;
      else if (o.retryAfter ?? true) w.retryAfterMs = Math.max(1, Math.ceil(waitMs / 1000)) * 1000;
      else delete w.retryAfterMs;
    }
  }
  return { ms: t, throttled, sent, maxInFlight };
}

/** How late a timer fires: 0–1 ms (30 %), or on a loaded machine up to `lateMs` for a quarter of them. */
function lateBy(random: () => number, noise: () => number, loaded: JitterModel | undefined): number {
  if (loaded === undefined) return random() < 0.3 ? 1 : 0;
  return noise() < 0.25 ? Math.floor(noise() * loaded.lateMs) : Math.floor(noise() * 2);
}
