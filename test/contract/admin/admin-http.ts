/**
 * What the second admin server's route handlers share: the parsed request, the reply, its error
 * body (`error` + `error_description`, never `message`: the document shows no error shape) and
 * skip/top paging (default top 10, a top above 50 quietly clamped to 50).
 */
import type { Json } from './admin-fields.js';
import type { AdminState, Writer } from './admin-state.js';

export const DEFAULT_TOP = 10;
export const MAX_TOP = 50;

export interface Ctx {
  method: string;
  /** The path below the API base, e.g. `/skills/3107/agents`. */
  path: string;
  query: URLSearchParams;
  body: Json | undefined;
  by: Exclude<Writer, 'helper'>;
  /** `http://127.0.0.1:port` + the API base this request used (for `_links`). */
  base: string;
  now: number;
  state: AdminState;
  /** Skills whose writes by the client answer 200 with a failure inside. */
  failSkillIds: ReadonlySet<number>;
}

export interface Reply { status: number; body: unknown }

/** Every answer carries this field no document names (a client must ignore what it does not know). */
export const BUSINESS_UNIT = 4_600_123;

export function ok(body: Json): Reply {
  return { status: 200, body: { businessUnitId: BUSINESS_UNIT, ...body } };
}

export function fail(status: number, error: string, description: string, details?: string[]): Reply {
  const body = { error, error_description: `[second-admin] ${description}`, businessUnitId: BUSINESS_UNIT };
  return { status, body: details === undefined ? body : { ...body, errorDetails: details } };
}

export type Paged = { rows: Json[]; skip: number; top: number; more: boolean } | Reply;

/** skip/top paging: top defaults to 10 and is clamped to 50; bad values answer 400. */
export function page(q: URLSearchParams, items: Json[]): Paged {
  const skip = Number(q.get('skip') ?? '0');
  const asked = Number(q.get('top') ?? String(DEFAULT_TOP));
  if (!Number.isInteger(skip) || skip < 0) return fail(400, 'InvalidParameter', 'skip must be an integer of 0 or more');
  if (!Number.isInteger(asked) || asked < 1) return fail(400, 'InvalidParameter', 'top must be a positive integer');
  const top = Math.min(asked, MAX_TOP);
  return { rows: items.slice(skip, skip + top), skip, top, more: skip + top < items.length };
}

export function isReply(p: Paged): p is Reply {
  return 'status' in p;
}

/** The next page's absolute URL: the same query with `skip` advanced. */
export function nextLink(ctx: Ctx, p: { skip: number; top: number }): string {
  return pageLink(ctx, p.skip + p.top, p.top);
}

/** The absolute URL of the page at `skip`: the same query, `skip` and `top` set. */
export function pageLink(ctx: Ctx, skip: number, top: number): string {
  const q = new URLSearchParams(ctx.query);
  q.set('skip', String(skip));
  q.set('top', String(top));
  return `${ctx.base}${ctx.path}?${q.toString()}`;
}

/** A positive integer path or query id, or undefined. */
export function intId(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}
