import { ApiError, NetworkError, OutcomeUnknownError } from '../errors.js';
import { mergeDesired } from './merge.js';
import { decideUnknownOutcome } from './outcome.js';
import { readAtLeast } from './propagation.js';
/** Re-read-and-write rounds after a 409 (`--dir` only) before the queue fails. */
export const MAX_CONFLICT_ROUNDS = 3;
/** Pause before each re-read after a 409, so that the other writer's version has propagated. */
export const CONFLICT_BACKOFF_MS = [100, 200, 400];
/**
 * Writes one queue: PUT `mergeDesired(live, desired)` with the live version, and resolves what
 * can go wrong without ever writing the change twice or overwriting someone else's edit.
 *
 * - 409, `--dir`: re-read, re-diff; if the declared fields already hold the desired values the
 *   queue is `noop`, else merge into the fresh object and PUT again, {@link MAX_CONFLICT_ROUNDS}
 *   rounds at most, then `failed` (409).
 * - 409, `--plan`: `failed` as stale at once; the reviewed plan no longer describes the queue.
 * - lost answer: re-read and follow `decideUnknownOutcome`; one re-send at most, with the same
 *   If-Match, so a write that did land turns the re-send into a harmless 409.
 * - any other API or network error: `failed` with the server's status, code, message, errors[].
 *
 * Never throws for a queue-level failure; the result says what happened.
 */
export async function reconcileQueue(task, deps) {
    const cur = { live: task.live, attempts: 0, rounds: 0, reason: 'initial', unknownVersion: null };
    for (;;) {
        const change = deps.diff(cur.live, task.desired);
        if (change.fields.length === 0)
            return result(task, cur, 'noop', cur.live.version, []);
        const sent = cur.live.version;
        cur.attempts += 1;
        deps.onAttempt({ id: task.id, attempt: cur.attempts, version: sent, reason: cur.reason });
        try {
            const written = await deps.api.putQueue(mergeDesired(cur.live, task.desired), sent);
            return { ...result(task, cur, 'applied', written.version, change.fields), fromVersion: sent };
        }
        catch (err) {
            const next = await afterFailedPut(err, task, cur, sent, change.fields, deps);
            if (next)
                return next;
        }
    }
}
/** Returns the final result, or undefined after moving `cur` on for another PUT. */
async function afterFailedPut(err, task, cur, sent, fields, deps) {
    try {
        if (err instanceof OutcomeUnknownError) {
            cur.unknownVersion ??= sent;
            deps.logger.info({ id: task.id, version: sent }, 'apply: answer lost, re-reading the queue');
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
    }
    catch (readErr) {
        return failed(task, cur, errorOf(readErr));
    }
}
async function conflictRound(task, cur, deps) {
    if (deps.mode === 'plan')
        return failed(task, cur, staleError());
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
async function resolveUnknown(task, cur, reread, fields, deps, afterResend = false) {
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
            if (afterResend || cur.reason === 'unknown-outcome')
                return failed(task, cur, unknownError());
            if (reread.version === cur.live.version)
                cur.live = reread;
            cur.reason = 'unknown-outcome';
            return undefined;
        case 'conflict':
            cur.unknownVersion = null;
            if (deps.mode === 'plan')
                return failed(task, { ...cur, live: reread }, staleError());
            if (cur.rounds >= MAX_CONFLICT_ROUNDS)
                return failed(task, { ...cur, live: reread }, exhaustedError());
            cur.rounds += 1;
            cur.live = reread;
            cur.reason = 'conflict';
            return undefined;
    }
}
function result(task, cur, outcome, toVersion, fields) {
    return { id: task.id, name: task.name, outcome, fromVersion: cur.live.version, toVersion, attempts: cur.attempts, fields };
}
function failed(task, cur, error) {
    return { ...result(task, cur, 'failed', cur.live.version, task.fields), error };
}
function staleError() {
    return {
        status: 409,
        code: 'conflict',
        message: 'the queue changed since the plan was made (stale plan); re-run cxq plan and review it',
        errors: [],
    };
}
function exhaustedError() {
    return {
        status: 409,
        code: 'conflict',
        message: `the queue kept changing: still conflicting after ${MAX_CONFLICT_ROUNDS} re-reads; re-run cxq apply`,
        errors: [],
    };
}
function unknownError() {
    return {
        status: 0,
        code: 'outcome.unknown',
        message: 'the write was sent but its outcome could not be established; run cxq plan to see the live state',
        errors: [],
    };
}
/** The report's view of an error: status, code, the server's message and errors[]; nothing else. */
export function errorOf(err) {
    if (err instanceof ApiError) {
        return { status: err.status, code: err.code, message: err.serverMessage, errors: [...err.errors] };
    }
    if (err instanceof OutcomeUnknownError)
        return unknownError();
    if (err instanceof NetworkError)
        return { status: 0, code: 'network', message: err.message, errors: [] };
    const message = err instanceof Error ? err.message : String(err);
    return { status: 0, code: 'internal', message, errors: [] };
}
//# sourceMappingURL=reconcile.js.map