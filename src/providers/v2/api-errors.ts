/**
 * Turns a non-2xx answer into the project's typed errors, with a hint per status that says what to
 * do (the seed's "Common Errors", completed by the contract's table). Pure.
 */
import { ApiError, CredentialsError, type FieldError } from '../../errors.js';
import { ALL_SCOPES, type Scope } from './types.js';

/** The contract's error body, as far as it could be read. */
export interface ErrorBody {
  code: string;
  message: string;
  errors: FieldError[];
}

const CREDENTIAL_VARS = 'CXONE_CLIENT_ID and CXONE_CLIENT_SECRET (or CXONE_CLIENT_SECRET_FILE)';

/**
 * Reads the contract's `{status, code, message, errors}` body. Copes with a non-JSON or partial
 * body (a proxy's HTML page): the code becomes `http.<status>` and the message a short excerpt.
 */
export function parseErrorBody(status: number, body: unknown): ErrorBody {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      value = undefined;
    }
  }
  const obj = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const code = typeof obj['code'] === 'string' && obj['code'] !== '' ? obj['code'] : `http.${status}`;
  const text = typeof body === 'string' ? body.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  // `error_description`/`error`: the OAuth-style bodies token endpoints (and the admin dialect) answer.
  const message = [obj['message'], obj['error_description'], obj['error']].find((m): m is string => typeof m === 'string' && m !== '') ?? (text || 'no error message');
  const errors = Array.isArray(obj['errors'])
    ? obj['errors'].flatMap((e): FieldError[] =>
        typeof e === 'object' && e !== null
          ? [{ field: String((e as FieldError).field ?? '?'), message: String((e as FieldError).message ?? '') }]
          : [],
      )
    : [];
  return { code, message, errors };
}

/** The scope the contract requires for an endpoint (path without query), or undefined if unknown. */
export function scopeFor(method: string, path: string): Scope | undefined {
  const p = path.split('?')[0] ?? path;
  if (p.startsWith('/api/v2/routing/queues')) return method === 'PUT' ? 'routing:queues:write' : 'routing:queues:read';
  if (p.startsWith('/api/v2/routing/skills')) return 'routing:queues:read';
  if (p.startsWith('/api/v2/analytics/queues/details')) return 'analytics:queues:read';
  if (p.startsWith('/api/v2/analytics/queues/data')) return 'analytics:conversations:read';
  if (p.startsWith('/api/v2/audit')) return 'audit:read';
  if (p.startsWith('/api/v2/health')) return 'health:read';
  return undefined;
}

/** The scope a 403 names: the one in the server's message if any, else the contract's for the endpoint. */
export function missingScope(method: string, path: string, serverMessage: string): string | undefined {
  return ALL_SCOPES.find((s) => serverMessage.includes(s)) ?? scopeFor(method, path);
}

/**
 * The typed error for a non-2xx answer to an API call (not the token endpoint). `attempts` is how many
 * times the request was sent, for the messages of statuses that were retried.
 */
export function apiError(status: number, body: ErrorBody, method: string, path: string, attempts = 1): ApiError {
  const args = [status, body.code, body.message, method, path, body.errors] as const;
  if (status === 401) {
    return new CredentialsError(...args, {
      hint: `The token was refused even after a fresh one was fetched: check ${CREDENTIAL_VARS} and that the API client still has the scopes ${ALL_SCOPES.join(' ')}.`,
    });
  }
  return new ApiError(...args, { hint: hintFor(status, body, method, path, attempts) });
}

/**
 * The typed error for an answer got accepted although it is not a 2xx: a 3xx (redirects are
 * never followed, since following one could take the token elsewhere) or a 1xx/304. The message
 * names the status and, for a redirect, only the host it points to (never a full URL: its query
 * may hold anything); `scrub` is applied to that host.
 */
export function statusError(
  status: number,
  statusMessage: string | undefined,
  location: string | undefined,
  baseUrl: string,
  call: { method: string; path: string },
  scrub: (text: string) => string,
): ApiError {
  const text = `${status}${statusMessage ? ` ${statusMessage}` : ''}`;
  const target = location === undefined ? '' : ` (redirect to ${scrub(redirectHost(location, baseUrl))})`;
  const isRedirect = status >= 300 && status <= 399;
  const message = `the server answered ${text}${target}${isRedirect ? '; cxq does not follow redirects' : ''}`;
  return new ApiError(status, `http.${status}`, message, call.method, call.path, [], {
    hint: 'Check --base-url / CXONE_BASE_URL / CXONE_REGION: it must be the CXone API host itself (e.g. https://us-1.api.cxm.nice.incontact.com), not a login page or a proxy that redirects.',
  });
}

function redirectHost(location: string, baseUrl: string): string {
  try {
    const url = new URL(location, baseUrl);
    return url.host === new URL(baseUrl).host ? `a path on ${url.host}` : url.host;
  } catch {
    return 'an unreadable location';
  }
}

/** The typed error for a refusal by the token endpoint: always a credentials problem. */
export function tokenError(status: number, body: ErrorBody, path: string): CredentialsError {
  const scopes = ALL_SCOPES.join(' ');
  const hint =
    body.code === 'invalid_scope'
      ? `The API client is not allowed the scopes requested (${scopes}): grant them to the client in CXone.`
      : `Check ${CREDENTIAL_VARS}; the scopes requested were: ${scopes}.`;
  return new CredentialsError(status, body.code, body.message, 'POST', path, body.errors, { hint });
}

function hintFor(status: number, body: ErrorBody, method: string, path: string, attempts: number): string | undefined {
  switch (status) {
    case 400:
      return body.errors.length > 0
        ? `The server rejected ${body.errors.map((e) => e.field).join(', ')}: fix the definition (cxq validate) and retry.`
        : 'The server rejected the request; check the definition against the field rules (cxq validate).';
    case 403: {
      const scope = missingScope(method, path, body.message);
      return `The API client lacks the scope ${scope ?? 'this endpoint needs'}: grant it to the client in CXone, then retry.`;
    }
    case 404:
      return path.startsWith('/api/v2/routing/queues/')
        ? 'The queue no longer exists in CXone (deleted since it was read?): run cxq plan again.'
        : 'The endpoint was not found: check the base URL (CXONE_BASE_URL / CXONE_REGION / --base-url).';
    case 409:
      return 'Someone else changed this queue since it was read: run cxq plan again to see their change, then apply.';
    case 412:
      return 'The server required If-Match and did not get it; this is a cxq bug, please report it.';
    case 429:
      return `Still rate limited after ${attempts} attempt(s): lower --concurrency, set --max-rps (or CXONE_MAX_RPS) to your budget, or retry later.`;
    default:
      if (status >= 300 && status <= 399) return 'cxq does not follow redirects: check --base-url / CXONE_BASE_URL / CXONE_REGION.';
      if (status >= 500) return `CXone answered ${status} ${attempts} time(s): it may be degraded; retry later.`;
      return undefined;
  }
}
