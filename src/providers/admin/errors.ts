/**
 * Admin-dialect hints for the shared transport's errors (which name v2's variables), and the
 * detection of failures reported inside a 200. Pure.
 */
import { ApiError, CredentialsError, CxqError, NetworkError, OutcomeUnknownError, WriteRejectedError } from '../../errors.js';
import type { FailureHooks } from '../../transport/failures.js';

const KEY_VARS = 'CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET (or CXONE_ACCESS_KEY_SECRET_FILE)';

/** The hint an admin user needs for `err`, or undefined to keep the transport's. */
function adminHint(err: CxqError): string | undefined {
  if (err instanceof OutcomeUnknownError) {
    return 'Do not re-send it blindly: re-read the skill (run cxq plan again) and apply what is still needed.';
  }
  if (err instanceof NetworkError) {
    return 'Check CXONE_API_BASE_URL (or discovery: CXONE_DISCOVERY_URL), CXONE_AUTH_URL / CXONE_AREA, the network and any proxy, then retry.';
  }
  if (!(err instanceof ApiError) || err.path.startsWith('/authentication/')) return undefined;
  if (err.path.startsWith('/.well-known/')) {
    return 'API discovery failed: check CXONE_DISCOVERY_URL, or set CXONE_API_BASE_URL to your tenant\'s API host to skip discovery.';
  }
  switch (err.status) {
    case 401:
      return `The token was refused even after a fresh one was fetched: check ${KEY_VARS} and that the key's user is active.`;
    case 403:
      return "The access key's user lacks a permission this needs: give its role the skill and agent permissions in CXone, then retry.";
    case 404:
      return /^\/skills\/\d+/.test(err.path)
        ? 'The skill (or agent) no longer exists in CXone: run cxq plan again.'
        : 'The endpoint was not found: check CXONE_API_BASE_URL and CXONE_API_VERSION.';
    default:
      return undefined;
  }
}

/**
 * The transport's failure hooks for the admin dialect. They keep word for word what this dialect
 * answered before the transport became dialect-neutral, where {@link withAdminHint} does not
 * replace it (a 409, a 404 of the token host, a 3xx). Those texts still name queues and v2's
 * settings: rewording them for skills and the admin variables is a follow-up, not part of the move.
 */
export const ADMIN_FAILURES: FailureHooks = {
  answerError: (status, body, call) => {
    const hint =
      status === 409
        ? 'Someone else changed this queue since it was read: run cxq plan again to see their change, then apply.'
        : status === 404
          ? 'The endpoint was not found: check the base URL (CXONE_BASE_URL / CXONE_REGION / --base-url).'
          : undefined;
    if (hint === undefined) return undefined;
    return new ApiError(status, body.code, body.message, call.method, call.path, body.errors, { hint });
  },
  statusHint:
    'Check --base-url / CXONE_BASE_URL / CXONE_REGION: it must be the CXone API host itself (e.g. https://us-1.api.cxm.nice.incontact.com), not a login page or a proxy that redirects.',
};

/** `err` with the admin hint, as the same error class; anything else passes through unchanged. */
export function withAdminHint(err: unknown): unknown {
  if (!(err instanceof CxqError)) return err;
  const hint = adminHint(err);
  if (hint === undefined) return err;
  if (err instanceof ApiError) {
    const Ctor = err instanceof CredentialsError ? CredentialsError : ApiError;
    return new Ctor(err.status, err.code, err.serverMessage, err.method, err.path, err.errors, { hint });
  }
  if (err instanceof NetworkError) {
    const Ctor = err instanceof OutcomeUnknownError ? OutcomeUnknownError : NetworkError;
    return new Ctor(err.method, err.url, err.message, { hint });
  }
  return err;
}

/**
 * Throws WriteRejectedError when a 2xx write answer reports failure: `success: false`,
 * `errorCount > 0`, `resultSet.errorCount > 0`, or an item (`agentResults[]`, `skillsResults[]`)
 * with `success: false`. The server's messages are carried (already scrubbed by the caller).
 */
export function assertWriteSucceeded(body: unknown, method: string, path: string, scrub: (t: string) => string): void {
  if (typeof body !== 'object' || body === null) return;
  const b = body as Record<string, unknown>;
  const set = typeof b['resultSet'] === 'object' && b['resultSet'] !== null ? (b['resultSet'] as Record<string, unknown>) : {};
  const items = [b['agentResults'], set['agentResults'], b['skillsResults']].flatMap((x) => (Array.isArray(x) ? x : []));
  const failedItems = items.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null && i['success'] === false);
  const failed =
    b['success'] === false || positive(b['errorCount']) || positive(set['errorCount']) || failedItems.length > 0;
  if (!failed) return;
  const messages = [messageOf(b), ...failedItems.map((i) => itemMessage(i))].filter((m): m is string => m !== undefined);
  throw new WriteRejectedError(method, path.split('?')[0] ?? path, (messages.length > 0 ? messages : ['no message given']).slice(0, 5).map((m) => scrub(m).slice(0, 300)), {
    hint: 'Nothing proves the change was applied: run cxq plan again to see the live state, fix what the server names, then apply.',
  });
}

function positive(v: unknown): boolean {
  return typeof v === 'number' && v > 0;
}

function messageOf(o: Record<string, unknown>): string | undefined {
  for (const key of ['error', 'message', 'errorMessage', 'error_description']) {
    const v = o[key];
    if (typeof v === 'string' && v !== '') return v;
    if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['message'] === 'string') {
      return (v as Record<string, string>)['message'];
    }
  }
  return undefined;
}

function itemMessage(item: Record<string, unknown>): string {
  const who = item['agentId'] !== undefined ? `agent ${String(item['agentId'])}` : item['skillId'] !== undefined ? `skill ${String(item['skillId'])}` : 'item';
  return `${who}: ${messageOf(item) ?? 'failed'}`;
}
