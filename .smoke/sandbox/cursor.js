/**
 * Opaque cursors: the whole follow-up query as base64url JSON, so a `nextUri` works without
 * server-side session state and keeps working across restarts of the same sandbox.
 */
/** Encodes a query as a cursor string. */
export function encodeCursor(query) {
    return Buffer.from(JSON.stringify(query), 'utf8').toString('base64url');
}
/** Decodes a cursor; undefined when it is not one of ours (not base64url JSON of an object). */
export function decodeCursor(cursor) {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor))
        return undefined;
    try {
        const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=cursor.js.map