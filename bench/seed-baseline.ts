/**
 * The seed tutorial's own deploy strategy, ported faithfully as the baseline cxq is measured against:
 * per queue, sequentially: GET the queue, PUT it with If-Match, retry any HTTP error up to 3 times
 * with exponential waits of at least 2 s (tenacity, ignoring Retry-After), then — in the "polling"
 * variant — sleep 2 s and GET until the version shows, up to 5 times.
 * It talks plain fetch to the sandbox, like the seed's `requests` session.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface SeedRunResult {
  requests: number;
  conflicts: number;
  failures: number;
}

interface SeedQueue {
  id: string;
  version: number;
  [field: string]: unknown;
}

async function token(baseUrl: string): Promise<string> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: 'sandbox',
    client_secret: 'sandbox',
    scope: 'routing:queues:write routing:queues:read',
  });
  const res = await fetch(`${baseUrl}/api/v2/oauth/token`, { method: 'POST', body });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The seed's `_request_with_retry`: 3 attempts, waits 2 s, 4 s (min 2, max 10), any HTTP error. */
async function requestWithRetry(
  counter: { n: number },
  url: string,
  init: RequestInit,
): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    counter.n += 1;
    const res = await fetch(url, init);
    if (res.ok || attempt === 3) return res;
    await res.arrayBuffer();
    await sleep(Math.min(10_000, 2_000 * 2 ** (attempt - 1)));
  }
}

/**
 * Deploys `change(queue)` to every id, one queue after the other, as the seed does.
 * `poll` adds the seed's 2 s propagation polling after every PUT.
 */
export async function runSeedStrategy(
  baseUrl: string,
  ids: readonly string[],
  change: (q: SeedQueue) => SeedQueue,
  poll: boolean,
): Promise<SeedRunResult> {
  const counter = { n: 1 };
  const auth = { Authorization: `Bearer ${await token(baseUrl)}` };
  let conflicts = 0;
  let failures = 0;
  for (const id of ids) {
    const url = `${baseUrl}/api/v2/routing/queues/${id}`;
    const current = (await (await requestWithRetry(counter, url, { headers: auth })).json()) as SeedQueue;
    const payload = change(current);
    const res = await requestWithRetry(counter, url, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': String(current.version) },
      body: JSON.stringify({ ...payload, version: current.version }),
    });
    if (res.status === 409) conflicts += 1;
    if (!res.ok) {
      failures += 1;
      await res.arrayBuffer();
      continue;
    }
    const updated = (await res.json()) as SeedQueue;
    if (!poll) continue;
    for (let i = 0; i < 5; i += 1) {
      await sleep(2_000);
      const check = (await (await requestWithRetry(counter, url, { headers: auth })).json()) as SeedQueue;
      if (check.version === updated.version) break;
    }
  }
  return { requests: counter.n, conflicts, failures };
}
