/**
 * Turns whatever got rejected with into one of the project's typed errors, naming the method and
 * URL, never the body of a request, a token or the secret (`scrub` removes them from server text).
 */
import { CxqError, NetworkError, OutcomeUnknownError } from '../errors.js';
import { TOKEN_PATH } from './auth.js';
import { apiError, parseErrorBody, tokenError } from './api-errors.js';
import { mayHaveBeenProcessed } from './retry-policy.js';
/**
 * The typed error for a failed call: ApiError/CredentialsError for an answer, OutcomeUnknownError
 * for a PUT whose answer was lost, NetworkError for everything else. Errors already typed (thrown by
 * a hook, e.g. a refused token) pass through.
 */
export function toClientError(err, call, config, scrub) {
    if (err instanceof CxqError)
        return err;
    const e = (typeof err === 'object' && err !== null ? err : {});
    if (e.cause instanceof CxqError)
        return e.cause;
    if (e.response !== undefined) {
        const status = e.response.statusCode;
        const body = scrubBody(parseErrorBody(status, e.response.body), scrub);
        if (call.path === TOKEN_PATH && (status === 400 || status === 401))
            return tokenError(status, body, call.path);
        return apiError(status, body, call.method, call.path, call.attempts);
    }
    const code = e.code ?? 'unknown';
    const seconds = Math.round((Date.now() - call.started) / 100) / 10;
    const tries = `${call.attempts} attempt(s) in ${seconds} s`;
    const failure = { method: call.method, code, ...(e.event === undefined ? {} : { timeoutEvent: e.event }) };
    if (call.method === 'PUT' && call.inFlight && mayHaveBeenProcessed(failure)) {
        return new OutcomeUnknownError(call.method, call.url, `PUT ${call.url}: the request was sent but its answer was lost (${describe(e, config)}); the change may or may not have been applied`, { hint: 'Do not re-send it blindly: re-read the queue (run cxq plan again) and apply what is still needed.' });
    }
    return new NetworkError(call.method, call.url, `${call.method} ${call.url} failed: ${describe(e, config)} after ${tries}`, {
        hint: code === 'ENOTFOUND'
            ? 'The host name does not resolve: check CXONE_REGION / CXONE_BASE_URL / --base-url.'
            : 'Check the base URL (CXONE_REGION / CXONE_BASE_URL / --base-url), the network and any proxy, then retry.',
    });
}
function describe(e, config) {
    if (e.code === 'ERR_ABORTED')
        return `no result within the ${config.timeouts.deadlineMs / 1000} s deadline`;
    if (e.code === 'ETIMEDOUT' && e.event === 'response')
        return `no answer within ${config.timeouts.responseMs / 1000} s`;
    if (e.code === 'ETIMEDOUT' && e.event !== undefined)
        return `${e.event} timed out`;
    if (e.code === 'ECONNREFUSED')
        return 'connection refused';
    if (e.code === 'ECONNRESET')
        return 'connection reset';
    if (e.code === 'ENOTFOUND')
        return 'host not found';
    return e.code ?? 'network error';
}
function scrubBody(body, scrub) {
    return {
        code: scrub(body.code),
        message: scrub(body.message),
        errors: body.errors.map((x) => ({ field: scrub(x.field), message: scrub(x.message) })),
    };
}
//# sourceMappingURL=failures.js.map