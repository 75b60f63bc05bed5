/**
 * Adaptive request pacing shared by every request of one client. Pure: time is passed in, nothing
 * sleeps here (the HTTP layer asks `acquire(now)` and waits what it is told). The algorithm is
 * AIMD with a remembered ceiling (the shape of TCP CUBIC: concave back to the last limit, convex
 * beyond it), documented with its constants and their reasons in docs/client.md:
 *
 * - Unpaced (or at `maxRps`) until the first 429.
 * - A 429 of a request sent after the last cut is a new overload: the rate is cut to
 *   `CUT` × min(pace at the 429, accepted rate measured since the last cut). The measurement counts
 *   when it spans at least `MIN_SPAN_MS` with `MIN_SAMPLES` answers; otherwise the pace alone (or,
 *   unpaced, what was accepted, even one request) is the basis and the ceiling stays unknown.
 *   Slow start ends at the first such cut: the ceiling is the pace of the 429, or, when the server
 *   took a burst (`BURST_SEEN`) before its first 429, the exit rate (the pace overshot the burst).
 *   429s of requests sent before the cut are echoes of the same overload: they only extend the gate.
 * - `Retry-After` closes a gate for every request until it expires; when it opens, requests leave
 *   one at a time at the pace (the schedule restarts at the gate's end).
 * - Spacing is kept from when each request actually left (`onSent`), and after a gate a late
 *   timer never catches up closer than the spacing of `NEAR` × the rate that was refused.
 * - Growth without 429s (time spent sending only; idle time is no evidence):
 *   - ceiling unknown: slow start, the rate doubles every `SLOW_START_DOUBLING_MS`;
 *   - below `NEAR` × ceiling: back towards it, `RECOVER` of the gap per second (concave);
 *   - near or above it: probe, `PROBE` × ceiling per second, doubling every `PROBE_DOUBLING_S` of
 *     sending without a 429 (convex), so a low estimate or a budget that grew is found again.
 * - A known budget (`maxRps`) paces from the first request and is never exceeded.
 */

export interface PacerOptions {
  /** Known requests-per-second budget; paced from the start and never exceeded. */
  maxRps?: number;
  /** Width of the accepted-rate measurement window. */
  windowMs?: number;
  /** Share of the overload rate to pace at after a 429. */
  cutFactor?: number;
  /** Lowest rate the pacer ever falls to. */
  minRps?: number;
  /**
   * The caller reports when each request actually left (`onSent`): the next one is spaced from
   * that time, and an acquired request not yet reported holds the next (for up to `UNSENT_HOLD_MS`).
   */
  confirmSends?: boolean;
}

export const PACER_CONSTANTS = {
  WINDOW_MS: 4_000,
  /** A measurement this long without a 429 shows a rate the server sustains. */
  SUSTAINED_SPAN_MS: 3_000,
  CUT: 0.9,
  MIN_RPS: 0.5,
  MIN_SPAN_MS: 1_000,
  MIN_SAMPLES: 5,
  /** Without Retry-After, 429s for this long after a cut are echoes of the same overload. */
  NO_RETRY_AFTER_HOLD_MS: 1_000,
  /** The deepest single cut, as a share of the pace (a 429 storm never drops the rate to nothing at once). */
  MIN_SHARE: 0.2,
  /** Above this share of the sent accepted, an overload is marginal: cut from the pace. */
  MARGINAL_SHARE: 0.9,
  /** Slow start begins at no less than this after a first 429 with nothing to measure. */
  START_RPS: 4,
  SLOW_START_DOUBLING_MS: 300,
  /** Leaving slow start: the rate the overload was seen at is an upper bound; restart from half. */
  SLOW_START_EXIT: 0.5,
  /**
   * Accepted before the first 429 (unpaced), at least this many: the server holds a burst, so slow
   * start overshot by more than a doubling and the ceiling is the exit rate, not the overshoot.
   */
  BURST_SEEN: 2,
  NEAR: 0.97,
  /**
   * After a 429 with Retry-After, recovery aims this far below the ceiling: a gate costs a whole
   * Retry-After (1 s at 20 req/s = 20 requests), so a few % of pace is the cheaper insurance against
   * arrivals bunched by timer, scheduler or network jitter (a burst-1 bucket refuses any gap < 1/R).
   */
  NEAR_AFTER_GATE: 0.92,
  /** An acquired request not reported sent holds the next for at most this long (then it is presumed gone). */
  UNSENT_HOLD_MS: 250,
  RECOVER: 1,
  /** Probe start, per second as a share of the ceiling, by how often the ceiling was found (as below). */
  PROBE: [0.02, 0.003, 0.003],
  /**
   * Probe doubling time by how often the ceiling was found again since slow start: a ceiling seen
   * once may be a fluke (a jittery server refusing two requests that arrived close together), so
   * the probe accelerates quickly; a confirmed one is approached slowly, since every 429 costs a gate.
   */
  PROBE_DOUBLING_S: [2, 6, 10],
  /** A late timer may send at most this share of an interval early next time (schedule kept); after a gate see `minGap`. */
  CATCH_UP: 0.02,
} as const;

