/**
 * Queue, skill and health routes of the contract.
 */
import type { IncomingMessage } from 'node:http';
import type { FieldError } from '../errors.js';
import type { Grant } from './auth.js';
import { badRequest, errorReply, intParam, parseJsonObject, type Reply } from './http.js';
import type { FaultInjector } from './limits.js';
import type { SandboxState } from './state.js';

/** Everything a route handler may use. */
export interface RouteContext {
  state: SandboxState;
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  body: string;
  grant: Grant;
  faults: FaultInjector;
}

/** Parses pageSize/pageNumber; a 400 naming both when either is out of range. */
export function paging(params: URLSearchParams, fallbackSize: number): { size: number; number: number } | Reply {
  const size = intParam(params, 'pageSize', { min: 1, max: 500, fallback: fallbackSize });
  const number = intParam(params, 'pageNumber', { min: 1, max: Number.MAX_SAFE_INTEGER, fallback: 1 });
  const errors = [size, number].filter((x): x is FieldError => typeof x !== 'number');
  if (errors.length > 0) return badRequest(errors);
  return { size: size as number, number: number as number };
}

function pageBody<T>(path: string, results: T[], size: number, number: number, total: number): Reply {
  const last = number * size >= total;
  return {
    status: 200,
    body: {
      results,
      pageSize: size,
      pageNumber: number,
      total,
      nextUri: last ? null : `${path}?pageSize=${size}&pageNumber=${number + 1}`,
    },
  };
}

/** `GET /api/v2/routing/queues`: a page in (name, id) order, visible versions. */
export function listQueues(ctx: RouteContext): Reply {
  const p = paging(ctx.url.searchParams, 25);
  if ('status' in p) return p;
  const results = ctx.state.page(p.size, p.number);
  return pageBody('/api/v2/routing/queues', results, p.size, p.number, ctx.state.queueCount);
}

/** `GET /api/v2/routing/queues/{id}`: the visible version, or 404. */
export function getQueue(ctx: RouteContext): Reply {
  const id = ctx.params['id']!;
  const q = ctx.state.visibleQueue(id);
  return q ? { status: 200, body: q } : errorReply(404, `queue ${id} not found`);
}

/** The version an `If-Match` header names (`7`, `"7"`, `W/"7"`), NaN when it names none. */
export function parseIfMatch(header: string): number {
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * `PUT /api/v2/routing/queues/{id}`. Checks in order: 404 unknown queue, 412 no If-Match,
 * 400 body not a JSON object, 409 If-Match or body version ≠ current, 400 field rules. On success
 * the answer may be lost (fault injection) after the write is applied.
 */
export function putQueue(ctx: RouteContext): Reply {
  const id = ctx.params['id']!;
  const current = ctx.state.getQueueVersion(id);
  if (current === undefined) return errorReply(404, `queue ${id} not found`);
  const ifMatch = ctx.req.headers['if-match'];
  if (ifMatch === undefined || ifMatch.trim() === '') {
    return errorReply(412, 'If-Match: <version> is required on PUT; read the queue and send its version');
  }
  const parsed = parseJsonObject(ctx.body);
  if (parsed.error) return parsed.error;
  if (!parsed.value) return badRequest([{ field: 'body', message: 'the whole queue object is required' }]);
  const body = parsed.value;
  const expected = parseIfMatch(ifMatch);
  const bodyVersion = body['version'];
  if (expected !== current || (bodyVersion !== undefined && bodyVersion !== current)) {
    const sent = bodyVersion !== undefined && bodyVersion !== expected ? `If-Match ${ifMatch}, body version ${String(bodyVersion)}` : `version ${ifMatch}`;
    return errorReply(409, `${sent} does not match current version ${current} of queue ${id}: it was changed; re-read it`);
  }
  const r = ctx.state.replaceQueue(id, body, current, ctx.grant.actor);
  if (!r.ok) return r.status === 400 ? badRequest(r.errors ?? [], r.message) : errorReply(r.status, r.message);
  return { status: 200, body: r.queue, lose: ctx.faults.lose() };
}

/** `GET /api/v2/routing/skills`: a page of skills sorted by id. */
export function listSkills(ctx: RouteContext): Reply {
  const p = paging(ctx.url.searchParams, 25);
  if ('status' in p) return p;
  const all = ctx.state.skills();
  const start = (p.number - 1) * p.size;
  return pageBody('/api/v2/routing/skills', all.slice(start, start + p.size), p.size, p.number, all.length);
}

/** `GET /api/v2/health`. */
export function health(ctx: RouteContext): Reply {
  return { status: 200, body: ctx.state.health() };
}
