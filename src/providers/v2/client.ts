/**
 * The CXone client every command uses, implementing `CxoneApi` over `HttpTransport`. Reads use the
 * fewest requests the contract allows (500 queues per page, 100 selectors per analytics query).
 */
import type { Logger } from '../../log.js';
import type { AuditQuery, ClientStats, CxoneApi, DateRange } from '../../model/api.js';
import type { ClientConfig } from './config.js';
import { HttpTransport, type InterruptTally } from '../../transport/http.js';
import { clientCredentials } from './auth.js';
import { V2_FAILURES } from './failures.js';
import { collectPages, type CursorPage } from './paginate.js';
import type { Queue } from '../../model/queue.js';
import type { AuditEntry, DistributionRow, Health, QueueMetrics, Skill } from '../../model/tenant.js';
import * as shapes from './shapes.js';
import type { Shape } from '../../transport/shapes.js';

export const QUEUE_PAGE_SIZE = 500;
export const SKILL_PAGE_SIZE = 100;
export const AUDIT_PAGE_SIZE = 100;
export const DISTRIBUTION_PAGE_SIZE = 500;
/** Most selectors one analytics query may carry (contract). */
export const MAX_SELECTORS = 100;
export const DEFAULT_DETAILS_RANGE: DateRange = { startDate: 'now-5m', endDate: 'now' };
const DETAIL_METRICS = ['occupancy', 'waitTime', 'abandonedCount', 'answeredCount'];
const DISTRIBUTION_METRICS = ['abandonedCount', 'waitTime'];

const QUEUES = '/api/v2/routing/queues';

/**
 * The `CxoneApi` over HTTP (see src/model/api.ts for each method's contract): list endpoints at
 * their largest page size, analytics batched at 100 selectors, every page followed. Every answer's
 * shape is checked (src/providers/v2/shapes.ts) before it is returned: a wrong one throws
 * `ResponseShapeError` (for a PUT, `OutcomeUnknownError`), never an empty result or a default.
 */
export class CxoneClient implements CxoneApi {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly stats: ClientStats = { requests: 0, retries: 0, throttled: 0, tokenRequests: 0 };
  private readonly http: HttpTransport;

  constructor(config: ClientConfig, logger: Logger, signal?: AbortSignal) {
    this.baseUrl = config.baseUrl;
    this.clientId = config.clientId;
    this.http = new HttpTransport(config, logger, this.stats, {
      tokens: (send) => clientCredentials(config, send, logger),
      failures: V2_FAILURES,
      ...(signal === undefined ? {} : { signal }),
    });
  }

  /** After the signal: the writes on the wire then, how many finished, how many were sent after (0). */
  interruptTally(): InterruptTally | undefined {
    return this.http.interruptTally();
  }

  /** Current pace in requests per second (undefined while unpaced): for logs and benches. */
  get paceRps(): number | undefined {
    return this.http.pacer.rps;
  }

  listQueues(options: { pageSize?: number } = {}): Promise<Queue[]> {
    const pageSize = options.pageSize ?? QUEUE_PAGE_SIZE;
    return this.getAll(`${QUEUES}?pageSize=${pageSize}&pageNumber=1`, shapes.QUEUE_PAGE);
  }

  getQueue(id: string): Promise<Queue> {
    return this.http.request({ method: 'GET', path: `${QUEUES}/${encodeURIComponent(id)}` }, shapes.QUEUE);
  }

  putQueue(queue: Queue, version: number): Promise<Queue> {
    return this.http.request(
      {
        method: 'PUT',
        path: `${QUEUES}/${encodeURIComponent(queue.id)}`,
        json: { ...queue, version },
        headers: { 'if-match': String(version) },
      },
      shapes.QUEUE,
    );
  }

  listSkills(): Promise<Skill[]> {
    return this.getAll(`/api/v2/routing/skills?pageSize=${SKILL_PAGE_SIZE}&pageNumber=1`, shapes.SKILL_PAGE);
  }

  health(): Promise<Health> {
    return this.http.request({ method: 'GET', path: '/api/v2/health' }, shapes.HEALTH);
  }

  async queueDetails(queueIds: readonly string[], range: DateRange = DEFAULT_DETAILS_RANGE): Promise<QueueMetrics[]> {
    const batches = await Promise.all(
      chunk(queueIds, MAX_SELECTORS).map((ids) =>
        this.http.request(
          {
            method: 'POST',
            path: '/api/v2/analytics/queues/details/query',
            json: { dateRange: range, groupBy: ['queue'], metrics: DETAIL_METRICS, selectors: selectors(ids) },
          },
          shapes.DETAILS,
        ),
      ),
    );
    return gather(batches.map((b) => b.metrics));
  }

  async queueDistribution(queueIds: readonly string[], range: DateRange): Promise<DistributionRow[]> {
    const batches = await Promise.all(
      chunk(queueIds, MAX_SELECTORS).map((ids) =>
        collectPages<DistributionRow>(
          () =>
            this.http.request(
              {
                method: 'POST',
                path: '/api/v2/analytics/queues/data/query',
                json: {
                  dateRange: range,
                  groupBy: ['waitTimeRange', 'queue'],
                  metrics: DISTRIBUTION_METRICS,
                  selectors: selectors(ids),
                  pageSize: DISTRIBUTION_PAGE_SIZE,
                },
              },
              shapes.DISTRIBUTION_PAGE,
            ),
          // The cursor carries the query: the next page is a POST with an empty body.
          (nextUri) => this.http.request({ method: 'POST', path: nextUri }, shapes.DISTRIBUTION_PAGE),
        ),
      ),
    );
    return gather(batches);
  }

  audit(query: AuditQuery): Promise<AuditEntry[]> {
    const params = new URLSearchParams({
      ...(query.resourceId === undefined ? {} : { resourceId: query.resourceId }),
      resourceType: 'Queue',
      action: 'Update',
      startTime: query.startTime,
      endTime: query.endTime ?? 'now',
      pageSize: String(AUDIT_PAGE_SIZE),
    });
    return this.getAll(`/api/v2/audit?${params.toString()}`, shapes.AUDIT_PAGE);
  }

  private getAll<T>(firstPath: string, shape: Shape<CursorPage<T>>): Promise<T[]> {
    const get = (path: string): Promise<CursorPage<T>> => this.http.request({ method: 'GET', path }, shape);
    return collectPages<T>(() => get(firstPath), get);
  }
}

/**
 * The client for `config`; logs go to `logger` (decisions at info, one line per request at debug).
 * Once `signal` aborts nothing more is sent (see `HttpTransport`).
 */
export function createClient(config: ClientConfig, logger: Logger, signal?: AbortSignal): CxoneClient {
  return new CxoneClient(config, logger, signal);
}

function selectors(ids: readonly string[]): { id: string; type: 'queue' }[] {
  return ids.map((id) => ({ id, type: 'queue' }));
}

/** Concatenates without spreading into a call (a spread of 100,000s of items overflows the stack). */
function gather<T>(parts: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const part of parts) for (const item of part) out.push(item);
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
