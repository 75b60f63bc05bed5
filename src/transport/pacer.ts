/**
 * Adaptive request pacing shared by every request of one client. Pure: time is passed in, nothing
 * sleeps here (the HTTP layer asks `acquire(now)` and waits what it is told).
 *
 * - A 429's `Retry-After` closes a gate for everyone until it expires.
 * - A 429 also cuts the sending rate to slightly under the rate the server accepted since the last cut
 *   (measured over a sliding window), so the requests released by the gate do not cause a new storm.
 *   A 429 that comes before there is anything to measure only closes the gate: a guess would pace
 *   the whole run at a crawl.
 * - Without 429s the rate creeps up again: briskly back to 95 % of the last known limit, then slowly
 *   probing above it (additive increase), so the limit is found again if the budget grows.
 * - A known budget (`maxRps`) paces from the first request and is never exceeded.
 */

export interface PacerOptions {
  /** Known requests-per-second budget; paced from the start and never exceeded. */
  maxRps?: number;
  /** Width of the accepted-rate measurement window. */
  windowMs?: number;
  /** Share of the measured accepted rate to pace at after a 429. */
  cutFactor?: number;
  /** Lowest rate the pacer ever falls to. */
  minRps?: number;
}

const DEFAULTS = { windowMs: 5_000, cutFactor: 0.9, minRps: 0.5 };
/** Growth per second, as a share of the last known limit, below and above 95 % of it. */
const FAST_GROWTH = 0.02;
const PROBE_GROWTH = 0.005;
/** Fewest accepted answers since the last cut that make a rate measurement. */
const MIN_SAMPLES = 5;

/** The pacer described above: one per client, shared by all its requests; time is passed in. */
export class Pacer {
  private readonly maxRps: number | undefined;
  private readonly windowMs: number;
  private readonly cutFactor: number;
  private readonly minRps: number;
  /** Current rate in requests per second; undefined = not paced (no budget known, no 429 yet). */
  private rate: number | undefined;
  /** The accepted rate measured at the last cut: the best estimate of the server's limit. */
  private ceiling: number | undefined;
  private nextAt = Number.NEGATIVE_INFINITY;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  private measureFrom = Number.NEGATIVE_INFINITY;
  private grownAt = 0;
  /** Seconds of sending (idle spells excluded) since the last cut. */
  private sendingSinceCut = 0;
  private accepted: number[] = [];

  constructor(options: PacerOptions = {}) {
    this.maxRps = options.maxRps;
    this.windowMs = options.windowMs ?? DEFAULTS.windowMs;
    this.cutFactor = options.cutFactor ?? DEFAULTS.cutFactor;
    this.minRps = Math.min(options.minRps ?? DEFAULTS.minRps, options.maxRps ?? Number.POSITIVE_INFINITY);
    this.rate = options.maxRps;
    this.ceiling = options.maxRps;
  }

  /** Current pace in requests per second, or undefined while unpaced. */
  get rps(): number | undefined {
    return this.rate;
  }

  /** Until when every request is held by a `Retry-After` (ms timestamp; in the past when open). */
  get pausedUntilMs(): number {
    return this.pausedUntil;
  }

  /**
   * Asks to send one request at `now`. Returns 0 when it may go (the slot is taken), otherwise the
   * milliseconds to wait before asking again (nothing is reserved, so a gate closed meanwhile holds it).
   */
  acquire(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (this.rate === undefined) return 0;
    this.grow(now);
    if (now < this.nextAt) return Math.ceil(this.nextAt - now);
    const interval = 1000 / this.rate;
    // A timer firing a little late keeps the schedule; after an idle spell the schedule restarts
    // from now, so there is never a burst.
    this.nextAt = now - this.nextAt < interval ? this.nextAt + interval : now + interval;
    return 0;
  }

  /** Records an answer that was not a 429 (the server accepted the request for processing). */
  onAccepted(now: number): void {
    this.accepted.push(now);
    this.trim(now);
  }

  /**
   * Records a 429 for a request sent at `sentAt`. Closes the gate for `retryAfterMs` (if given) and
   * cuts the rate once per overload: 429s of requests sent before the last cut are echoes of the same
   * overload and only extend the gate. Returns the new pace (requests per second).
   */
  onThrottled(now: number, sentAt: number, retryAfterMs?: number): number | undefined {
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    if (sentAt <= this.lastCutAt) return this.rate;
    this.trim(now);
    const from = Math.max(this.measureFrom, now - this.windowMs, this.accepted[0] ?? now);
    // Less than a second of history counts as one second: a burst is not a sustainable rate.
    const spanMs = Math.max(now - from, 1000);
    // A handful of answers says nothing about the server's limit (the budget may be shared).
    const measured = this.accepted.length >= MIN_SAMPLES ? (this.accepted.length * 1000) / spanMs : undefined;
    if (measured === undefined && this.rate === undefined) {
      // Too few answers to say anything about the limit (a 429 on the first requests: a budget
      // shared with another job, a burst). Guessing would pace a large run at a crawl; the gate
      // already holds everyone for Retry-After, and the next 429 comes with a measurement.
      this.restartMeasurement(now);
      return undefined;
    }
    // Paced and too few answers: the last cut was not enough, so trim a little more.
    const basis = measured ?? this.rate ?? 1;
    const next = basis * this.cutFactor;
    this.rate = this.clamp(Math.min(next, this.rate ?? Number.POSITIVE_INFINITY));
    // Only a measurement moves the estimate of the limit; a blind trim keeps the old one.
    if (measured !== undefined || this.ceiling === undefined) this.ceiling = Math.max(this.rate / this.cutFactor, this.minRps);
    this.restartMeasurement(now);
    return this.rate;
  }

  /** After a 429: later 429s of requests sent before now are echoes; measure afresh from the gate's end. */
  private restartMeasurement(now: number): void {
    this.lastCutAt = now;
    this.grownAt = Math.max(now, this.pausedUntil);
    this.measureFrom = this.grownAt;
    this.sendingSinceCut = 0;
    this.accepted = [];
  }

  private grow(now: number): void {
    if (this.rate === undefined || this.ceiling === undefined || now <= this.grownAt) return;
    // At most one second per call: an idle spell is no evidence that the server would take more.
    const seconds = Math.min((now - this.grownAt) / 1000, 1);
    // Probing accelerates while no 429 arrives (doubling every 10 s of sending), so a low estimate
    // recovers.
    const probe = PROBE_GROWTH * 2 ** Math.min(this.sendingSinceCut / 10, 8);
    const share = this.rate < 0.95 * this.ceiling ? Math.max(FAST_GROWTH, probe) : probe;
    this.rate = this.clamp(this.rate + share * this.ceiling * seconds);
    // Past the estimate without a 429: the estimate was low (or the budget grew).
    this.ceiling = Math.max(this.ceiling, this.rate);
    this.sendingSinceCut += seconds;
    this.grownAt = now;
  }

  private clamp(rate: number): number {
    return Math.min(Math.max(rate, this.minRps), this.maxRps ?? Number.POSITIVE_INFINITY);
  }

  private trim(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.accepted.length && (this.accepted[drop] ?? now) < cutoff) drop++;
    if (drop > 0) this.accepted.splice(0, drop);
  }
}
