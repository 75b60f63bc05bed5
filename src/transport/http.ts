/**
 * The HTTP transport every dialect shares, on got: one got instance whose hooks add the token, the
 * shared rate-limit gate and pacing, the 401 refresh and the logging, and whose retry machinery asks
 * `decideRetry`. Every failure leaves as one of the project's typed errors. Dialect-neutral: the
 * token flow and what only a dialect can say about a failure are injected (`TransportOptions`).
 */
import http from 'node:http';
import https from 'node:https';
import { got, type Got, type NormalizedOptions, type OptionsInit, type RequestError, type Response, type RetryObject } from 'got';
import { ResponseShapeError } from '../errors.js';
import type { Logger } from '../log.js';
import { VERSION } from '../version.js';
import type { ClientStats, InterruptTally } from '../model/api.js';

export type { InterruptTally };
import { CxqError, OutcomeUnknownError, RequestNotSentError } from '../errors.js';
import { inFlightLimit, Limiter } from './limiter.js';
import { Pacer } from './pacer.js';
import { abortableSleep } from './sleep.js';
import { RETRY_ERROR_CODES, RETRY_STATUSES, decideRetry, parseRetryAfter, type AttemptFailure } from './retry-policy.js';
import { AMBIGUOUS_WRITE_STATUSES, REREAD_HINT, toClientError, unprovenWrite, type CallState, type FailureHooks } from './failures.js';
import { statusError } from './api-errors.js';
import { makeScrubber } from './scrub.js';
import { checkShape, type Shape } from './shapes.js';
import { MAX_RESPONSE_BYTES } from './limits.js';
import { mayHaveBeenProcessed, type RetryPolicy } from './retry-policy.js';
import type { ClientTimeouts } from './settings.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface CallOptions {
  method: Method;
  /** Absolute path (query included) relative to the base URL, e.g. a `nextUri`. */
  path: string;
  json?: unknown;
  /** A form-encoded body (e.g. a client-credentials token request) instead of `json`. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Base URL of this one call instead of the transport's (the admin token and discovery hosts). */
  origin?: string;
  /**
   * A write the server cannot refuse as a duplicate (no version, no If-Match: the admin dialect's
   * PUT, POST and DELETE). An answer that does not prove it was not applied (lost answer, 500, 502,
   * 504) ends the call with OutcomeUnknownError instead of a retry; 429 and 503 are still retried.
   */
  unversionedWrite?: boolean;
}

/** What the transport needs of a dialect's configuration (v2's ClientConfig and AdminConfig have it). */
export interface TransportConfig {
  /** Base URL of every call without an `origin` (until `setBaseUrl`). */
  baseUrl: string;
  /** Requests in flight at most. */
  concurrency: number;
  /** A known request budget per second: pace from the first request. */
  maxRps?: number;
  timeouts: ClientTimeouts;
  retry: RetryPolicy;
}

/** Where bearer tokens come from: a dialect's token flow, cached and single-flight. */
export interface TokenSource {
  /** A valid token (cached, or fetched once for every concurrent caller). */
  token(): Promise<string>;
  /** A fresh token after `rejected` met a 401 (one fetch however many calls saw it). */
  renew(rejected: string): Promise<string>;
  /** Every secret to scrub from text that leaves the client: secret or key, tokens, id_token. */
  secrets(): string[];
}

/** An unauthenticated call that bypasses the limiter but not the gate, pacer and retries. */
export type AnonymousSend = <T>(options: CallOptions) => Promise<T>;

export interface TransportOptions {
  /** The dialect's token flow, given the unauthenticated send its token requests go through. */
  tokens: (send: AnonymousSend) => TokenSource;
  /** What the dialect adds to failures (its token endpoint, hints); default: neutral errors. */
  failures?: FailureHooks;
  /** The run's signal (interrupt, --timeout): once aborted, nothing more is sent. */
  signal?: AbortSignal;
}

/**
 * The client's HTTP transport: one got instance plus the shared limiter, pacer and token provider.
 * `request` resolves with the parsed 2xx body or rejects with one of the project's typed errors.
 * Once `signal` aborts (SIGINT/SIGTERM, `--timeout`) nothing more is sent: calls waiting for a slot,
 * the pace, a gate or a backoff reject with `RequestNotSentError` at once; attempts on the wire finish.
 */
