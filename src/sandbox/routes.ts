/**
 * The route table: method + path pattern → scope and handler. Matching distinguishes an
 * unknown path (404) from a known path with the wrong method (405).
 */
import type { Grant, TokenStore } from './auth.js';
import { badRequest, errorReply, type Reply } from './http.js';
import type { Dialect } from './pipeline.js';
import { analyticsData, analyticsDetails } from './routes-analytics.js';
import { auditList } from './routes-audit.js';
import { getQueue, health, listQueues, listSkills, putQueue, type RouteContext } from './routes-queues.js';
import type { SandboxState } from './state.js';

export const TOKEN_PATH = '/api/v2/oauth/token';

/** A method and a path pattern; `{id}` matches one segment. The pattern keys `stats.byRoute`. */
export interface PatternRoute {
  method: string;
  pattern: string;
}

export interface Route extends PatternRoute {
  scope: string;
  handler: (ctx: RouteContext) => Reply | Promise<Reply>;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: '/api/v2/routing/queues', scope: 'routing:queues:read', handler: listQueues },
  { method: 'GET', pattern: '/api/v2/routing/queues/{id}', scope: 'routing:queues:read', handler: getQueue },
  { method: 'PUT', pattern: '/api/v2/routing/queues/{id}', scope: 'routing:queues:write', handler: putQueue },
  { method: 'GET', pattern: '/api/v2/routing/skills', scope: 'routing:queues:read', handler: listSkills },
  {
    method: 'POST',
    pattern: '/api/v2/analytics/queues/details/query',
    scope: 'analytics:queues:read',
    handler: analyticsDetails,
  },
  {
    method: 'POST',
    pattern: '/api/v2/analytics/queues/data/query',
    scope: 'analytics:conversations:read',
    handler: analyticsData,
  },
  { method: 'GET', pattern: '/api/v2/audit', scope: 'audit:read', handler: auditList },
  { method: 'GET', pattern: '/api/v2/health', scope: 'health:read', handler: health },
];

/** What a path matched in a route table: a route, only other methods (405), or nothing (404). */
export type Match<R> =
  | { kind: 'route'; route: R; params: Record<string, string> }
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' };

export type RouteMatch = Match<Route>;

/** The params of `path` under `pattern` (decoded segments), or undefined when it does not match. */
export function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith('{')) {
      if (g === '') return undefined;
      try {
        params[w.slice(1, -1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** Finds the first route of `routes` for `method` and `path` (no query string). */
export function matchIn<R extends PatternRoute>(routes: readonly R[], method: string, path: string): Match<R> {
  const allow: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'route', route, params };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: 'method', allow } : { kind: 'none' };
}

/** Finds the v2 route for `method` and `path` (no query string). */
export function matchRoute(method: string, path: string): RouteMatch {
  return matchIn(ROUTES, method, path);
}

/** The v2 dialect of the pipeline: docs/api.md's token endpoint, routes, scopes and error bodies. */
export function v2Dialect(state: SandboxState, tokens: TokenStore): Dialect<Grant, Route> {
  return {
    open: [{ path: TOKEN_PATH, method: 'POST', token: true, handle: (req, _url, body) => tokens.tokenEndpoint(req, body) }],
    match: matchRoute,
    authenticate: (req) => tokens.authenticate(req.headers.authorization),
    admit: (route, grant) =>
      grant.scopes.has(route.scope)
        ? undefined
        : errorReply(403, `token lacks scope ${route.scope} required by ${route.method} ${route.pattern}`),
    handle: (route, ctx) => route.handler({ ...ctx, state }),
    replies: {
      unauthorized: () => errorReply(401, 'bearer token missing, malformed, unknown or expired; get a new one from /api/v2/oauth/token'),
      rateLimited: (wait, limit) => ({
        ...errorReply(429, `rate limit of ${limit} exceeded; retry after ${wait} s`),
        headers: { 'retry-after': String(wait) },
      }),
      unavailable: () => errorReply(503, 'injected transient failure; retry'),
      notFound: (method, path) => errorReply(404, `no route ${method} ${path}`),
      methodNotAllowed: (method, path, allow) => ({
        ...errorReply(405, `${method} is not allowed on ${path}`),
        headers: { allow: allow.join(', ') },
      }),
      tooLarge: (message) => badRequest([{ field: 'body', message }]),
      internal: () => errorReply(500, 'internal sandbox error'),
    },
  };
}
