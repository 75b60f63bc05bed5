const CODES = {
    400: 'bad.request',
    401: 'unauthorized',
    403: 'missing.scope',
    404: 'not.found',
    405: 'method.not.allowed',
    409: 'conflict',
    412: 'precondition.required',
    413: 'bad.request',
    429: 'too.many.requests',
    500: 'server.error',
    502: 'server.error',
    503: 'server.error',
    504: 'server.error',
};
/** The contract's error body. `errors` is included on 400 only (always, with at least one entry). */
export function errorReply(status, message, errors, code = CODES[status] ?? 'server.error') {
    const body = { status, code, message };
    if (status === 400)
        body['errors'] = errors && errors.length > 0 ? errors : [{ field: 'request', message }];
    return { status, body };
}
/** A 400 naming every failing field. */
export function badRequest(errors, message) {
    const fields = errors.map((e) => e.field).join(', ');
    return errorReply(400, message ?? `validation failed: ${fields}`, errors);
}
/** Writes a reply as JSON. */
export function sendReply(res, reply) {
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
        ...reply.headers,
    });
    res.end(payload);
}
/** Thrown by `readBody` when the body exceeds `limit` bytes. */
export class BodyTooLarge extends Error {
}
/** Reads the whole request body as UTF-8; rejects with `BodyTooLarge` past `limit` bytes. */
export async function readBody(req, limit = 5 * 1024 * 1024) {
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        const buf = chunk;
        size += buf.length;
        if (size > limit)
            throw new BodyTooLarge(`request body over ${limit} bytes`);
        chunks.push(buf);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** A JSON body, or a 400 reply when it is not a JSON object. Empty body → `undefined`. */
export function parseJsonObject(text) {
    if (text.trim() === '')
        return {};
    try {
        const value = JSON.parse(text);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            return { error: badRequest([{ field: 'body', message: 'must be a JSON object' }]) };
        }
        return { value: value };
    }
    catch {
        return { error: badRequest([{ field: 'body', message: 'is not valid JSON' }]) };
    }
}
/** An integer query parameter within [min, max], its default when absent, or a field error. */
export function intParam(params, name, range) {
    const raw = params.get(name);
    if (raw === null || raw === '')
        return range.fallback;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < range.min || n > range.max) {
        const upper = range.max === Number.MAX_SAFE_INTEGER ? 'or more' : `to ${range.max}`;
        return { field: name, message: `must be an integer from ${range.min} ${upper}` };
    }
    return n;
}
//# sourceMappingURL=http.js.map