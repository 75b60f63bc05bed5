/**
 * The request pipeline of the sandbox, shared by its dialects. For API requests: latency →
 * connection reset (fault) → body → 401 auth → 429 rate limit → 503 fault → 404/405 route →
 * dialect admission (v2: 403 scope; admin: 406 Accept) → handler → lost answer (fault, successful
 * writes). Open endpoints (token, discovery) skip the faults, the rate limit and auth.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { BodyTooLarge, readBody, sendReply, type Reply } from './http.js';
import type { FaultInjector, RateLimiter } from './limits.js';
import type { Match, PatternRoute } from './routes.js';

/** Counters of what the sandbox received (mutated live). */
export interface SandboxStats {
  /** Every request received, token requests included. */
  requests: number;
  /** Answers sent, by HTTP status (destroyed connections are not counted here). */
  byStatus: Record<number, number>;
  /** Requests by `METHOD pattern`, e.g. `PUT /api/v2/routing/queues/{id}`. */
  byRoute: Record<string, number>;
  /** PUT requests received on an API route, whatever their outcome. */
  puts: number;
  /** Requests to the token endpoint. */
  tokenRequests: number;
  /** Connections destroyed before handling (resetRate). */
  resets: number;
  /** Successful writes whose answer was destroyed (lostResponseRate). */
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

/** An endpoint answered without auth, rate limit or faults (token, discovery). */
export interface OpenEndpoint {
  path: string;
  method: string;
  /** Counted in `stats.tokenRequests`. */
  token: boolean;
  handle(req: IncomingMessage, url: URL, body: string): Reply;
}

/** What a handler gets. */
export interface HandlerContext<G> {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  body: string;
  grant: G;
  faults: FaultInjector;
}

/** The answers a dialect gives at each gate of the pipeline (each its own error body shape). */
export interface DialectReplies {
  unauthorized(): Reply;
  rateLimited(waitSeconds: number, limit: string): Reply;
  unavailable(): Reply;
  notFound(method: string, path: string): Reply;
  methodNotAllowed(method: string, path: string, allow: readonly string[]): Reply;
  tooLarge(message: string): Reply;
  internal(): Reply;
}

/** One API dialect: its open endpoints, routes, auth, admission rule and error bodies. */
export interface Dialect<G extends { clientId: string }, R extends PatternRoute> {
  open: readonly OpenEndpoint[];
  match(method: string, path: string): Match<R>;
  /** The grant behind the request's credentials, or undefined (→ 401). */
  authenticate(req: IncomingMessage): G | undefined;
  /** A refusal after routing and before the handler, or undefined to go on. */
  admit(route: R, grant: G, req: IncomingMessage): Reply | undefined;
  handle(route: R, ctx: HandlerContext<G>): Reply | Promise<Reply>;
  replies: DialectReplies;
}

/** One request as it arrived (for `onReceive`): method, path without query, route key. */
export interface Received {
  method: string;
  path: string;
  query: string;
  route: string;
}

export interface PipelineDeps<G extends { clientId: string }, R extends PatternRoute> {
  dialect: Dialect<G, R>;
  limiter: RateLimiter;
  faults: FaultInjector;
  logger: Logger;
  /** Called synchronously on arrival, before anything is handled; returns a finisher given the outcome. */
  onReceive?: (r: Received) => (outcome: number | 'reset' | 'lost' | 'dropped') => void;
}

/**
 * The sandbox's request pipeline: latency, injected faults, auth, rate limit and routing, in the
 * order docs/sandbox.md gives, with per-status and per-route counters in `stats`.
 */
export class Pipeline<G extends { clientId: string }, R extends PatternRoute> {
  readonly stats: SandboxStats = { requests: 0, byStatus: {}, byRoute: {}, puts: 0, tokenRequests: 0, resets: 0, lostResponses: 0 };
  /** Delay before every answer, in ms. */
  latencyMs = 0;
  /** Whether a 429 carries `Retry-After` (a server may send none). */
  retryAfter = true;
  /** Every request received, in arrival order (see RequestRecord). */
  readonly record: RequestRecord[] = [];
  readonly #pending = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  #closed = false;

  constructor(private readonly deps: PipelineDeps<G, R>) {}

