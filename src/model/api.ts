import type { Queue } from './queue.js';
import type { AuditEntry, DistributionRow, Health, QueueMetrics, Skill } from './tenant.js';

/** Counters every client keeps, for logs, reports and benchmarks. */
export interface ClientStats {
  /** HTTP requests sent, retries and the token request included. */
  requests: number;
  /** Requests re-sent after a transient failure. */
  retries: number;
  /** 429 answers received. */
  throttled: number;
  /** Token requests sent. */
  tokenRequests: number;
}

/** What an interrupt (or `--timeout`) found on the wire and what became of it; see HttpTransport. */
export interface InterruptTally {
  /** Writes (PUTs) on the wire when the signal came. */
  writesInFlight: number;
  /** Of those, answered (or failed) since. */
  writesFinished: number;
  /** Writes sent after the signal: 0 by design, counted to prove it. */
  writesSentAfter: number;
}

/** `dateRange` of the analytics queries: ISO-8601 or `now`, `now-Nm`, `now-Nh`, `now-Nd`. */
export interface DateRange {
  startDate: string;
  endDate: string;
}

export interface AuditQuery {
  resourceId?: string;
  startTime: string;
  endTime?: string;
}

/**
 * Everything cxq asks of CXone. The got-based `CxoneClient` implements it; the core only ever sees
 * this interface, so tests may pass a fake.
 *
 * Contract shared by every method: transient failures (429, 500/502/503/504, resets, timeouts) are
 * retried with bounded backoff; anything else throws `ApiError` (or `CredentialsError`) at once;
 * an unreachable API throws `NetworkError`. Lists follow every page before returning.
 */
export interface CxoneApi {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly stats: ClientStats;
  /** Undefined until the run's signal aborted (optional: fakes need not implement it). */
  interruptTally?(): InterruptTally | undefined;

  /** Every live queue, read with the list endpoint at `pageSize` (default 500, the maximum). */
  listQueues(options?: { pageSize?: number }): Promise<Queue[]>;

  /** One queue; throws `ApiError` 404 when it does not exist. */
  getQueue(id: string): Promise<Queue>;

  /**
   * PUT the whole object with `If-Match: version` and the same `version` in the body.
   * Returns the updated queue. A 409 throws `ApiError` (status 409) and is never retried here.
   * A 429/5xx answer is retried (If-Match makes a duplicate impossible: it would 409).
   * A lost answer (reset/timeout after sending) throws `OutcomeUnknownError`: re-read, do not re-send.
   */
  putQueue(queue: Queue, version: number): Promise<Queue>;

  /** Every skill (all pages). */
  listSkills(): Promise<Skill[]>;

  /** `GET /api/v2/health`. */
  health(): Promise<Health>;

  /** Real-time metrics for the given queues, batched at 100 selectors per query. */
  queueDetails(queueIds: readonly string[], range?: DateRange): Promise<QueueMetrics[]>;

  /** Wait-time distribution rows for the given queues, every `nextUri` page followed with POST. */
  queueDistribution(queueIds: readonly string[], range: DateRange): Promise<DistributionRow[]>;

  /** Audit entries for queue updates, every `nextUri` page followed. */
  audit(query: AuditQuery): Promise<AuditEntry[]>;
}
