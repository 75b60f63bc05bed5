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
    const finish = deps.onReceive?.({ method, path: url.pathname, query: url.search, route: key });
    if (this.latencyMs > 0) await this.#delay(this.latencyMs);
    if (this.#closed) return void (finish?.('dropped'), res.destroy());
    if (open.length === 0 && deps.faults.reset()) {
      stats.resets += 1;
      finish?.('reset');
      req.socket.destroy();
      return;
    }
    const reply = await this.#answer(req, url, open, match, key);
    if (reply.lose) {
      stats.lostResponses += 1;
      finish?.('lost');
      req.socket.destroy();
      return;
    }
    stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
    finish?.(reply.status);
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

  async #answer(req: IncomingMessage, url: URL, open: readonly OpenEndpoint[], match: Match<R>, key: string): Promise<Reply> {
    const { replies } = this.deps.dialect;
    try {
      const body = await readBody(req);
      if (open.length === 0) return await this.#api(req, url, match, body);
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

  async #api(req: IncomingMessage, url: URL, match: Match<R>, body: string): Promise<Reply> {
    const { dialect, limiter, faults } = this.deps;
    const { replies } = dialect;
    const grant = dialect.authenticate(req);
    if (!grant) return replies.unauthorized();
    const wait = limiter.take(grant.clientId);
    if (wait > 0) return replies.rateLimited(wait, limiter.describe());
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
