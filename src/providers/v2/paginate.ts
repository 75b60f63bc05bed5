/**
 * Following `nextUri` pages. The page fetch is passed in, so the same loop serves the
 * `pageNumber`/`nextUri` lists (GET), the analytics cursor (POST with an empty body) and the audit
 * cursor (GET). Guards against a server that loops.
 */
import { CxqError } from '../../errors.js';
import { MAX_LIST_ITEMS, MAX_PAGES } from './limits.js';

export { MAX_LIST_ITEMS, MAX_PAGES };

/** A page as the client hands it over, its shape already checked (`results` always present). */
export interface CursorPage<T> {
  results: T[];
  nextUri?: string | null;
}

/**
 * Fetches `first`, then every `nextUri` with `next(nextUri)`, and returns all results in order.
 * Stops when `nextUri` is absent, null or empty. Throws `CxqError` if a `nextUri` repeats (the
 * server would loop forever), after `maxPages` pages or past `maxItems` results; errors of a fetch
 * propagate unchanged. Results are appended one by one: spreading a page of 100,000s of items into
 * `push(...)` overflows the call stack.
 */
export async function collectPages<T>(
  first: () => Promise<CursorPage<T>>,
  next: (nextUri: string) => Promise<CursorPage<T>>,
  maxPages: number = MAX_PAGES,
  maxItems: number = MAX_LIST_ITEMS,
): Promise<T[]> {
  const results: T[] = [];
  const seen = new Set<string>();
  let page = await first();
  for (let pages = 1; ; pages++) {
    if (results.length + page.results.length > maxItems) {
      throw new CxqError(`the API returned more than ${maxItems} items for one list; stopping`, {
        hint: 'This is far beyond any real tenant: check the base URL points at the CXone API.',
      });
    }
    for (const item of page.results) results.push(item);
    const nextUri = page.nextUri;
    if (nextUri === undefined || nextUri === null || nextUri === '') return results;
    if (seen.has(nextUri)) {
      throw new CxqError(`the API returned the page ${nextUri} twice: pagination would never end`, {
        hint: 'This is a server-side problem; retry later or report it to the API provider.',
      });
    }
    if (pages >= maxPages) {
      throw new CxqError(`the API returned more than ${maxPages} pages; stopping to avoid an endless loop`, {
        hint: 'This is far beyond any real tenant: check the base URL points at the CXone API.',
      });
    }
    checkRelative(nextUri);
    seen.add(nextUri);
    page = await next(nextUri);
  }
}

/** `nextUri` must be an absolute path relative to the base URL, never a URL to another host. */
function checkRelative(nextUri: string): void {
  if (!nextUri.startsWith('/') || nextUri.startsWith('//')) {
    throw new CxqError(`the API returned a nextUri that is not a path relative to the base URL: ${nextUri.slice(0, 100)}`, {
      hint: 'cxq only follows paths on the configured base URL, so the token never goes to another host.',
    });
  }
}
