/**
 * What the v2 dialect adds to the transport's errors (src/transport/failures.ts): its token
 * endpoint's refusals, its per-status hints (scopes, queues), and where its base URL is set.
 */
import type { FailureHooks } from '../../transport/failures.js';
import { TOKEN_PATH } from './auth.js';
import { apiError, tokenError } from './api-errors.js';

/** The transport's failure hooks for the v2 dialect. */
export const V2_FAILURES: FailureHooks = {
  answerError: (status, body, call) => {
    if (call.path === TOKEN_PATH && (status === 400 || status === 401)) return tokenError(status, body, call.path);
    return apiError(status, body, call.method, call.path, call.attempts);
  },
  networkHint: (code) =>
    code === 'ENOTFOUND'
      ? 'The host name does not resolve: check CXONE_REGION / CXONE_BASE_URL / --base-url.'
      : 'Check the base URL (CXONE_REGION / CXONE_BASE_URL / --base-url), the network and any proxy, then retry.',
  statusHint:
    'Check --base-url / CXONE_BASE_URL / CXONE_REGION: it must be the CXone API host itself (e.g. https://us-1.api.cxm.nice.incontact.com), not a login page or a proxy that redirects.',
  rereadHint: 'Do not re-send it blindly: re-read the queue (run cxq plan again) and apply what is still needed.',
};
