/**
 * Waiting that never outlives its reason: an abortable sleep whose timer is cleared when the signal
 * fires, and that never hands Node a delay above 2^31 - 1 ms (which Node would turn into 1 ms with a
 * TimeoutOverflowWarning); longer waits are slept in pieces.
 */

/** Largest delay `setTimeout` takes as given. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Resolves `true` after `ms`, or `false` as soon as `signal` aborts (at once if it already has);
 * never rejects. The timer is cleared either way.
 */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const end = Date.now() + ms;
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const arm = (): void => {
      const left = end - Date.now();
      if (left <= 0) {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
        return;
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    arm();
  });
}