export class HttpTransport {
  readonly limiter: Limiter;
  readonly pacer: Pacer;
  readonly tokens: TokenSource;
  private readonly got: Got;
  private baseUrl: string;
  private readonly signal: AbortSignal | undefined;
  private readonly failures: FailureHooks;
  /** Calls with an attempt on the wire. */
  private readonly onWire = new Set<CallState>();
  private tally: InterruptTally | undefined;
  private abortedAt = Number.POSITIVE_INFINITY;
  /** Smoothed answer time, for the in-flight bound (Little's law). */
  private latencyMs = 100;

  constructor(
    private readonly config: TransportConfig,
    private readonly logger: Logger,
    readonly stats: ClientStats,
    options: TransportOptions,
  ) {
    this.limiter = new Limiter(config.concurrency);
    this.pacer = new Pacer({ confirmSends: true, ...(config.maxRps === undefined ? {} : { maxRps: config.maxRps }) });
    this.baseUrl = config.baseUrl;
    // Token requests bypass the limiter: callers holding every slot may be waiting for them.
    const anonymous: AnonymousSend = (call) => this.send(call, false);
    this.tokens = options.tokens(anonymous);
    this.failures = options.failures ?? {};
    this.got = this.createGot();
    this.signal = options.signal;
    options.signal?.addEventListener('abort', () => this.onAbort(), { once: true });
  }

  /** Undefined until the signal aborted; then what was on the wire and what became of it. */
  interruptTally(): InterruptTally | undefined {
    return this.tally === undefined ? undefined : { ...this.tally };
  }

