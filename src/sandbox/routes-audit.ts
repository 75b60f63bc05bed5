/**
 * `GET /api/v2/audit`: filtered, oldest first, paged with a cursor `nextUri` followed with GET.
 */
import type { AuditEntry } from '../model/tenant.js';
import type { FieldError } from '../errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { badRequest, intParam, type Reply } from './http.js';
import type { RouteContext } from './routes-queues.js';
import { parseTimeExpr } from './time.js';

interface AuditQuery {
  resourceId?: string;
  resourceType?: string;
  action?: string;
  /** Epoch ms bounds, inclusive; relative forms are resolved once, at the first page. */
  start?: number;
  end?: number;
  pageSize: number;
  offset: number;
}

function parseQuery(params: URLSearchParams, now: Date): AuditQuery | Reply {
  const errors: FieldError[] = [];
  const pageSize = intParam(params, 'pageSize', { min: 1, max: 500, fallback: 100 });
  if (typeof pageSize !== 'number') errors.push(pageSize);
  const time = (name: string): number | undefined => {
    const raw = params.get(name);
    if (raw === null || raw === '') return undefined;
    const t = parseTimeExpr(raw, now);
    if (!t) errors.push({ field: name, message: 'must be ISO-8601 or now, now-Nm, now-Nh, now-Nd' });
    return t?.getTime();
  };
  const query: AuditQuery = { pageSize: typeof pageSize === 'number' ? pageSize : 100, offset: 0 };
  const start = time('startTime');
  const end = time('endTime');
  if (start !== undefined) query.start = start;
  if (end !== undefined) query.end = end;
  for (const key of ['resourceId', 'resourceType', 'action'] as const) {
    const v = params.get(key);
    if (v !== null && v !== '') query[key] = v;
  }
  return errors.length > 0 ? badRequest(errors) : query;
}

function matches(e: AuditEntry, q: AuditQuery): boolean {
  const t = Date.parse(e.timestamp);
  return (
    (q.resourceId === undefined || e.resourceId === q.resourceId) &&
    (q.resourceType === undefined || e.resourceType === q.resourceType) &&
    (q.action === undefined || e.action === q.action) &&
    (q.start === undefined || t >= q.start) &&
    (q.end === undefined || t <= q.end)
  );
}

/** Answers one audit page; `?cursor=` replaces every other parameter. 400 for a bad time or pageSize. */
export function auditList(ctx: RouteContext): Reply {
  const cursor = ctx.url.searchParams.get('cursor');
  let query: AuditQuery | Reply;
  if (cursor !== null) {
    const q = decodeCursor(cursor) as AuditQuery | undefined;
    query = q && Number.isInteger(q.offset) && Number.isInteger(q.pageSize) ? q : badRequest([{ field: 'cursor', message: 'is not a cursor this server issued' }]);
  } else {
    query = parseQuery(ctx.url.searchParams, ctx.state.now());
  }
  if ('status' in query) return query;
  const q = query;
  const all = ctx.state.auditLog().filter((e) => matches(e, q));
  const next = q.offset + q.pageSize;
  const nextUri = next < all.length ? `/api/v2/audit?cursor=${encodeCursor({ ...q, offset: next })}` : null;
  return { status: 200, body: { results: all.slice(q.offset, next), pageSize: q.pageSize, total: all.length, nextUri } };
}
