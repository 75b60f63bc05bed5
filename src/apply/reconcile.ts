import type { CxoneApi } from '../model/api.js';
import type { Queue } from '../model/queue.js';
import { ApiError, NetworkError, OutcomeUnknownError, RequestNotSentError, ResponseShapeError, ResponseTooLargeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { DesiredFields, FieldChange } from '../plan/types.js';
import { jsonEqual } from '../util/canonical-json.js';
import { mergeDesired } from './merge.js';
import { decideUnknownOutcome, unprovenAnswer } from './outcome.js';
import { readAtLeast, type Sleep } from './propagation.js';
import type { ApplyMode, ApplyTask, AttemptReason, EntryError, EntryResult } from './types.js';

/** Re-read-and-write rounds after a 409 (`--dir` only) before the queue fails. */
export const MAX_CONFLICT_ROUNDS = 3;
/** Pause before each re-read after a 409, so that the other writer's version has propagated. */
export const CONFLICT_BACKOFF_MS: readonly number[] = [100, 200, 400];

/** The diff the plan uses (`diffQueue`); only `fields` is needed here. */
export type DiffFn = (live: Queue, desired: DesiredFields) => { fields: FieldChange[] };

export interface ReconcileDeps {
  api: CxoneApi;
  mode: ApplyMode;
  diff: DiffFn;
  sleep: Sleep;
  logger: Logger;
  /**
   * Awaited right before each PUT is sent (the journal's `attempt` line, flushed). If it throws,
   * the PUT is not sent and the error escapes `reconcileQueue` (the run must stop).
   */
  onAttempt: (attempt: { id: string; attempt: number; version: number; reason: AttemptReason }) => Promise<void> | void;
  /** Delays of the re-read after a lost answer was followed by a 409 (tests pass zeros). */
  readDelays?: readonly number[];
  /**
   * Aborted on SIGINT/SIGTERM. The PUT in flight finishes, but no further PUT of this queue is sent
   * (a re-write after a 409, a re-send after a lost answer): each would be a new write.
   */
  signal?: AbortSignal;
}

interface Cursor {
  live: Queue;
  attempts: number;
  rounds: number;
  reason: AttemptReason;
  /** The If-Match version of a write whose answer was lost, until it is resolved. */
  unknownVersion: number | null;
  /** Why the first write's own answer proved nothing (lost, unreadable, not showing the write). */
  unproven?: string;
}

/**
 * Writes one queue: PUT `mergeDesired(live, desired)` with the live version, and resolves what
 * can go wrong without ever writing the change twice or overwriting someone else's edit.
 *
 * - 409, `--dir`: re-read, re-diff; if the declared fields already hold the desired values the
 *   queue is `noop`, else merge into the fresh object and PUT again, {@link MAX_CONFLICT_ROUNDS}
 *   rounds at most, then `failed` (409).
 * - 409, `--plan`: `failed` as stale at once; the reviewed plan no longer describes the queue.
 * - lost answer: re-read and follow `decideUnknownOutcome`; one re-send at most, with the same
 *   If-Match, so a write that did land turns the re-send into a harmless 409. A 2xx that does not
 *   prove the write (`unprovenAnswer`: another id, a version other than sent + 1) and a 2xx whose
 *   body could not be read (the client's `OutcomeUnknownError`) are lost answers too; the entry
 *   then carries `unprovenAnswer`, and `applied` comes only from the fresh read.
 * - any other API or network error: `failed` with the server's status, code, message, errors[].
 * - interrupted (`signal`) before a further PUT: `skipped` after a 409 (nothing of ours landed),
 *   `failed` with `outcome.unknown` while a lost answer is unresolved.
 * - a re-read after a lost answer that fails: `failed` with `outcome.unknown` (the write may have
 *   landed), the read failure in the message.
 * - after a 409 round, the entry carries `conflicts` (rounds) and `overwrote`: the declared fields
 *   whose live value at the final write differed from the plan's (a concurrent edit of a field we
 *   manage, which the definition in git wins over).
 *
 * Never throws for a queue-level failure (the result says what happened); only `onAttempt` errors escape.
 */
export async function reconcileQueue(task: ApplyTask, deps: ReconcileDeps): Promise<EntryResult> {
  const cur: Cursor = { live: task.live, attempts: 0, rounds: 0, reason: 'initial', unknownVersion: null };
  for (;;) {
    const change = deps.diff(cur.live, task.desired);
    if (change.fields.length === 0) return result(task, cur, 'noop', cur.live.version, []);
    if (cur.attempts > 0 && deps.signal?.aborted) return interrupted(task, cur, deps);
    const sent = cur.live.version;
    cur.attempts += 1;
    await deps.onAttempt({ id: task.id, attempt: cur.attempts, version: sent, reason: cur.reason });
    try {
      const written = await deps.api.putQueue(mergeDesired(cur.live, task.desired), sent);
      const doubt = unprovenAnswer(written, task.id, sent);
      if (doubt === undefined) return { ...result(task, cur, 'applied', written.version, change.fields), fromVersion: sent };
      // Caught below and settled exactly like a lost answer: from a fresh read.
      throw new OutcomeUnknownError('PUT', task.id, `the PUT was answered 2xx but ${doubt}`);
    } catch (err) {
      const next = await afterFailedPut(err, task, cur, sent, change.fields, deps);
      if (next) return next;
    }
  }
}

/** Returns the final result, or undefined after moving `cur` on for another PUT. */
async function afterFailedPut(
  err: unknown,
  task: ApplyTask,
  cur: Cursor,
  sent: number,
  fields: FieldChange[],
  deps: ReconcileDeps,
): Promise<EntryResult | undefined> {
  try {
    // Held back by the interrupt (or --timeout) before it was sent: nothing of it was written.
    if (err instanceof RequestNotSentError) return interrupted(task, cur, deps);
    if (err instanceof OutcomeUnknownError) {
      cur.unknownVersion ??= sent;
      cur.unproven ??= err.message;
      deps.logger.info({ id: task.id, version: sent }, 'apply: answer lost or unproven, re-reading the queue');
      return await resolveUnknown(task, cur, await deps.api.getQueue(task.id), fields, deps);
    }
    if (err instanceof ApiError && err.status === 409) {
      if (cur.unknownVersion !== null) {
        // The re-send after a lost answer conflicted: most likely our first write did land.
        const fresh = await readAtLeast(deps.api, task.id, sent + 1, deps.sleep, deps.readDelays);
        return await resolveUnknown(task, cur, fresh, fields, deps, true);
      }
      return await conflictRound(task, cur, deps);
    }
    return failed(task, cur, errorOf(err));
  } catch (readErr) {
    // A re-read held back by the interrupt: nothing of ours landed after a 409, so skipped.
    if (cur.unknownVersion === null && readErr instanceof RequestNotSentError) return interrupted(task, cur, deps);
    if (cur.unknownVersion === null) return failed(task, cur, errorOf(readErr));
    // The write whose answer was lost may have landed: say so, whatever stopped the re-read.
    const read = errorOf(readErr);
    const detail = read.status > 0 ? `HTTP ${read.status} ${read.code}: ${read.message}` : read.message;
    return failed(task, cur, unknownError(`re-read failed: ${detail}`));
  }
}

async function conflictRound(task: ApplyTask, cur: Cursor, deps: ReconcileDeps): Promise<EntryResult | undefined> {
  if (deps.mode === 'plan') return failed(task, cur, staleError());
  if (cur.rounds >= MAX_CONFLICT_ROUNDS) {
    return failed(task, cur, exhaustedError());
  }
  await deps.sleep(CONFLICT_BACKOFF_MS[cur.rounds] ?? 0);
  cur.rounds += 1;
  cur.live = await readAtLeast(deps.api, task.id, cur.live.version + 1, deps.sleep, deps.readDelays);
  cur.reason = 'conflict';
  deps.logger.info({ id: task.id, round: cur.rounds, version: cur.live.version }, 'apply: 409, re-planned on the fresh queue');
  return undefined;
}

async function resolveUnknown(
  task: ApplyTask,
  cur: Cursor,
  reread: Queue,
  fields: FieldChange[],
  deps: ReconcileDeps,
  afterResend = false,
): Promise<EntryResult | undefined> {
  const sentVersion = cur.unknownVersion ?? cur.live.version;
  const holdsDesired = deps.diff(reread, task.desired).fields.length === 0;
  const decision = decideUnknownOutcome({ sentVersion, reread, holdsDesired, clientId: deps.api.clientId });
  deps.logger.info({ id: task.id, version: reread.version, decision }, 'apply: lost answer resolved');
  switch (decision) {
    case 'applied':
      cur.live = reread;
      return { ...result(task, cur, 'applied', reread.version, fields), fromVersion: sentVersion };
    case 'noop':
      cur.live = reread;
      return result(task, cur, 'noop', reread.version, []);
    case 'resend':
      if (afterResend || cur.reason === 'unknown-outcome') return failed(task, cur, unknownError(cur.unproven));
      if (reread.version === cur.live.version) cur.live = reread;
      cur.reason = 'unknown-outcome';
      return undefined;
    case 'conflict':
      cur.unknownVersion = null;
      if (deps.mode === 'plan') return failed(task, { ...cur, live: reread }, staleError());
      if (cur.rounds >= MAX_CONFLICT_ROUNDS) return failed(task, { ...cur, live: reread }, exhaustedError());
      cur.rounds += 1;
      cur.live = reread;
      cur.reason = 'conflict';
      return undefined;
  }
}

function result(task: ApplyTask, cur: Cursor, outcome: EntryResult['outcome'], toVersion: number, fields: FieldChange[]): EntryResult {
  const entry: EntryResult = { id: task.id, name: task.name, outcome, fromVersion: cur.live.version, toVersion, attempts: cur.attempts, fields };
  if (cur.unproven !== undefined) entry.unprovenAnswer = cur.unproven;
  if (cur.rounds === 0) return entry;
  entry.conflicts = cur.rounds;
  if (outcome === 'applied') entry.overwrote = overwritten(task.fields, fields);
  return entry;
}

/** Paths written whose live value was not the one the plan saw: someone else's edit we replaced. */
function overwritten(planned: readonly FieldChange[], written: readonly FieldChange[]): string[] {
  return written
    .filter((w) => {
      const p = planned.find((f) => f.path === w.path);
      return p === undefined || !jsonEqual(p.old, w.old);
    })
    .map((w) => w.path);
}

function interrupted(task: ApplyTask, cur: Cursor, deps: ReconcileDeps): EntryResult {
  deps.logger.info({ id: task.id, attempts: cur.attempts }, 'apply: interrupted, no further write of this queue');
  if (cur.unknownVersion !== null) {
    return failed(task, cur, unknownError('interrupted before the lost answer of the write could be settled'));
  }
  return result(task, cur, 'skipped', cur.live.version, task.fields);
}

function failed(task: ApplyTask, cur: Cursor, error: EntryError): EntryResult {
  return { ...result(task, cur, 'failed', cur.live.version, task.fields), error };
}

function staleError(): EntryError {
  return {
    status: 409,
    code: 'conflict',
    message: 'the queue changed since the plan was made (stale plan); re-run cxq plan and review it',
    errors: [],
  };
}

function exhaustedError(): EntryError {
  return {
    status: 409,
    code: 'conflict',
    message: `the queue kept changing: still conflicting after ${MAX_CONFLICT_ROUNDS} re-reads; re-run cxq apply`,
    errors: [],
  };
}

function unknownError(why?: string): EntryError {
  return {
    status: 0,
    code: 'outcome.unknown',
    message: `the write was sent but its outcome could not be established${why ? ` (${why})` : ''}; run cxq plan to see the live state`,
    errors: [],
  };
}

/** The report's view of an error: status, code, the server's message and errors[]; nothing else. */
export function errorOf(err: unknown): EntryError {
  if (err instanceof ApiError) {
    return { status: err.status, code: err.code, message: err.serverMessage, errors: [...err.errors] };
  }
  if (err instanceof OutcomeUnknownError) return unknownError();
  if (err instanceof NetworkError) return { status: 0, code: 'network', message: err.message, errors: [] };
  if (err instanceof ResponseShapeError) return { status: 0, code: 'response.shape', message: err.message, errors: [] };
  if (err instanceof ResponseTooLargeError) return { status: 0, code: 'response.too-large', message: err.message, errors: [] };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 0, code: 'internal', message, errors: [] };
}