  /**
   * Sets the base URL of later calls: the admin dialect learns it from discovery, after the first
   * token. The caller validates it (https, or http on loopback) before.
   */
  setBaseUrl(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  /**
   * One API call through the shared concurrency limit, with a bearer token, retried per
   * `decideRetry` and bounded by the deadline. Resolves with the parsed JSON body of the 2xx answer;
   * checked against `shape` when one is given; rejects with ApiError (any non-2xx, 3xx included:
   * redirects are never followed) / CredentialsError / NetworkError / ResponseShapeError (not JSON,
   * wrong shape) / ResponseTooLargeError (over {@link MAX_RESPONSE_BYTES}) / OutcomeUnknownError
   * (a write whose answer was lost, unreadable, too large or of the wrong shape: it may have landed),
   * or RequestNotSentError when the signal aborted before it was sent.
   */
  async request<T>(options: CallOptions, shape?: Shape<T>): Promise<T> {
    try {
      return await this.limiter.run(() => this.send<T>(options, true, shape), this.signal);
    } catch (err) {
      // Still waiting for a slot when the signal came: never sent.
      if (this.signal?.aborted && err === this.signal.reason) throw this.notSent(options.method, (options.origin ?? this.baseUrl) + (options.path.split('?')[0] ?? ''));
      throw err;
    }
  }

  private onAbort(): void {
    this.abortedAt = Date.now();
    const writes = [...this.onWire].filter(isWrite).length;
    this.tally = { writesInFlight: writes, writesFinished: 0, writesSentAfter: 0 };
    this.logger.info({ writesInFlight: writes, waiting: this.limiter.queued }, 'interrupted: nothing more is sent; answers in flight are awaited');
  }

  private notSent(method: string, url: string): RequestNotSentError {
    const reason: unknown = this.signal?.reason;
    const timeout = reason instanceof Error && reason.name === 'TimeoutError';
    return new RequestNotSentError(method, url, timeout ? 'timeout' : 'interrupted');
  }

  private async send<T>(options: CallOptions, auth: boolean, shape?: Shape<T>): Promise<T> {
    if (this.signal?.aborted) throw this.notSent(options.method, (options.origin ?? this.baseUrl) + (options.path.split('?')[0] ?? ''));
    const token = auth ? await this.tokens.token() : undefined;
    const started = Date.now();
    const base = options.origin ?? this.baseUrl;
    const call: CallState = {
      method: options.method,
      path: options.path,
      url: base + (options.path.split('?')[0] ?? ''),
      auth,
      token,
      started,
      deadline: started + this.config.timeouts.deadlineMs,
      throttleDeadline: started + this.config.retry.throttleBudgetMs,
      retryAt: 0,
      failures: 0,
      attempts: 0,
      authRetried: false,
      inFlight: false,
      sentAt: started,
      ambiguousWrite: false,
      tooLarge: false,
      unversionedWrite: options.unversionedWrite === true,
    };
    const controller = new AbortController();
    call.kill = controller;
    try {
      const pending = this.got(base + options.path, {
        method: options.method,
        ...(options.json === undefined ? {} : { json: options.json }),
        ...(options.form === undefined ? {} : { form: options.form }),
        headers: options.headers ?? {},
        context: { call },
        signal: controller.signal,
      });
      // The pace is kept between requests as they leave (the request flushed to the socket), not as
      // they were allowed: a stall between the two must not let the next one leave right behind.
      pending.on('request', (request: http.ClientRequest) => {
        request.once('finish', () => this.pacer.onSent(Date.now()));
      });
      // Stop the download as soon as the body (or its announced length) passes the cap: got would
      // otherwise buffer all of it before anything could look at its size.
      pending.on('downloadProgress', ({ transferred, total }) => {
        if (call.tooLarge || Math.max(transferred, total ?? 0) <= MAX_RESPONSE_BYTES) return;
        call.tooLarge = true;
        controller.abort();
      });
      return this.readAnswer(await pending, call, shape);
    } catch (err) {
      if (call.unversionedWrite && (call.ambiguousWrite || lostAnswer(err, call))) throw unknownOutcome(call);
      throw toClientError(err, call, this.config, this.scrubber(), this.failures);
    } finally {
      // No timer outlives its call.
      clearTimeout(call.killTimer);
      call.wake?.abort();
      if (this.onWire.has(call)) this.answered(call, Date.now());
    }
  }

  /**
   * The body of an answer got accepted, as the contract's JSON: anything but a 2xx (got accepts a
   * 3xx when redirects are not followed) is an ApiError; a body that is not JSON or not of `shape`
   * is a ResponseShapeError, or for a PUT an OutcomeUnknownError (the write may have landed).
   */
  private readAnswer<T>(response: Response, call: CallState, shape: Shape<T> | undefined): T {
    const status = response.statusCode;
    const scrub = this.scrubber();
    if (status < 200 || status > 299) {
      throw statusError(status, response.statusMessage, response.headers['location'], this.config.baseUrl, call, scrub, this.failures.statusHint);
    }
    const text = String(response.body);
    // An empty body (a 204, or a 200 without content) is '' as got's own JSON mode gives it; only a
    // caller that expects a shape, or a PUT that must prove itself, finds that insufficient.
    if (text === '' && shape === undefined && call.method !== 'PUT') return '' as T;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (call.method === 'PUT') throw unprovenWrite(call, status, 'is not JSON', this.failures.rereadHint);
      throw new ResponseShapeError(call.method, call.path, ['the body is not JSON']);
    }
    if (shape === undefined) return body as T;
    try {
      return checkShape(shape, body, call.method, call.path, scrub);
    } catch (err) {
      if (call.method === 'PUT' && err instanceof ResponseShapeError) throw unprovenWrite(call, status, `is not ${shape.name} (${err.problems.join('; ')})`, this.failures.rereadHint);
      throw err;
    }
  }

  private createGot(): Got {
    const { timeouts, retry, concurrency } = this.config;
    const agentOptions = { keepAlive: true, maxSockets: concurrency + 1 };
    return got.extend({
      // Parsed by readAnswer, after the status and size checks.
      responseType: 'text',
      followRedirect: false,
      agent: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
      headers: { 'user-agent': `cxq/${VERSION}`, accept: 'application/json' },
      timeout: {
        lookup: timeouts.connectMs,
        connect: timeouts.connectMs,
        secureConnect: timeouts.connectMs,
        send: timeouts.responseMs,
        response: timeouts.responseMs,
      },
      retry: {
        limit: retry.tries - 1,
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        statusCodes: [...RETRY_STATUSES],
        errorCodes: [...RETRY_ERROR_CODES],
        calculateDelay: (r) => this.retryDelay(r),
      },
      hooks: {
        beforeRequest: [(options) => this.beforeAttempt(options)],
        afterResponse: [(response, retryWith) => this.afterAnswer(response, retryWith)],
      },
    });
  }

