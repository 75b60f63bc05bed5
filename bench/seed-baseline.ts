/**
 * The seed tutorial's own deploy strategy, ported faithfully as the baseline cxq is measured against:
 * per queue, sequentially: GET the queue, PUT it with If-Match, retry any HTTP error (409 and 429
 * included) up to 3 attempts with tenacity's `wait_exponential(multiplier=1, min=2, max=10)` —
 * 2 s then 2 s, ignoring Retry-After — then, in the "polling" variant, sleep 2 s and GET until the
 * version shows, up to 5 times. One token for the whole run (the seed caches it for an hour).
 * Where the seed raises (retries exhausted, polling timeout) this port counts a failure and goes
 * on with the next queue, so a run always covers every queue. Plain fetch, like `requests`.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface SeedRunResult {
  requests: number;
  conflicts: number;
  /** Queues whose GET or PUT still failed after 3 attempts (the seed raises there). */
  failures: number;
  /** Queues whose new version did not show within the 5 polls (the seed raises TimeoutError). */
  pollTimeouts: number;
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

/**
 * The seed's `_request_with_retry`: 3 attempts on any HTTP error. tenacity's wait after attempt k
 * is clamp(1 × 2^(k-1), 2, 10) seconds: 2 s after the first attempt, 2 s after the second.
 */
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
    await sleep(Math.min(10_000, Math.max(2_000, 1_000 * 2 ** (attempt - 1))));
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
  let pollTimeouts = 0;
  for (const id of ids) {
    const url = `${baseUrl}/api/v2/routing/queues/${id}`;
    const got = await requestWithRetry(counter, url, { headers: auth });
    if (!got.ok) {
      failures += 1;
      await got.arrayBuffer();
      continue;
    }
    const current = (await got.json()) as SeedQueue;
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
    let shown = false;
    for (let i = 0; i < 5 && !shown; i += 1) {
      await sleep(2_000);
      const check = (await (await requestWithRetry(counter, url, { headers: auth })).json()) as SeedQueue;
      shown = check.version === updated.version;
    }
    if (!shown) pollTimeouts += 1;
  }
  return { requests: counter.n, conflicts, failures, pollTimeouts };
}
