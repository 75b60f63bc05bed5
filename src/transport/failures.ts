/**
 * Turns whatever got rejected with into one of the project's typed errors, naming the method and
 * URL, never the body of a request, a token or the secret (`scrub` removes them from server text).
 * Dialect-neutral: what only a dialect can say (its token endpoint, its scopes, where its base URL
 * is set) comes in through {@link FailureHooks}.
 */
import { ApiError, CxqError, NetworkError, OutcomeUnknownError, ResponseTooLargeError } from '../errors.js';
import { answerError, parseErrorBody, type AnsweredCall, type ErrorBody } from './api-errors.js';
import { MAX_RESPONSE_BYTES } from './limits.js';
import { mayHaveBeenProcessed } from './retry-policy.js';
import type { RetryPolicy } from './retry-policy.js';
import type { ClientTimeouts } from './settings.js';

/**
 * What a dialect adds to the transport's errors; every hook is optional (the default names no
 * dialect's settings).
 */
export interface FailureHooks {
  /**
   * The dialect's typed error for a non-2xx answer (e.g. its token endpoint's refusal, its scopes),
   * or undefined for the generic one ({@link answerError}). Not asked for a 429 whose wait is above
   * --max-wait, nor for a PUT's 409 after an ambiguous attempt: those are the transport's.
   */
  answerError?: (status: number, body: ErrorBody, call: AnsweredCall) => CxqError | undefined;
  /** The hint for a call that reached no server (`code`: ENOTFOUND, ECONNREFUSED, ...). */
  networkHint?: (code: string) => string;
  /** The hint for an answer that is not a 2xx yet no failure (a 3xx: redirects are never followed). */
  statusHint?: string;
  /** The hint for a PUT whose outcome is unknown: what to re-read before trying again. */
  rereadHint?: string;
}

/** What one call (all its attempts) has been through; carried in got's `context`. */
export interface CallState {
  method: string;
  path: string;
  /** Base URL + path without the query: what messages name. */
  url: string;
  /** False for the token request itself. */
  auth: boolean;
  /** The bearer token of the latest attempt (never logged). */
  token: string | undefined;
  started: number;
  /** No 5xx/network retry is started that would end past it; extended by time held by the pace. */
  deadline: number;
  /** No 429 retry is started that would end past it (429s are back-pressure, with their own budget). */
  throttleDeadline: number;
  /** When the next attempt may leave after a 5xx/network backoff (ms timestamp; 0 = now). */
  retryAt: number;
  /** Attempts that failed with a 5xx or a network error (the retry budget; 429s not counted). */
  failures: number;
  /** The Retry-After (ms) a 429 asked for that was above `--max-wait`: the call failed on it. */
  refusedWaitMs?: number;
  /** Aborts the attempt on the wire past the deadline (armed per attempt, cleared with the call). */
  kill?: AbortController;
  killTimer?: NodeJS.Timeout;
  /** Ends a wait of the call's current attempt (cleared with the call). */
  wake?: AbortController;
  attempts: number;
  authRetried: boolean;
  /** The latest attempt was sent and no answer has arrived. */
  inFlight: boolean;
  sentAt: number;
  /**
   * A PUT attempt was answered 500/502/504: a gateway may answer so after the write landed. If a
   * retry then meets a 409, the 409 may be our own earlier write, so the outcome is unknown.
   */
  ambiguousWrite: boolean;
  /** The answer's body passed `MAX_RESPONSE_BYTES` and its download was stopped. */
  tooLarge: boolean;
  /** A write without a version (admin dialect): see `CallOptions.unversionedWrite` in http.ts. */
  unversionedWrite: boolean;
}

/** What to do after a write whose outcome is unknown, when the dialect says nothing more precise. */
export const REREAD_HINT = 'Do not re-send it blindly: re-read the live state (run cxq plan again) and apply what is still needed.';

/**
 * A PUT answered 2xx whose answer proves nothing (`why`: it is not JSON, not a queue, too large,
 * cut short): the write may have landed, so its outcome is unknown and the caller must re-read.
 */
export function unprovenWrite(call: CallState, status: number | undefined, why: string, hint: string = REREAD_HINT): OutcomeUnknownError {
  const answered = status === undefined ? 'the answer' : `the ${status} answer`;
  return new OutcomeUnknownError(
    call.method,
    call.url,
    `PUT ${call.url}: ${answered} ${why}; the change may or may not have been applied`,
    { hint },
  );
}

/** Answers to a PUT that do not prove the write was not applied (503 and 429 do prove it). */
export const AMBIGUOUS_WRITE_STATUSES: ReadonlySet<number> = new Set([500, 502, 504]);

interface GotLikeError {
  name?: string;
  code?: string;
  event?: string;
  message?: string;
  cause?: unknown;
  response?: { statusCode: number; body: unknown };
}

/**
 * The typed error for a failed call: ApiError/CredentialsError for an answer (the dialect's, through
 * `hooks.answerError`, else the generic one), OutcomeUnknownError for a PUT whose answer was lost,
 * NetworkError for everything else. Errors already typed (thrown by a hook, e.g. a refused token)
 * pass through.
 */
