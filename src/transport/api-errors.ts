/**
 * The dialect-neutral part of turning a non-2xx answer into the project's typed errors: reading the
 * error body, the generic error per status (a dialect adds its own hints through the transport's
 * failure hooks) and the error for a 3xx/1xx answer. Pure.
 */
import { ApiError, CredentialsError, type FieldError } from '../errors.js';

/** The contract's error body, as far as it could be read. */
export interface ErrorBody {
  code: string;
  message: string;
  errors: FieldError[];
}

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

/** The call an answer belongs to, for the dialect's error. */
export interface AnsweredCall {
  method: string;
  /** Path without the base URL (query included). */
  path: string;
  /** How many times the request was sent, for the messages of statuses that were retried. */
  attempts: number;
}

const STATUS_HINT = 'Check the configured base URL: it must be the CXone API host itself, not a login page or a proxy that redirects.';

/**
 * The generic typed error for a non-2xx answer: CredentialsError for a 401 (the token was refused
 * even after a fresh one), ApiError otherwise, with a hint that names no dialect's settings.
 */
export function answerError(status: number, body: ErrorBody, call: AnsweredCall): ApiError {
  const args = [status, body.code, body.message, call.method, call.path, body.errors] as const;
  if (status === 401) {
    return new CredentialsError(...args, { hint: 'The token was refused even after a fresh one was fetched: check the credentials and their permissions.' });
  }
  return new ApiError(...args, { hint: genericHint(status, body, call.attempts) });
}

function genericHint(status: number, body: ErrorBody, attempts: number): string | undefined {
  switch (status) {
    case 400:
      return body.errors.length > 0
        ? `The server rejected ${body.errors.map((e) => e.field).join(', ')}: fix the definition (cxq validate) and retry.`
        : 'The server rejected the request; check the definition against the field rules (cxq validate).';
    case 403:
      return 'The credentials lack a permission this endpoint needs: grant it in CXone, then retry.';
    case 404:
      return 'The endpoint was not found: check the configured base URL.';
    case 409:
      return 'Someone else changed this since it was read: run cxq plan again to see their change, then apply.';
    case 412:
      return 'The server required If-Match and did not get it; this is a cxq bug, please report it.';
    case 429:
      return `Still rate limited after ${attempts} attempt(s): lower --concurrency, set --max-rps (or CXONE_MAX_RPS) to your budget, or retry later.`;
    default:
      if (status >= 300 && status <= 399) return 'cxq does not follow redirects: check the configured base URL.';
      if (status >= 500) return `CXone answered ${status} ${attempts} time(s): it may be degraded; retry later.`;
      return undefined;
  }
}

/**
 * The typed error for an answer got accepted although it is not a 2xx: a 3xx (redirects are
 * never followed, since following one could take the token elsewhere) or a 1xx/304. The message
 * names the status and, for a redirect, only the host it points to (never a full URL: its query
 * may hold anything); `scrub` is applied to that host. `hint` is the dialect's (where its base URL
 * is set), else a neutral one.
 */
export function statusError(
  status: number,
  statusMessage: string | undefined,
  location: string | undefined,
  baseUrl: string,
  call: { method: string; path: string },
  scrub: (text: string) => string,
  hint: string = STATUS_HINT,
): ApiError {
  const text = `${status}${statusMessage ? ` ${statusMessage}` : ''}`;
  const target = location === undefined ? '' : ` (redirect to ${scrub(redirectHost(location, baseUrl))})`;
  const isRedirect = status >= 300 && status <= 399;
  const message = `the server answered ${text}${target}${isRedirect ? '; cxq does not follow redirects' : ''}`;
  return new ApiError(status, `http.${status}`, message, call.method, call.path, [], { hint });
}

function redirectHost(location: string, baseUrl: string): string {
  try {
    const url = new URL(location, baseUrl);
    return url.host === new URL(baseUrl).host ? `a path on ${url.host}` : url.host;
  } catch {
    return 'an unreadable location';
  }
}