const C = PACER_CONSTANTS;

/** The pacer described above: one per client, shared by all its requests; time is passed in. */
export class Pacer {
  private readonly maxRps: number | undefined;
  private readonly windowMs: number;
  private readonly cutFactor: number;
  private readonly minRps: number;
  /** Current rate in requests per second; undefined = not paced (no budget known, no 429 yet). */
  private rate: number | undefined;
  /** Estimate of the server's limit (rate of the last overload); undefined = unknown: slow start. */
  private ceiling: number | undefined;
  private nextAt = Number.NEGATIVE_INFINITY;
  private readonly confirmSends: boolean;
  /** When the last request left (reported by `onSent`, or acquired). */
  private lastSentAt = Number.NEGATIVE_INFINITY;
  /** When the latest acquired request not yet reported sent was acquired. */
  private unsentSince: number | undefined;
  /** A 429 with Retry-After was seen: the limit is tight; catch-up is bounded by the refused rate, recovery keeps a margin. */
  private gated = false;
  /** The pace at the last overload past slow start: requests closer than its interval were refused. */
  private refusedRps: number | undefined;
  private pausedUntil = Number.NEGATIVE_INFINITY;
  /** 429s of requests sent up to here belong to the overload already answered by a cut. */
  private echoUntil = Number.NEGATIVE_INFINITY;
  private measureFrom = Number.NEGATIVE_INFINITY;
  private grownAt = 0;
  /** Seconds of sending (idle spells excluded) since the last cut. */
  private sendingSinceCut = 0;
  private accepted: number[] = [];
  private sent: number[] = [];
  private cuts = 0;
  /** Answers accepted, unpaced, before the first 429 (about a token bucket's burst). */
  private firstBurst = 0;
  /** Cuts since slow start ended (how often the ceiling was found). */
  private confirmations = 0;

  constructor(options: PacerOptions = {}) {
    this.maxRps = options.maxRps;
    this.windowMs = options.windowMs ?? C.WINDOW_MS;
    this.cutFactor = options.cutFactor ?? C.CUT;
    this.minRps = Math.min(options.minRps ?? C.MIN_RPS, options.maxRps ?? Number.POSITIVE_INFINITY);
    this.rate = options.maxRps;
    this.confirmSends = options.confirmSends ?? false;
  }

  /** Current pace in requests per second, or undefined while unpaced. */
  get rps(): number | undefined {
    return this.rate;
  }

  /** The current estimate of the server's limit (undefined while unknown). */
  get limitRps(): number | undefined {
    return this.ceiling;
  }

