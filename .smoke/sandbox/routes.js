import { analyticsData, analyticsDetails } from './routes-analytics.js';
import { auditList } from './routes-audit.js';
import { getQueue, health, listQueues, listSkills, putQueue } from './routes-queues.js';
export const TOKEN_PATH = '/api/v2/oauth/token';
export const ROUTES = [
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
function matchPattern(pattern, path) {
    const want = pattern.split('/');
    const got = path.split('/');
    if (want.length !== got.length)
        return undefined;
    const params = {};
    for (let i = 0; i < want.length; i++) {
        const w = want[i];
        const g = got[i];
        if (w.startsWith('{')) {
            if (g === '')
                return undefined;
            try {
                params[w.slice(1, -1)] = decodeURIComponent(g);
            }
            catch {
                return undefined;
            }
        }
        else if (w !== g)
            return undefined;
    }
    return params;
}
/** Finds the route for `method` and `path` (no query string). */
export function matchRoute(method, path) {
    const allow = [];
    for (const route of ROUTES) {
        const params = matchPattern(route.pattern, path);
        if (!params)
            continue;
        if (route.method === method)
            return { kind: 'route', route, params };
        allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method', allow } : { kind: 'none' };
}
//# sourceMappingURL=routes.js.map