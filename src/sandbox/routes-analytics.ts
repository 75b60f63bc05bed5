/**
 * Analytics routes: real-time details per queue, and the wait-time distribution with a cursor
 * that is followed with `POST {nextUri}` and an empty body.
 */
import type { FieldError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { badRequest, parseJsonObject, type Reply } from './http.js';
import { detailsRow, distributionRows, queueLoad } from './metrics.js';
import type { RouteContext } from './routes-queues.js';
import { parseTimeExpr } from './time.js';

const MAX_SELECTORS = 100;
const DATA_PATH = '/api/v2/analytics/queues/data/query';

/** Selector ids (deduplicated, in order) or field errors. */
function selectorIds(raw: unknown, errors: FieldError[]): string[] {
  if (!Array.isArray(raw)) {
    errors.push({ field: 'selectors', message: 'must be an array of { id, type: "queue" }' });
    return [];
  }
  if (raw.length > MAX_SELECTORS) {
    errors.push({ field: 'selectors', message: `at most ${MAX_SELECTORS} selectors per query (got ${raw.length})` });
  }
  const ids: string[] = [];
  raw.forEach((s: unknown, i) => {
    const sel = s as Record<string, unknown> | null;
    if (sel === null || typeof sel !== 'object' || typeof sel['id'] !== 'string') {
      errors.push({ field: `selectors[${i}].id`, message: 'must be a string' });
    } else if (sel['type'] !== undefined && sel['type'] !== 'queue') {
      errors.push({ field: `selectors[${i}].type`, message: 'must be "queue"' });
    } else if (!ids.includes(sel['id'])) ids.push(sel['id']);
  });
  return ids;
}

/** The window [start, end] in epoch ms, or field errors. */
function window(raw: unknown, fallbackStart: string, now: Date, errors: FieldError[]): [number, number] {
  const range = (raw ?? { startDate: fallbackStart, endDate: 'now' }) as Record<string, unknown>;
  const start = typeof range['startDate'] === 'string' ? parseTimeExpr(range['startDate'], now) : undefined;
  const end = typeof range['endDate'] === 'string' ? parseTimeExpr(range['endDate'], now) : undefined;
  if (!start) errors.push({ field: 'dateRange.startDate', message: 'must be ISO-8601 or now, now-Nm, now-Nh, now-Nd' });
  if (!end) errors.push({ field: 'dateRange.endDate', message: 'must be ISO-8601 or now, now-Nm, now-Nh, now-Nd' });
  if (start && end && end.getTime() <= start.getTime()) {
    errors.push({ field: 'dateRange', message: 'endDate must be after startDate' });
  }
  return [start?.getTime() ?? 0, end?.getTime() ?? 0];
}

/**
 * `POST /api/v2/analytics/queues/details/query`: echoes the selectors; one metrics row per known
 * queue (unknown ids are omitted). 400 for more than 100 selectors or a bad dateRange.
 */
export function analyticsDetails(ctx: RouteContext): Reply {
  const parsed = parseJsonObject(ctx.body);
  if (parsed.error) return parsed.error;
  const body = parsed.value ?? {};
  const errors: FieldError[] = [];
  const ids = selectorIds(body['selectors'], errors);
  const [start, end] = window(body['dateRange'], 'now-5m', ctx.state.now(), errors);
  if (errors.length > 0) return badRequest(errors);
  const seconds = (end - start) / 1000;
  const metrics = ids.flatMap((id) => {
    const q = ctx.state.visibleQueue(id);
    return q ? [detailsRow(id, queueLoad(id, seconds, q.maxWaitTime))] : [];
  });
  return { status: 200, body: { selectors: body['selectors'], metrics } };
}

interface DataQuery {
  ids: string[];
  start: number;
  end: number;
  pageSize: number;
  offset: number;
}

function parseDataQuery(body: Record<string, unknown>, now: Date): DataQuery | Reply {
  const errors: FieldError[] = [];
  const groupBy = body['groupBy'];
  if (
    groupBy !== undefined &&
    (!Array.isArray(groupBy) || groupBy.length !== 2 || !groupBy.includes('waitTimeRange') || !groupBy.includes('queue'))
  ) {
    errors.push({ field: 'groupBy', message: 'must be ["waitTimeRange", "queue"]' });
  }
  const ids = selectorIds(body['selectors'], errors);
  const [start, end] = window(body['dateRange'], 'now-7d', now, errors);
  const pageSize = body['pageSize'] ?? 50;
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) {
    errors.push({ field: 'pageSize', message: 'must be an integer from 1 to 500' });
  }
  if (errors.length > 0) return badRequest(errors);
  return { ids, start, end, pageSize: pageSize as number, offset: 0 };
}

function fromCursor(cursor: string): DataQuery | Reply {
  const q = decodeCursor(cursor) as Partial<DataQuery> | undefined;
  const ok = q && Array.isArray(q.ids) && [q.start, q.end, q.pageSize, q.offset].every((n) => Number.isInteger(n));
  return ok ? (q as DataQuery) : badRequest([{ field: 'cursor', message: 'is not a cursor this server issued' }]);
}

/**
 * `POST /api/v2/analytics/queues/data/query`: six `waitTimeRange` rows per known queue, `pageSize`
 * rows per page. With `?cursor=` the body is ignored (normally empty) and the cursor's query runs.
 */
export function analyticsData(ctx: RouteContext): Reply {
  const cursor = ctx.url.searchParams.get('cursor');
  let query: DataQuery | Reply;
  if (cursor !== null) {
    query = fromCursor(cursor);
  } else {
    const parsed = parseJsonObject(ctx.body);
    query = parsed.error ?? parseDataQuery(parsed.value ?? {}, ctx.state.now());
  }
  if ('status' in query) return query;
  const seconds = (query.end - query.start) / 1000;
  const rows = query.ids.flatMap((id) => {
    const q = ctx.state.visibleQueue(id);
    return q ? distributionRows(id, queueLoad(id, seconds, q.maxWaitTime), q.maxWaitTime) : [];
  });
  const next = query.offset + query.pageSize;
  const nextUri = next < rows.length ? `${DATA_PATH}?cursor=${encodeCursor({ ...query, offset: next })}` : null;
  return { status: 200, body: { results: rows.slice(query.offset, next), nextUri } };
}
