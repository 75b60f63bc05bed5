/**
 * The HTTP layer of the client, on got: one got instance whose hooks add the token, the shared
 * rate-limit gate and pacing, the 401 refresh and the logging, and whose retry machinery asks
 * `decideRetry`. Every failure leaves as one of the project's typed errors.
 */
import http from 'node:http';
import https from 'node:https';
import { got, type Got, type NormalizedOptions, type OptionsInit, type RequestError, type Response, type RetryObject } from 'got';
import { ResponseShapeError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { VERSION } from '../../version.js';
import type { ClientStats } from '../../model/api.js';
import { TOKEN_PATH, TokenProvider, tokenForm, type TokenResponse } from './auth.js';
import type { ClientConfig } from './config.js';
import { Limiter } from '../../transport/limiter.js';
import { Pacer } from '../../transport/pacer.js';
import { RETRY_ERROR_CODES, RETRY_STATUSES, decideRetry, parseRetryAfter, type AttemptFailure } from '../../transport/retry-policy.js';
import { AMBIGUOUS_WRITE_STATUSES, toClientError, unprovenWrite, type CallState } from './failures.js';
import { statusError } from './api-errors.js';
import { makeScrubber } from './scrub.js';
import { checkShape, type Shape } from './shapes.js';
import { MAX_RESPONSE_BYTES } from './limits.js';

export type Method = 'GET' | 'POST' | 'PUT';

export interface CallOptions {
  method: Method;
  /** Absolute path (query included) relative to the base URL, e.g. a `nextUri`. */
  path: string;
  json?: unknown;
  headers?: Record<string, string>;
}

/**
 * The client's HTTP transport: one got instance plus the shared limiter, pacer and token provider.
 * `request` resolves with the parsed 2xx body or rejects with one of the project's typed errors.
 */
export class HttpTransport {
  readonly limiter: Limiter;
  readonly pacer: Pacer;
  readonly tokens: TokenProvider;
  private readonly got: Got;

  constructor(
    private readonly config: ClientConfig,
    private readonly logger: Logger,
    readonly stats: ClientStats,
  ) {
    this.limiter = new Limiter(config.concurrency);
    this.pacer = new Pacer(config.maxRps === undefined ? {} : { maxRps: config.maxRps });
    this.tokens = new TokenProvider(() => this.fetchToken(), logger);
    this.got = this.createGot();
  }

  /**
   * One API call through the shared concurrency limit, with a bearer token, retried per
   * `decideRetry` and bounded by the deadline. Resolves with the parsed JSON body of the 2xx answer,
   * checked against `shape` when one is given; rejects with ApiError (any non-2xx, 3xx included:
   * redirects are never followed) / CredentialsError / NetworkError / ResponseShapeError (not JSON,
   * wrong shape) / ResponseTooLargeError (over {@link MAX_RESPONSE_BYTES}) / OutcomeUnknownError
   * (a PUT whose answer was lost, unreadable, too large or of the wrong shape: it may have landed).
   */
  request<T>(options: CallOptions, shape?: Shape<T>): Promise<T> {
    return this.limiter.run(() => this.send<T>(options, true, undefined, shape));
  }

  private fetchToken(): Promise<TokenResponse> {
    const form = tokenForm(this.config.clientId, this.config.clientSecret);
    // The token request bypasses the limiter: callers holding every slot may be waiting for it.
    return this.send<TokenResponse>({ method: 'POST', path: TOKEN_PATH }, false, form);
  }

  private async send<T>(options: CallOptions, auth: boolean, form?: Record<string, string>, shape?: Shape<T>): Promise<T> {
    const token = auth ? await this.tokens.token() : undefined;
    const started = Date.now();
    const call: CallState = {
      method: options.method,
      path: options.path,
      url: this.config.baseUrl + (options.path.split('?')[0] ?? ''),
      auth,
      token,
      started,
      deadline: started + this.config.timeouts.deadlineMs,
      attempts: 0,
      authRetried: false,
      inFlight: false,
      sentAt: started,
      ambiguousWrite: false,
      tooLarge: false,
    };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.config.timeouts.deadlineMs);
    try {
      const pending = this.got(this.config.baseUrl + options.path, {
        method: options.method,
        ...(options.json === undefined ? {} : { json: options.json }),
        ...(form === undefined ? {} : { form }),
        headers: options.headers ?? {},
        context: { call },
        signal: controller.signal,
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
      throw toClientError(err, call, this.config, this.scrubber());
    } finally {
      clearTimeout(timer);
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
      throw statusError(status, response.statusMessage, response.headers['location'], this.config.baseUrl, call, scrub);
    }
    let body: unknown;
    try {
      body = JSON.parse(String(response.body));
    } catch {
      if (call.method === 'PUT') throw unprovenWrite(call, status, 'is not JSON');
      throw new ResponseShapeError(call.method, call.path, ['the body is not JSON']);
    }
    if (shape === undefined) return body as T;
    try {
      return checkShape(shape, body, call.method, call.path, scrub);
    } catch (err) {
      if (call.method === 'PUT' && err instanceof ResponseShapeError) throw unprovenWrite(call, status, `is not a queue (${err.problems.join('; ')})`);
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
        methods: ['GET', 'POST', 'PUT'],
        statusCodes: [...RETRY_STATUSES],
        errorCodes: [...RETRY_ERROR_CODES],
        calculateDelay: (r) => this.retryDelay(r),
      },
      hooks: {
        beforeRequest: [(options) => this.beforeAttempt(options)],
        afterResponse: [(response, retryWith) => this.afterAnswer(response, retryWith)],
        beforeRetry: [() => void this.stats.retries++],
      },
    });
  }

  /**
   * Before every attempt (retries included): wait for the gate and the pace, then add the token.
   * The token is taken after the wait, never before: a pause longer than the token's remaining life
   * (a long Retry-After, a slow pace, a short-lived token) would otherwise send an expired token.
   */
  private async beforeAttempt(options: NormalizedOptions): Promise<void> {
    const call = callOf(options);
    for (let wait = this.pacer.acquire(Date.now()); wait > 0; wait = this.pacer.acquire(Date.now())) {
      await sleep(wait);
    }
    if (call.auth) {
      call.token = await this.tokens.token();
      options.headers['authorization'] = `Bearer ${call.token}`;
    }
    // The deadline may have passed while waiting: got has already failed the call, send nothing.
    if (options.signal?.aborted) throw new Error('deadline reached before sending');
    call.attempts++;
    call.inFlight = true;
    call.sentAt = Date.now();
    this.stats.requests++;
    if (!call.auth) this.stats.tokenRequests++;
  }

  /** After every answer: feed the pacer, log, and on a first 401 fetch a new token and retry once. */
  private async afterAnswer(response: Response, retryWith: (o: OptionsInit) => never): Promise<Response> {
    const call = callOf(response.request.options);
    const now = Date.now();
    const status = response.statusCode;
    call.inFlight = false;
    this.logger.debug(
      { method: call.method, path: call.path, status, ms: now - call.sentAt, attempt: call.attempts },
      'request',
    );
    if (status === 429) {
      this.stats.throttled++;
      const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
      const rps = this.pacer.onThrottled(now, call.sentAt, retryAfterMs);
      this.logger.info(
        { method: call.method, path: call.path, retryAfterS: retryAfterMs === undefined ? null : retryAfterMs / 1000, paceRps: rps === undefined ? null : round(rps) },
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

  /** got's retry hook: 0 means "do not retry"; otherwise the wait in ms before the next attempt. */
  private retryDelay({ error }: RetryObject): number {
    if (error.name === 'RetryError') return 1; // the one retry after a 401 and a fresh token
    const call = callOf(error.options);
    call.inFlight = call.inFlight && error.response === undefined;
    const now = Date.now();
    const failure = failureOf(call.method, error, now);
    if (call.method === 'PUT' && failure.status !== undefined && AMBIGUOUS_WRITE_STATUSES.has(failure.status)) {
      call.ambiguousWrite = true;
    }
    const decision = decideRetry(failure, call.attempts, this.config.retry, now, call.deadline);
    if (!decision.retry) return 0;
    call.inFlight = false;
    const delayMs = Math.max(1, decision.delayMs);
    this.logger.info(
      { method: call.method, path: call.path, status: failure.status ?? null, code: failure.code ?? null, attempt: call.attempts, delayMs },
      'retrying',
    );
    return delayMs;
  }

  /** The one scrubber for server text: every form of the secret and of the current token. */
  private scrubber(): (text: string) => string {
    return makeScrubber([this.config.clientSecret, ...this.tokens.secrets()]);
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

function callOf(options: { context: unknown }): CallState {
  return (options.context as { call: CallState }).call;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
