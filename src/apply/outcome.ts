import type { Queue } from '../model/queue.js';

/**
 * What to do after a PUT whose answer was lost (`OutcomeUnknownError`), decided from a fresh read:
 *
 * | version after re-read | declared fields hold desired | modifiedBy        | decision   |
 * |-----------------------|------------------------------|-------------------|------------|
 * | sent + 1              | yes                          | any               | `applied`  |
 * | > sent + 1            | yes                          | our client id     | `applied`  |
 * | > sent + 1            | yes                          | someone else      | `noop`     |
 * | ≤ sent (unchanged)    | yes                          | any               | `noop`     |
 * | ≤ sent (unchanged)    | no                           | any               | `resend`   |
 * | > sent                | no                           | any               | `conflict` |
 *
 * `resend` is safe because the re-send carries the same `If-Match`: if the first write did land
 * after all (a lagging read), the server answers 409 and nothing is written twice. `conflict`
 * means someone else wrote in between: a `--dir` run re-plans like after a 409, a `--plan` run
 * fails the queue as stale.
 */
export type UnknownDecision = 'applied' | 'noop' | 'resend' | 'conflict';

/** Pure: the decision table above. `holdsDesired` is "diffQueue(reread, desired) is empty". */
export function decideUnknownOutcome(input: {
  sentVersion: number;
  reread: Queue;
  holdsDesired: boolean;
  clientId: string;
}): UnknownDecision {
  const { sentVersion, reread, holdsDesired, clientId } = input;
  if (reread.version <= sentVersion) return holdsDesired ? 'noop' : 'resend';
  if (!holdsDesired) return 'conflict';
  if (reread.version === sentVersion + 1) return 'applied';
  return reread.modifiedBy?.id === clientId ? 'applied' : 'noop';
}

/**
 * Pure: why the 2xx answer to a PUT of queue `id` sent with `If-Match: sentVersion` does not prove
 * the write, or undefined when it does. Only the same queue at exactly `sentVersion + 1` proves it:
 * an answer at the old version (nothing written?), a lower or a much higher one, or another queue's
 * id says nothing reliable about what the server did, so the outcome is decided from a fresh read
 * like a lost answer's.
 */
export function unprovenAnswer(written: Queue, id: string, sentVersion: number): string | undefined {
  if (written.id !== id) return `the answer was another queue (${JSON.stringify(written.id).slice(0, 60)})`;
  if (written.version !== sentVersion + 1) {
    return `the answer showed version ${written.version}, not ${sentVersion + 1} (one above the version sent)`;
  }
  return undefined;
}
