import { decodeCursor, encodeCursor } from './cursor.js';
import { badRequest, intParam } from './http.js';
import { parseTimeExpr } from './time.js';
function parseQuery(params, now) {
    const errors = [];
    const pageSize = intParam(params, 'pageSize', { min: 1, max: 500, fallback: 100 });
    if (typeof pageSize !== 'number')
        errors.push(pageSize);
    const time = (name) => {
        const raw = params.get(name);
        if (raw === null || raw === '')
            return undefined;
        const t = parseTimeExpr(raw, now);
        if (!t)
            errors.push({ field: name, message: 'must be ISO-8601 or now, now-Nm, now-Nh, now-Nd' });
        return t?.getTime();
    };
    const query = { pageSize: typeof pageSize === 'number' ? pageSize : 100, offset: 0 };
    const start = time('startTime');
    const end = time('endTime');
    if (start !== undefined)
        query.start = start;
    if (end !== undefined)
        query.end = end;
    for (const key of ['resourceId', 'resourceType', 'action']) {
        const v = params.get(key);
        if (v !== null && v !== '')
            query[key] = v;
    }
    return errors.length > 0 ? badRequest(errors) : query;
}
function matches(e, q) {
    const t = Date.parse(e.timestamp);
    return ((q.resourceId === undefined || e.resourceId === q.resourceId) &&
        (q.resourceType === undefined || e.resourceType === q.resourceType) &&
        (q.action === undefined || e.action === q.action) &&
        (q.start === undefined || t >= q.start) &&
        (q.end === undefined || t <= q.end));
}
/** Answers one audit page; `?cursor=` replaces every other parameter. 400 for a bad time or pageSize. */
export function auditList(ctx) {
    const cursor = ctx.url.searchParams.get('cursor');
    let query;
    if (cursor !== null) {
        const q = decodeCursor(cursor);
        query = q && Number.isInteger(q.offset) && Number.isInteger(q.pageSize) ? q : badRequest([{ field: 'cursor', message: 'is not a cursor this server issued' }]);
    }
    else {
        query = parseQuery(ctx.url.searchParams, ctx.state.now());
    }
    if ('status' in query)
        return query;
    const q = query;
    const all = ctx.state.auditLog().filter((e) => matches(e, q));
    const next = q.offset + q.pageSize;
    const nextUri = next < all.length ? `/api/v2/audit?cursor=${encodeCursor({ ...q, offset: next })}` : null;
    return { status: 200, body: { results: all.slice(q.offset, next), pageSize: q.pageSize, total: all.length, nextUri } };
}
//# sourceMappingURL=routes-audit.js.map