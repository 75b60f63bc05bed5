import type { CxoneApi } from '../model/api.js';
import type { Queue } from '../model/queue.js';

/** Waits between reads while a write propagates: 100 ms doubling, 5 s in total at most. */
export const PROPAGATION_DELAYS_MS: readonly number[] = [100, 200, 400, 800, 1600, 1900];

/** Injectable so tests never sleep for real. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads one queue until its version is at least `minVersion` (reads may lag a write by a few
 * seconds), waiting `delays` between reads. Returns the last read even when it is still behind:
 * the caller decides what a lagging answer means. API errors propagate.
 */
export async function readAtLeast(
  api: CxoneApi,
  id: string,
  minVersion: number,
  sleep: Sleep,
  delays: readonly number[] = PROPAGATION_DELAYS_MS,
): Promise<Queue> {
  let queue = await api.getQueue(id);
  for (const delay of delays) {
    if (queue.version >= minVersion) break;
    await sleep(delay);
    queue = await api.getQueue(id);
  }
  return queue;
}

/**
 * Confirms that every written version is visible to readers, with list reads (one request per
 * 500 queues, not one GET per queue, so confirmation costs almost nothing of the rate budget).
 * Polls with `delays` between rounds, then gives up: queues still behind are returned as
 * `unconfirmed` rather than waited for. A queue missing from the list counts as unconfirmed.
 * API errors propagate (the caller records the queues as unconfirmed). An aborted `signal`
 * (SIGINT/SIGTERM) stops the polling at once: the rest are `unconfirmed`.
 */
export async function confirmVisible(
  api: CxoneApi,
  expected: ReadonlyMap<string, number>,
  sleep: Sleep,
  delays: readonly number[] = PROPAGATION_DELAYS_MS,
  signal?: AbortSignal,
): Promise<{ confirmed: string[]; unconfirmed: string[] }> {
  const pending = new Map(expected);
  const confirmed: string[] = [];
  for (let round = 0; pending.size > 0; round++) {
    for (const queue of await api.listQueues()) {
      const want = pending.get(queue.id);
      if (want !== undefined && queue.version >= want) {
        confirmed.push(queue.id);
        pending.delete(queue.id);
      }
    }
    const delay = delays[round];
    if (pending.size === 0 || delay === undefined || signal?.aborted) break;
    await sleep(delay);
  }
  return { confirmed, unconfirmed: [...pending.keys()] };
}
