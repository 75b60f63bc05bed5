/**
 * The request pipeline of the sandbox. For API requests: latency → connection reset (fault) →
 * body → 401 auth → 429 rate limit → 503 fault → 404/405 route → 403 scope → handler → lost
 * answer (fault, successful PUTs). The token endpoint skips the faults and the rate limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import type { TokenStore } from './auth.js';
import { BodyTooLarge, badRequest, errorReply, readBody, sendReply, type Reply } from './http.js';
import type { FaultInjector, RateLimiter } from './limits.js';
import { matchRoute, TOKEN_PATH, type RouteMatch } from './routes.js';
import type { SandboxState } from './state.js';

/** Counters of what the sandbox received (mutated live). */
export interface SandboxStats {
  /** Every request received, token requests included. */
  requests: number;
  /** Answers sent, by HTTP status (destroyed connections are not counted here). */
  byStatus: Record<number, number>;
  /** Requests by `METHOD pattern`, e.g. `PUT /api/v2/routing/queues/{id}`. */
  byRoute: Record<string, number>;
  /** PUT requests received on the queue path, whatever their outcome. */
  puts: number;
  /** Requests to the token endpoint. */
  tokenRequests: number;
  /** Connections destroyed before handling (resetRate). */
  resets: number;
  /** Successful PUTs whose answer was destroyed (lostResponseRate). */
  lostResponses: number;
}

/**
 * One request as the server saw it: what, from which client, when it arrived and when (and how) it
 * was answered (`Date.now()` ms). `status` 0 = the connection was destroyed instead.
 */
export interface RequestRecord {
  method: string;
  path: string;
  /** The client id of its token; null for the token endpoint or an unauthenticated request. */
  client: string | null;
  arrivedAt: number;
  answeredAt?: number;
  status?: number;
}

/** Most records kept (the oldest are dropped beyond it), so a long-running sandbox stays bounded. */
export const MAX_RECORDS = 200_000;

export interface PipelineDeps {
  state: SandboxState;
  tokens: TokenStore;
  limiter: RateLimiter;
  faults: FaultInjector;
  logger: Logger;
}

/**
 * The sandbox's request pipeline: latency, injected faults, auth, rate limit and routing, in the
 * order docs/sandbox.md gives, with per-status and per-route counters in `stats`.
 */
export class Pipeline {
  readonly stats: SandboxStats = { requests: 0, byStatus: {}, byRoute: {}, puts: 0, tokenRequests: 0, resets: 0, lostResponses: 0 };
  /** Delay before every answer, in ms. */
  latencyMs = 0;
  /** Whether a 429 carries `Retry-After` (a server may send none). */
  retryAfter = true;
  /** Every request received, in arrival order (see RequestRecord). */
  readonly record: RequestRecord[] = [];
  readonly #pending = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  #closed = false;

  constructor(private readonly deps: PipelineDeps) {}

  /** Answers one request; never throws (a handler bug becomes a 500 and an error log). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { stats, deps } = this;
    stats.requests += 1;
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: RequestRecord = { method, path: url.pathname, client: null, arrivedAt: Date.now() };
    this.record.push(entry);
    if (this.record.length > MAX_RECORDS) this.record.splice(0, this.record.length - MAX_RECORDS);
    const settle = (status: number): void => {
      entry.answeredAt = Date.now();
      entry.status = status;
    };
    res.once('close', () => entry.answeredAt ?? settle(0));
    const isToken = url.pathname === TOKEN_PATH;
    const match: RouteMatch = isToken ? { kind: 'none' } : matchRoute(method, url.pathname);
    const key = isToken ? `${method} ${TOKEN_PATH}` : match.kind === 'route' ? `${method} ${match.route.pattern}` : `${method} (unmatched)`;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    if (method === 'PUT' && match.kind === 'route') stats.puts += 1;
    // The rate limit counts a request when it arrives, like a gateway in front of the API; its
    // answer still waits the latency (and the 401 check stays in its place in the pipeline).
    const waitS = isToken ? 0 : this.#admit(req);
    if (this.latencyMs > 0) await this.#delay(this.latencyMs);
    if (this.#closed) return void res.destroy();
    if (!isToken && deps.faults.reset()) {
      stats.resets += 1;
      req.socket.destroy();
      return;
    }
    const reply = await this.#answer(req, url, isToken, match, key, entry, waitS);
    if (reply.lose) {
      stats.lostResponses += 1;
      req.socket.destroy();
      return;
    }
    stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
    settle(reply.status);
    deps.logger.debug({ method, route: key, status: reply.status }, 'sandbox request');
    sendReply(res, reply);
  }

  /** Releases every delayed answer (their connections are then destroyed) and refuses new work. */
  close(): void {
    this.#closed = true;
    for (const p of this.#pending) {
      clearTimeout(p.timer);
      p.done();
    }
    this.#pending.clear();
  }

  async #answer(req: IncomingMessage, url: URL, isToken: boolean, match: RouteMatch, key: string, entry: RequestRecord, waitS: number): Promise<Reply> {
    try {
      const body = await readBody(req);
      if (!isToken) return await this.#api(req, url, match, body, entry, waitS);
      this.stats.tokenRequests += 1;
      if (req.method === 'POST') return this.deps.tokens.tokenEndpoint(req, body);
      return { ...errorReply(405, `${req.method} is not allowed on ${TOKEN_PATH}`), headers: { allow: 'POST' } };
    } catch (err) {
      if (err instanceof BodyTooLarge) return badRequest([{ field: 'body', message: err.message }]);
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err), route: key }, 'sandbox handler failed');
      return errorReply(500, 'internal sandbox error');
    }
  }

  /** The limiter's verdict at arrival, for a request with a valid token (seconds to wait; 0 = admitted). */
  #admit(req: IncomingMessage): number {
    const grant = this.deps.tokens.authenticate(req.headers.authorization);
    return grant ? this.deps.limiter.take(grant.clientId) : 0;
  }

  async #api(req: IncomingMessage, url: URL, match: RouteMatch, body: string, entry: RequestRecord, wait: number): Promise<Reply> {
    const { tokens, limiter, faults, state } = this.deps;
    const grant = tokens.authenticate(req.headers.authorization);
    if (!grant) return errorReply(401, 'bearer token missing, malformed, unknown or expired; get a new one from /api/v2/oauth/token');
    entry.client = grant.clientId;
    if (wait > 0) {
      if (!this.retryAfter) return errorReply(429, `rate limit of ${limiter.describe()} exceeded`);
      const reply = errorReply(429, `rate limit of ${limiter.describe()} exceeded; retry after ${wait} s`);
      return { ...reply, headers: { 'retry-after': String(wait) } };
    }
    if (faults.fault()) return errorReply(503, 'injected transient failure; retry');
    if (match.kind === 'none') return errorReply(404, `no route ${req.method} ${url.pathname}`);
    if (match.kind === 'method') {
      return { ...errorReply(405, `${req.method} is not allowed on ${url.pathname}`), headers: { allow: match.allow.join(', ') } };
    }
    if (!grant.scopes.has(match.route.scope)) {
      return errorReply(403, `token lacks scope ${match.route.scope} required by ${match.route.method} ${match.route.pattern}`);
    }
    return match.route.handler({ state, req, url, params: match.params, body, grant, faults });
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const item = { timer: setTimeout(() => (this.#pending.delete(item), resolve()), ms), done: resolve };
      this.#pending.add(item);
    });
  }
}
