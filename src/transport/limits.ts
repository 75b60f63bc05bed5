/**
 * The bound on what one answer may hold, for every dialect: a server that misbehaves (an endless
 * body, a page of hundreds of MB) fails the call here instead of exhausting memory. Documented in
 * docs/client.md.
 */

/**
 * Largest answer body read, in bytes (after decompression). No answer of the contract comes near
 * it (a page of 500 queues is well under 1 MiB); past it the download is stopped at once.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