  /** Overloads seen (429s that cut the rate). */
  get cutCount(): number {
    return this.cuts;
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
    if (now < this.pausedUntil) return Math.ceil(this.pausedUntil - now);
    if (this.rate === undefined) return 0;
    this.grow(now);
    const interval = 1000 / this.rate;
    // Spaced from when the previous request actually left, not from a schedule a late timer
    // catches up on: a request acquired but not yet on the wire (an event-loop stall between the
    // two) counts as leaving now, so it and the next cannot reach the server together.
    const unsent = this.unsentSince !== undefined && now - this.unsentSince < C.UNSENT_HOLD_MS;
    const gap = this.minGap(interval);
    const earliest = Math.max(this.nextAt, (unsent ? now : this.lastSentAt) + gap);
    if (now < earliest) return Math.max(1, Math.ceil(earliest - now));
    // A timer firing late keeps the schedule (the average pace survives late timers), but the next
    // request never leaves closer than `gap` after this one; after a stall of an interval or more
    // the schedule restarts (no catch-up burst).
    this.nextAt = now - this.nextAt < interval ? Math.max(this.nextAt + interval, now + gap) : now + interval;
    this.lastSentAt = now;
    if (this.confirmSends) this.unsentSince = now;
    this.sent.push(now);
    return 0;
  }

  /**
   * The closest two requests may leave. Before any gate: `CATCH_UP` of an interval early. After a
   * gate: never closer than the interval of `NEAR` × the pace of the last overload (late timers are
   * caught up below the rate that was refused, never up to it), and never closer than one interval
   * when pacing at or above that.
   */
  private minGap(interval: number): number {
    const early = interval * (1 - C.CATCH_UP);
    if (!this.gated || this.refusedRps === undefined) return early;
    return Math.min(interval, Math.max(early, 1000 / (C.NEAR * this.refusedRps)));
  }

  /**
   * Records that a request left at `now` (its bytes went to the socket); only with `confirmSends`.
   * The next request is spaced from here, and no longer held by this one.
   */
  onSent(now: number): void {
    this.lastSentAt = Math.max(this.lastSentAt, now);
    this.unsentSince = undefined;
  }

  /** Records an answer that was not a 429 (the server accepted the request for processing). */
  onAccepted(now: number): void {
    this.accepted.push(now);
    this.trim(now);
  }

