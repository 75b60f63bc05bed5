/**
 * The v2 dialect's typed errors for a non-2xx answer, with a hint per status that says what to do
 * (the seed's "Common Errors", completed by the contract's table): the transport asks them through
 * its failure hooks (src/providers/v2/failures.ts). Pure.
 */
import { ApiError, CredentialsError } from '../../errors.js';
import type { ErrorBody } from '../../transport/api-errors.js';
import { ALL_SCOPES, type Scope } from './types.js';

const CREDENTIAL_VARS = 'CXONE_CLIENT_ID and CXONE_CLIENT_SECRET (or CXONE_CLIENT_SECRET_FILE)';

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
