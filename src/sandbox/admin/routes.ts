/**
 * The admin dialect: routes under `/inContactAPI/services/v{NN}.0` (NN within the accepted
 * range), the token and discovery endpoints, the Accept rule and the error bodies, plugged into
 * the shared pipeline.
 */
import type { Reply } from '../http.js';
import type { Dialect } from '../pipeline.js';
import { matchIn, type Match, type PatternRoute } from '../routes.js';
import { ACCESS_KEY_PATH, DISCOVERY_PATH, type AdminGrant, type AdminTokens } from './auth.js';
import type { AdminContext, AdminSettings } from './context.js';
import { adminError } from './replies.js';
import { allActivity, allSummaries, completed, skillActivity, skillSummary } from './routes-analytics.js';
import { assignAgents, changeAgents, listAgents, manySkillsAgents, skillAgents, unassignAgent } from './routes-agents.js';
import { createSkills, getSkill, listSkills, putSkill } from './routes-skills.js';
import type { AdminState } from './state.js';

export const API_PREFIX = '/inContactAPI/services';

export interface AdminRoute extends PatternRoute {
  handler: (ctx: AdminContext) => Reply;
}

/** Literal paths before `{skillId}` ones, so `/skills/agents` is not skill "agents". */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  { method: 'GET', pattern: '/skills', handler: listSkills },
  { method: 'POST', pattern: '/skills', handler: createSkills },
  { method: 'GET', pattern: '/skills/agents', handler: manySkillsAgents },
  { method: 'GET', pattern: '/skills/activity', handler: allActivity },
  { method: 'GET', pattern: '/skills/summary', handler: allSummaries },
  { method: 'GET', pattern: '/skills/{skillId}', handler: getSkill },
  { method: 'PUT', pattern: '/skills/{skillId}', handler: putSkill },
  { method: 'GET', pattern: '/skills/{skillId}/agents', handler: skillAgents },
  { method: 'POST', pattern: '/skills/{skillId}/agents', handler: assignAgents },
  { method: 'PUT', pattern: '/skills/{skillId}/agents', handler: changeAgents },
  { method: 'DELETE', pattern: '/skills/{skillId}/agents/{agentId}', handler: unassignAgent },
  { method: 'GET', pattern: '/skills/{skillId}/activity', handler: skillActivity },
  { method: 'GET', pattern: '/skills/{skillId}/summary', handler: skillSummary },
  { method: 'GET', pattern: '/agents', handler: listAgents },
  { method: 'GET', pattern: '/contacts/completed', handler: completed },
];

/** Accepted API versions: `v{min}.0` … `v{max}.0`. */
export interface VersionRange {
  min: number;
  max: number;
}

/** The route for `method` and a full path, or none when the prefix or version is not served. */
export function matchAdmin(method: string, path: string, versions: VersionRange): Match<AdminRoute> {
  const m = /^\/inContactAPI\/services\/v(\d+)\.0(\/.*)$/.exec(path);
  if (!m || Number(m[1]) < versions.min || Number(m[1]) > versions.max) return { kind: 'none' };
  const rest = m[2]!.length > 1 && m[2]!.endsWith('/') ? m[2]!.slice(0, -1) : m[2]!;
  // A route like `/skills/{skillId}` must not take the literal segments of its siblings.
  const hit = matchIn(ADMIN_ROUTES, method, rest);
  if (hit.kind === 'route' && hit.route.pattern.includes('{skillId}') && ['agents', 'activity', 'summary'].includes(hit.params['skillId']!)) {
    return matchIn(ADMIN_ROUTES.filter((r) => !r.pattern.includes('{skillId}')), method, rest);
  }
  return hit;
}

/** Whether an Accept header lists application/json with a non-zero quality. */
export function acceptsJson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type, ...params] = range.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return type === 'application/json' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

const NOT_RENDERABLE: Reply = { status: 406, text: 'No known way to render data', headers: { 'content-type': 'text/plain; charset=utf-8' } };

/** The admin dialect for the shared pipeline. */
export function adminDialect(state: AdminState, tokens: AdminTokens, settings: AdminSettings, versions: VersionRange): Dialect<AdminGrant, AdminRoute> {
  return {
    open: [
      { path: ACCESS_KEY_PATH, method: 'POST', token: true, handle: (req, _url, body) => tokens.tokenEndpoint(req, body) },
      { path: DISCOVERY_PATH, method: 'GET', token: false, handle: (_req, url) => tokens.discovery(url) },
    ],
    match: (method, path) => matchAdmin(method, path, versions),
    authenticate: (req) => tokens.authenticate(req.headers.authorization),
    admit: (_route, _grant, req) => (acceptsJson(req.headers.accept) ? undefined : NOT_RENDERABLE),
    handle: (route, ctx) => route.handler({ ...ctx, state, settings }),
    replies: {
      unauthorized: () => adminError(401, 'bearer token missing, unknown or expired; get a new one from ' + ACCESS_KEY_PATH),
      rateLimited: (wait, limit) => ({
        ...adminError(429, `too many requests (sandbox limit ${limit})`),
        ...(settings.retryAfter ? { headers: { 'retry-after': String(wait) } } : {}),
      }),
      unavailable: () => adminError(503, 'injected transient failure; retry'),
      notFound: (method, path) => adminError(404, `no route ${method} ${path}`),
      methodNotAllowed: (method, path, allow) => ({ ...adminError(405, `${method} is not allowed on ${path}`), headers: { allow: allow.join(', ') } }),
      tooLarge: (message) => adminError(400, message),
      internal: () => adminError(500, 'internal sandbox error'),
    },
  };
}
