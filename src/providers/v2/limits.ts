/**
 * The bounds on what one answer and one list may hold. A server that misbehaves (an endless body,
 * a page of hundreds of MB, a list that never ends) fails the call at these limits instead of
 * exhausting memory or time. Documented in docs/client.md.
 */

/**
 * Largest answer body read, in bytes (after decompression). No answer of the contract comes near
 * it (a page of 500 queues is well under 1 MiB); past it the download is stopped at once.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** Most pages one list may have: 10,000 pages of 500 queues is far beyond any tenant. */
export const MAX_PAGES = 10_000;

/**
 * Most items one list may gather, all pages together: 100,000 queues, skills, distribution rows or
 * audit entries is far beyond a tenant of thousands of queues, and bounds the memory a list holds.
 */
export const MAX_LIST_ITEMS = 100_000;
