/**
 * Wire types of the CXone queue-routing API, as fixed by shared/cxone-api.md.
 * A server may return fields not listed here; `Queue` keeps them through an index signature so
 * that a PUT can carry them back unchanged.
 */
export const ROUTING_STRATEGIES = [
    'longestIdleAgent',
    'mostAvailableAgent',
    'leastRecentlyUsed',
    'firstAvailableAgent',
];
export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'];
export const SKILL_ROUTING_TYPES = ['any', 'all'];
/** Fields the server owns; a client never decides their value. */
export const READ_ONLY_FIELDS = ['id', 'version', 'dateModified', 'modifiedBy', 'selfUri'];
export const WAIT_TIME_RANGES = ['0-30', '30-60', '60-120', '120-300', '300-600', '600+'];
/** Every scope the client asks for (the seed's list). */
export const ALL_SCOPES = [
    'routing:queues:write',
    'routing:queues:read',
    'analytics:queues:read',
    'analytics:conversations:read',
    'audit:read',
    'health:read',
];
//# sourceMappingURL=types.js.map