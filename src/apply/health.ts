import type { CxoneApi } from '../model/api.js';
import { ApiError, CredentialsError } from '../errors.js';
import { checkHealth, type HealthVerdict } from './safety.js';

/**
 * The health gate as apply runs it: `GET /api/v2/health`, then `checkHealth`. When the health
 * cannot be read the gate does not silently open:
 *
 * - 403 (the token lacks `health:read`): refuse unless `force`; the message names the scope.
 *   Refusing is the safe reading of "check health first": a missing scope must not turn a safety
 *   check off without anyone noticing, and `--force` is the documented way past the gate.
 * - 5xx still failing after the client's retries: the platform may well be in trouble, which is
 *   what the gate is for; refuse unless `force`.
 *
 * With `force` both only warn. Any other failure (401 credentials, network) propagates: it is
 * not a verdict on the platform, and the writes would fail the same way.
 */
export async function checkPlatformHealth(api: Pick<CxoneApi, 'health'>, force: boolean): Promise<HealthVerdict> {
  try {
    return checkHealth(await api.health(), force);
  } catch (err) {
    if (!(err instanceof ApiError) || err instanceof CredentialsError) throw err;
    const detail = `HTTP ${err.status} ${err.code}: ${err.serverMessage}`;
    if (err.status === 403) {
      if (force) return { ok: true, warning: `could not check the CXone platform health (${detail}); applying anyway because of --force` };
      return {
        ok: false,
        message:
          `refusing to apply: cannot check the CXone platform health (${detail}); grant the API client the health:read ` +
          'scope, or re-run with --force to apply without the health check',
      };
    }
    if (err.status >= 500) {
      if (force) return { ok: true, warning: `the CXone health check failed (${detail}); applying anyway because of --force` };
      return {
        ok: false,
        message: `refusing to apply: the CXone health check failed (${detail}); the platform may be unhealthy: wait and retry, or re-run with --force`,
      };
    }
    throw err;
  }
}
