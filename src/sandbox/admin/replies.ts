/**
 * Answers of the admin dialect: its error body, list paging (`skip`/`top`, `totalRecords`,
 * `_links.next`) and body parsing. admin-api.md gives no error body; docs/sandbox.md says why
 * this one carries both `error_description` and `message`.
 */
import type { FieldError } from '../../errors.js';
import type { Reply } from '../http.js';

/** The dialect's error codes by status. */
const CODES: Record<number, string> = {
  400: 'InvalidParameter',
  401: 'Unauthorized',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
};

/** `{ error, error_description, message, errors? }` with `status`. */
export function adminError(status: number, message: string, errors?: readonly FieldError[]): Reply {
  const body: Record<string, unknown> = { error: CODES[status] ?? 'Error', error_description: message, message };
  if (errors && errors.length > 0) body['errors'] = errors;
  return { status, body };
}

/** A 400 naming every failing field. */
export function invalid(errors: readonly FieldError[]): Reply {
  return adminError(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** A JSON object body, or a 400 reply. Empty body is a 400 too (every admin write needs one). */
export function jsonObject(text: string): Record<string, unknown> | Reply {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid([{ field: 'body', message: text.trim() === '' ? 'a JSON body is required' : 'is not valid JSON' }]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return invalid([{ field: 'body', message: 'must be a JSON object' }]);
  return value as Record<string, unknown>;
}

/** Whether a value is a Reply (the error side of the parsers here). */
export const isReply = (x: unknown): x is Reply => typeof x === 'object' && x !== null && 'status' in x && typeof (x as Reply).status === 'number';

/** A non-negative integer query parameter, its fallback when absent, or a field error. */
export function intQuery(params: URLSearchParams, name: string, fallback: number, min = 0): number | FieldError {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min) return { field: name, message: `must be an integer >= ${min}` };
  return n;
}

/** Paging of one list: `skip` ≥ 0 (default 0), `top` ≥ 1 clamped to `maxTop` (default `maxTop`). */
export interface Paging {
  skip: number;
  top: number;
}

/** Parses `skip`/`top`; a `top` above `maxTop` is clamped (docs/sandbox.md), 0 or garbage is a 400. */
export function paging(params: URLSearchParams, maxTop: number): Paging | Reply {
  const skip = intQuery(params, 'skip', 0);
  const top = intQuery(params, 'top', maxTop, 1);
  const errors = [skip, top].filter((x): x is FieldError => typeof x !== 'number');
  if (errors.length > 0) return invalid(errors);
  return { skip: skip as number, top: Math.min(top as number, maxTop) };
}

/**
 * One page of `all` under `key`, with `totalRecords` and `_links` (`self`, and `next` while records
 * remain) as absolute URLs on the request's own host, other query parameters kept.
 */
export function pageOf<T>(url: URL, host: string, key: string, all: readonly T[], p: Paging, extra: Record<string, unknown> = {}): Reply {
  const link = (skip: number): string => {
    const u = new URL(url.pathname + url.search, host);
    u.searchParams.set('skip', String(skip));
    u.searchParams.set('top', String(p.top));
    return u.toString();
  };
  const links: Record<string, string> = { self: link(p.skip) };
  if (p.skip + p.top < all.length) links['next'] = link(p.skip + p.top);
  return { status: 200, body: { ...extra, totalRecords: all.length, [key]: all.slice(p.skip, p.skip + p.top), _links: links } };
}
