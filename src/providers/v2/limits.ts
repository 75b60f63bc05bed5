/**
 * The bounds on what one answer and one list may hold. A server that misbehaves (an endless body,
 * a page of hundreds of MB, a list that never ends) fails the call at these limits instead of
 * exhausting memory or time. Documented in docs/client.md.
 */

/** The cap on one answer's body is the transport's (every dialect's); re-exported for v2's callers. */
export { MAX_RESPONSE_BYTES } from '../../transport/limits.js';

/** Most pages one list may have: 10,000 pages of 500 queues is far beyond any tenant. */
export const MAX_PAGES = 10_000;

/**
 * Most items one list may gather, all pages together: 100,000 queues, skills, distribution rows or
 * audit entries is far beyond a tenant of thousands of queues, and bounds the memory a list holds.
 */
export const MAX_LIST_ITEMS = 100_000;