  /** Answers one request; never throws (a handler bug becomes a 500 and an error log). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { stats, deps } = this;
    stats.requests += 1;
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const open = deps.dialect.open.filter((e) => e.path === url.pathname);
    const match: Match<R> = open.length > 0 ? { kind: 'none' } : deps.dialect.match(method, url.pathname);
    const key =
      open.length > 0 ? `${method} ${url.pathname}` : match.kind === 'route' ? `${method} ${match.route.pattern}` : `${method} (unmatched)`;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    if (method === 'PUT' && match.kind === 'route') stats.puts += 1;
    const entry: RequestRecord = { method, path: url.pathname, client: null, arrivedAt: Date.now() };
    this.record.push(entry);
    if (this.record.length > MAX_RECORDS) this.record.splice(0, this.record.length - MAX_RECORDS);
    const settle = (status: number): void => {
      entry.answeredAt = Date.now();
      entry.status = status;
    };
    res.once('close', () => entry.answeredAt ?? settle(0));
    const finish = deps.onReceive?.({ method, path: url.pathname, query: url.search, route: key });
    // The rate limit counts a request when it arrives, like a gateway in front of the API; its
    // answer still waits the latency (and the 401 check stays in its place in the pipeline).
    const waitS = open.length > 0 ? 0 : this.#admit(req);
    if (this.latencyMs > 0) await this.#delay(this.latencyMs);
    if (this.#closed) return void (finish?.('dropped'), res.destroy());
    if (open.length === 0 && deps.faults.reset()) {
      stats.resets += 1;
      finish?.('reset');
      req.socket.destroy();
      return;
    }
    const reply = await this.#answer(req, url, open, match, key, entry, waitS);
    if (reply.lose) {
      stats.lostResponses += 1;
      finish?.('lost');
      req.socket.destroy();
      return;
    }
    stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
    finish?.(reply.status);
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

  async #answer(req: IncomingMessage, url: URL, open: readonly OpenEndpoint[], match: Match<R>, key: string, entry: RequestRecord, waitS: number): Promise<Reply> {
    const { replies } = this.deps.dialect;
    try {
      const body = await readBody(req);
      if (open.length === 0) return await this.#api(req, url, match, body, entry, waitS);
      if (open.some((e) => e.token)) this.stats.tokenRequests += 1;
      const endpoint = open.find((e) => e.method === req.method);
      if (endpoint) return endpoint.handle(req, url, body);
      return replies.methodNotAllowed(req.method ?? 'GET', url.pathname, open.map((e) => e.method));
    } catch (err) {
      if (err instanceof BodyTooLarge) return replies.tooLarge(err.message);
      this.deps.logger.error({ err: err instanceof Error ? err.message : String(err), route: key }, 'sandbox handler failed');
      return replies.internal();
    }
  }

  /** The limiter's verdict at arrival, for a request with valid credentials (seconds to wait; 0 = admitted). */
  #admit(req: IncomingMessage): number {
    const grant = this.deps.dialect.authenticate(req);
    return grant ? this.deps.limiter.take(grant.clientId) : 0;
  }

  async #api(req: IncomingMessage, url: URL, match: Match<R>, body: string, entry: RequestRecord, wait: number): Promise<Reply> {
    const { dialect, limiter, faults } = this.deps;
    const { replies } = dialect;
    const grant = dialect.authenticate(req);
    if (!grant) return replies.unauthorized();
    entry.client = grant.clientId;
    if (wait > 0) {
      const reply = replies.rateLimited(wait, limiter.describe());
      if (this.retryAfter || reply.headers === undefined) return reply;
      // A server may send none (--no-retry-after): the same 429 without the header.
      const { 'retry-after': _dropped, ...headers } = reply.headers;
      return { ...reply, headers };
    }
    if (faults.fault()) return replies.unavailable();
    const method = req.method ?? 'GET';
    if (match.kind === 'none') return replies.notFound(method, url.pathname);
    if (match.kind === 'method') return replies.methodNotAllowed(method, url.pathname, match.allow);
    const refused = dialect.admit(match.route, grant, req);
    if (refused) return refused;
    return dialect.handle(match.route, { req, url, params: match.params, body, grant, faults });
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const item = { timer: setTimeout(() => (this.#pending.delete(item), resolve()), ms), done: resolve };
      this.#pending.add(item);
    });
  }
}