  /**
   * Before every attempt (retries included): wait out the backoff, then the gate and the pace, then
   * add the token. The token is taken after the wait, never before: a pause longer than the token's
   * remaining life would otherwise send an expired token. Every wait rejects at once when the run's
   * signal or the call's deadline aborts, and clears its timer; time spent held by the gate or the
   * pace does not count against the call's deadline (it is the server's back-pressure, not a failure).
   */
  private async beforeAttempt(options: NormalizedOptions): Promise<void> {
    const call = callOf(options);
    clearTimeout(call.killTimer);
    const wake = new AbortController();
    call.wake = wake;
    const signals = [wake.signal, ...(this.signal ? [this.signal] : [])];
    const stop = AbortSignal.any(signals);
    const backoff = call.retryAt - Date.now();
    if (backoff > 0) await this.wait(backoff, stop, call);
    const heldFrom = Date.now();
    for (let wait = this.pacer.acquire(Date.now()); wait > 0; wait = this.pacer.acquire(Date.now())) {
      await this.wait(wait, stop, call);
    }
    call.deadline += Date.now() - heldFrom;
    if (call.auth) {
      call.token = await this.tokens.token();
      options.headers['authorization'] = `Bearer ${call.token}`;
    }
    // The signal may have come while the token was fetched: send nothing.
    if (this.signal?.aborted) throw this.abortError(call);
    const left = call.deadline - Date.now();
    if (left <= 0 || options.signal?.aborted) throw new Error('deadline reached before sending');
    call.killTimer = setTimeout(() => call.kill?.abort(), left);
    if (call.attempts > 0) this.stats.retries++;
    // Counted, not assumed: a write leaving after the signal would show here (and never should).
    if (this.tally !== undefined && isWrite(call)) this.tally.writesSentAfter++;
    call.attempts++;
    call.inFlight = true;
    call.sentAt = Date.now();
    this.onWire.add(call);
    this.stats.requests++;
    if (!call.auth) this.stats.tokenRequests++;
  }

  private async wait(ms: number, stop: AbortSignal, call: CallState): Promise<void> {
    const woke = await abortableSleep(ms, stop);
    if (!woke) throw this.signal?.aborted ? this.abortError(call) : new Error('deadline reached before sending');
  }

  /**
   * Why an attempt was not sent after the signal. A PUT whose earlier attempt was answered 500/502/504
   * may have landed, so it is an outcome-unknown failure, not a clean "not sent".
   */
  private abortError(call: CallState): Error {
    if (call.method === 'PUT' && call.ambiguousWrite) {
      return new OutcomeUnknownError(call.method, call.url, `PUT ${call.url}: interrupted after an attempt was answered with a server error; the change may or may not have been applied`, {
        hint: this.failures.rereadHint ?? REREAD_HINT,
      });
    }
    return this.notSent(call.method, call.url);
  }

  /** After every answer: feed the pacer, log, and on a first 401 fetch a new token and retry once. */
  private async afterAnswer(response: Response, retryWith: (o: OptionsInit) => never): Promise<Response> {
    const call = callOf(response.request.options);
    const now = Date.now();
    const status = response.statusCode;
    this.answered(call, now);
    call.inFlight = false;
    this.logger.debug(
      { method: call.method, path: call.path, status, ms: now - call.sentAt, attempt: call.attempts },
      'request',
    );
    if (status === 429) {
      this.stats.throttled++;
      const asked = parseRetryAfter(response.headers['retry-after'], now);
      // A wait above --max-wait fails this call (retryDelay); it closes no gate for the others.
      const retryAfterMs = asked !== undefined && asked > this.config.retry.maxWaitMs ? undefined : asked;
      const rps = this.pacer.onThrottled(now, call.sentAt, retryAfterMs);
      this.logger.info(
        { method: call.method, path: call.path, retryAfterS: asked === undefined ? null : asked / 1000, paceRps: rps === undefined ? null : round(rps) },
        'rate limited',
      );
    } else {
      this.pacer.onAccepted(now);
    }
    if (status === 401 && call.auth && !call.authRetried && call.token !== undefined) {
      call.authRetried = true;
      this.logger.info({ method: call.method, path: call.path }, 'token refused; fetching a new one and retrying once');
      const fresh = await this.tokens.renew(call.token);
      return retryWith({ headers: { authorization: `Bearer ${fresh}` }, preserveHooks: true });
    }
    return response;
  }

  /** An attempt of `call` ended (answer or error): off the wire, counted, latency noted (`inFlight` is the caller's). */
  private answered(call: CallState, now: number): void {
    if (this.onWire.delete(call) && this.tally !== undefined && isWrite(call) && call.sentAt < this.abortedAt) {
      this.tally.writesFinished++;
    }
    this.latencyMs = 0.8 * this.latencyMs + 0.2 * Math.max(1, now - call.sentAt);
    this.limiter.setAllowed(inFlightLimit(this.pacer.rps, this.latencyMs, this.config.concurrency));
  }