  /**
   * Records a 429 for a request sent at `sentAt`. Closes the gate for `retryAfterMs` (if given) and
   * cuts the rate once per overload (see the file comment). Returns the new pace (requests per second).
   */
  onThrottled(now: number, sentAt: number, retryAfterMs?: number): number | undefined {
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
      // Released one at a time at the pace from the gate's end, never all at once.
      this.nextAt = Math.max(this.nextAt, this.pausedUntil);
      this.gated = true;
    }
    if (sentAt <= this.echoUntil) return this.rate;
    this.trim(now);
    const measured = this.measure(now);
    const pace = this.rate;
    if (pace === undefined) {
      // The first 429, unpaced: pace from what was accepted, even a single request (or nothing),
      // and find the limit by slow start.
      this.rate = this.clamp(Math.max(measured.rps * this.cutFactor, C.START_RPS));
      this.firstBurst = this.accepted.length;
    } else if (this.ceiling === undefined && this.maxRps === undefined) {
      if (this.accepted.length > 0) {
        // Slow start overshot: the limit is below the pace we were at, maybe by up to a doubling.
        this.rate = this.clamp(Math.max(pace * C.SLOW_START_EXIT, measured.reliable ? measured.rps * this.cutFactor : 0));
        // A server that took a burst before its first 429 let slow start run past its limit until
        // that burst was spent (burst R/5 at 50 req/s: to 2.4 × R), so the pace is no bound there:
        // the climb back aims at the exit rate (or what was accepted), not at the overshoot.
        const burst = this.firstBurst >= C.BURST_SEEN && measured.reliable;
        this.ceiling = burst ? Math.max(this.rate, Math.min(pace, measured.rps)) : pace;
      } else {
        // Refused before anything was accepted since the last cut: too early to call it a limit.
        this.rate = this.clamp(pace * this.cutFactor);
      }
    } else {
      // Of what we sent since the last cut, the share the server accepted scales the pace: a
      // marginal overload (nearly all accepted) cuts from the pace; a budget taken by another
      // client (many refused) cuts to what was accepted. Never below half the pace at once.
      const basis =
        !measured.reliable || measured.share >= C.MARGINAL_SHARE ? pace : Math.max(measured.rps, Math.min(pace, measured.sentRps) * C.MIN_SHARE);
      this.rate = this.clamp(basis * this.cutFactor);
      // Past slow start the way back up is quick only to a rate the server was seen to sustain
      // (seconds of answers without a 429: the 429 was a collision of two close arrivals on a
      // jittery link, not a limit); above that only the probe climbs.
      const sustained = measured.reliable && measured.spanMs >= C.SUSTAINED_SPAN_MS && measured.share >= C.MARGINAL_SHARE;
      this.ceiling = Math.max(this.rate, sustained ? Math.min(measured.rps, pace) : 0);
      this.refusedRps = pace;
      this.confirmations += 1;
    }
    // The next request waits one interval of the new pace (or the gate): never straight back.
    this.nextAt = Math.max(this.nextAt, this.pausedUntil, now + 1000 / (this.rate ?? 1));
    this.cuts += 1;
    // Without Retry-After nothing says how long the overload lasts (a fixed window refuses until
    // it ends): refusals within the next second are taken as the same overload.
    this.echoUntil = retryAfterMs === undefined ? now + C.NO_RETRY_AFTER_HOLD_MS : now;
    this.grownAt = Math.max(now, this.pausedUntil, this.echoUntil);
    this.measureFrom = this.grownAt;
    this.sendingSinceCut = 0;
    this.accepted = [];
    this.sent = [];
    return this.rate;
  }

  /** Accepted answers per second since the last cut (at most `windowMs` back), and their share of the sent. */
  private measure(now: number): { rps: number; sentRps: number; share: number; spanMs: number; reliable: boolean } {
    const from = Math.max(this.measureFrom, now - this.windowMs, this.accepted[0] ?? now);
    const span = now - from;
    const n = this.accepted.length;
    const sent = this.sent.filter((t) => t >= from).length;
    // Less than a second of history counts as one second: a burst is not a sustainable rate.
    const rps = (n * 1000) / Math.max(span, C.MIN_SPAN_MS);
    const share = sent > 0 ? n / sent : 1;
    const sentRps = (sent * 1000) / Math.max(span, C.MIN_SPAN_MS);
    return { rps, sentRps, share, spanMs: span, reliable: n >= C.MIN_SAMPLES && span >= C.MIN_SPAN_MS * 0.9 };
  }

  private grow(now: number): void {
    if (this.rate === undefined || now <= this.grownAt) return;
    // At most one second per call: an idle spell is no evidence that the server would take more.
    const seconds = Math.min((now - this.grownAt) / 1000, 1);
    this.grownAt = now;
    if (this.maxRps !== undefined && this.rate >= this.maxRps) return;
    this.sendingSinceCut += seconds;
    if (this.ceiling === undefined) {
      this.rate = this.clamp(this.rate * 2 ** ((seconds * 1000) / C.SLOW_START_DOUBLING_MS));
      return;
    }
    const near = this.gated ? C.NEAR_AFTER_GATE : C.NEAR;
    if (this.rate < near * this.ceiling) {
      const target = near * this.ceiling;
      this.rate = this.clamp(Math.min(target, this.rate + (this.ceiling - this.rate) * C.RECOVER * seconds));
      return;
    }
    const level = Math.min(this.confirmations, C.PROBE.length - 1);
    const doubling = C.PROBE_DOUBLING_S[level] ?? 10;
    const probe = (C.PROBE[level] ?? 0.003) * 2 ** Math.min(this.sendingSinceCut / doubling, 6);
    this.rate = this.clamp(this.rate + probe * this.ceiling * seconds);
    // Past the estimate without a 429: the estimate was low (or the budget grew).
    this.ceiling = Math.max(this.ceiling, this.rate);
  }

  private clamp(rate: number): number {
    return Math.min(Math.max(rate, this.minRps), this.maxRps ?? Number.POSITIVE_INFINITY);
  }

  private trim(now: number): void {
    const cutoff = now - this.windowMs;
    for (const list of [this.accepted, this.sent]) {
      let drop = 0;
      while (drop < list.length && (list[drop] ?? now) < cutoff) drop++;
      if (drop > 0) list.splice(0, drop);
    }
  }
}