export function toClientError(
  err: unknown,
  call: CallState,
  config: { timeouts: ClientTimeouts; retry: RetryPolicy },
  scrub: (text: string) => string,
  hooks: FailureHooks = {},
): CxqError {
  const reread = hooks.rereadHint ?? REREAD_HINT;
  if (err instanceof CxqError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as GotLikeError;
  if (e.cause instanceof CxqError) return e.cause;
  if (call.tooLarge) {
    if (call.method === 'PUT') return unprovenWrite(call, undefined, `is larger than the ${MAX_RESPONSE_BYTES / (1024 * 1024)} MiB cap and was not read`, reread);
    return new ResponseTooLargeError(call.method, call.path, MAX_RESPONSE_BYTES);
  }
  if (e.response !== undefined && e.response.statusCode >= 200 && e.response.statusCode <= 299) {
    // The status arrived but the body did not (cut short, reset while reading).
    const status = e.response.statusCode;
    if (call.method === 'PUT') return unprovenWrite(call, status, `could not be read (${describe(e, config)})`, reread);
    return new NetworkError(call.method, call.url, `${call.method} ${call.url}: the ${status} answer could not be read (${describe(e, config)})`, {
      hint: 'Retry; if it persists, check the network and any proxy between cxq and CXone.',
    });
  }
  if (e.response !== undefined) {
    const status = e.response.statusCode;
    const raw = e.response.body;
    // Scrubbed before parsing too: the excerpt of a non-JSON body could cut a secret in half.
    const body = scrubBody(parseErrorBody(status, typeof raw === 'string' ? scrub(raw) : raw), scrub);
    if (status === 429 && call.refusedWaitMs !== undefined) return waitTooLong(call, body, config);
    if (call.method === 'PUT' && status === 409 && call.ambiguousWrite) {
      return new OutcomeUnknownError(
        call.method,
        call.url,
        `PUT ${call.url}: an earlier attempt was answered with a server error and the retry conflicted (409); the first attempt may have been applied`,
        { hint: reread },
      );
    }
    const answered: AnsweredCall = { method: call.method, path: call.path, attempts: call.attempts };
    return hooks.answerError?.(status, body, answered) ?? answerError(status, body, answered);
  }
  const code = e.code ?? 'unknown';
  const seconds = Math.round((Date.now() - call.started) / 100) / 10;
  const tries = `${call.attempts} attempt(s) in ${seconds} s`;
  const failure = { method: call.method, code, ...(e.event === undefined ? {} : { timeoutEvent: e.event }) };
  if (call.method === 'PUT' && call.inFlight && mayHaveBeenProcessed(failure)) {
    return new OutcomeUnknownError(
      call.method,
      call.url,
      `PUT ${call.url}: the request was sent but its answer was lost (${describe(e, config)}); the change may or may not have been applied`,
      { hint: reread },
    );
  }
  return new NetworkError(call.method, call.url, `${call.method} ${call.url} failed: ${describe(e, config)} after ${tries}`, {
    hint: hooks.networkHint?.(code) ?? networkHint(code),
  });
}

/** A 429 whose Retry-After is above --max-wait: fail at once, naming the wait the server asked for. */
function waitTooLong(call: CallState, body: ErrorBody, config: { retry: RetryPolicy }): ApiError {
  const asked = seconds(call.refusedWaitMs ?? 0);
  const cap = seconds(config.retry.maxWaitMs);
  return new ApiError(429, body.code, `${body.message} (the server asked to wait ${asked} before retrying, above --max-wait ${cap})`, call.method, call.path, body.errors, {
    hint: `CXone asked this client to wait ${asked}; nothing was retried. Run again later, or raise --max-wait (CXONE_MAX_WAIT) if waiting that long is acceptable.`,
  });
}

/** 300000 → "300 s"; 86400000 → "86400 s (24 h)". */
function seconds(ms: number): string {
  const s = ms / 1000;
  const text = Number.isSafeInteger(s) ? String(s) : s.toPrecision(3);
  return s >= 3600 ? `${text} s (${(s / 3600).toPrecision(3)} h)` : `${text} s`;
}

function networkHint(code: string): string {
  return code === 'ENOTFOUND'
    ? 'The host name does not resolve: check the configured base URL.'
    : 'Check the configured base URL, the network and any proxy, then retry.';
}

function describe(e: GotLikeError, config: { timeouts: ClientTimeouts }): string {
  if (e.code === 'ERR_ABORTED') return `no result within the ${config.timeouts.deadlineMs / 1000} s deadline`;
  if (e.code === 'ETIMEDOUT' && e.event === 'response') return `no answer within ${config.timeouts.responseMs / 1000} s`;
  if (e.code === 'ETIMEDOUT' && e.event !== undefined) return `${e.event} timed out`;
  if (e.code === 'ECONNREFUSED') return 'connection refused';
  if (e.code === 'ECONNRESET') return 'connection reset';
  if (e.code === 'ENOTFOUND') return 'host not found';
  return e.code ?? 'network error';
}

function scrubBody(body: ErrorBody, scrub: (text: string) => string): ErrorBody {
  return {
    code: scrub(body.code),
    message: scrub(body.message),
    errors: body.errors.map((x) => ({ field: scrub(x.field), message: scrub(x.message) })),
  };
}