  /**
   * got's retry hook: 0 means "do not retry"; otherwise the wait in ms before the next attempt. The
   * waits themselves happen in `beforeAttempt` (abortable, pacer-aware), so got only ever waits 1 ms.
   */
  private retryDelay({ error }: RetryObject): number {
    if (error.name === 'RetryError') return 1; // the one retry after a 401 and a fresh token
    // A refusal of ours (not sent: interrupted, deadline) is final.
    if (error.cause instanceof CxqError) return 0;
    const call = callOf(error.options);
    const now = Date.now();
    if (error.response === undefined && call.inFlight) this.answered(call, now);
    const failure = failureOf(call.method, error, now);
    if (call.unversionedWrite && isAmbiguous(failure, call.inFlight)) {
      call.ambiguousWrite = true;
      return 0;
    }
    if (call.method === 'PUT' && failure.status !== undefined && AMBIGUOUS_WRITE_STATUSES.has(failure.status)) {
      call.ambiguousWrite = true;
    }
    if (failure.status !== 429) call.failures++;
    const decision = decideRetry(failure, call.failures, this.config.retry, now, call.deadline, Math.random, call.throttleDeadline);
    if (!decision.retry) {
      if (decision.reason === 'wait-over-cap') call.refusedWaitMs = decision.waitMs;
      return 0;
    }
    call.inFlight = false;
    // A 429's wait is the gate (shared, in the pacer); anything else waits its own backoff.
    call.retryAt = failure.status === 429 ? 0 : now + decision.delayMs;
    // The server answered: a 429 proves it alive, so the deadline for failures restarts.
    if (failure.status === 429) call.deadline = Math.max(call.deadline, now + decision.delayMs + this.config.timeouts.deadlineMs);
    this.logger.info(
      { method: call.method, path: call.path, status: failure.status ?? null, code: failure.code ?? null, attempt: call.attempts, delayMs: Math.max(1, decision.delayMs) },
      'retrying',
    );
    // Interrupted meanwhile: got still calls beforeAttempt, which refuses to send.
    return 1;
  }

  /** The one scrubber for server text: every form of every secret the token source names. */
  private scrubber(): (text: string) => string {
    return makeScrubber(this.tokens.secrets());
  }
}

function failureOf(method: string, error: RequestError, now: number): AttemptFailure {
  const status = error.response?.statusCode;
  if (status !== undefined) {
    const retryAfterMs = parseRetryAfter(error.response?.headers['retry-after'], now);
    return { method, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  const event = (error as RequestError & { event?: string }).event;
  return { method, code: error.code, ...(event === undefined ? {} : { timeoutEvent: event }) };
}

/** An unversioned write's attempt ended so that it may have been applied: never re-send it blind. */
function isAmbiguous(failure: AttemptFailure, inFlight: boolean): boolean {
  if (failure.status !== undefined) return AMBIGUOUS_WRITE_STATUSES.has(failure.status);
  return inFlight && mayHaveBeenProcessed(failure);
}

/** The attempt in flight ended without an answer (e.g. the deadline aborted it) after it may have been sent. */
function lostAnswer(err: unknown, call: CallState): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: string; event?: string; response?: unknown };
  if (e.response !== undefined || !call.inFlight) return false;
  return mayHaveBeenProcessed({ method: call.method, code: e.code ?? 'unknown', ...(e.event === undefined ? {} : { timeoutEvent: e.event }) });
}

function unknownOutcome(call: CallState): OutcomeUnknownError {
  return new OutcomeUnknownError(
    call.method,
    call.url,
    `${call.method} ${call.url}: the request was sent but no answer proves whether it was applied (lost answer or server error); it was not re-sent`,
    { hint: 'Do not re-send it blindly: re-read the live state (run cxq plan again) and apply what is still needed.' },
  );
}

function callOf(options: { context: unknown }): CallState {
  return (options.context as { call: CallState }).call;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A call that changes the tenant: a v2 PUT, or an admin write (PUT, POST or DELETE without a version). */
function isWrite(call: CallState): boolean {
  return call.method === 'PUT' || call.unversionedWrite;
}
