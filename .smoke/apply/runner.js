import { confirmVisible, PROPAGATION_DELAYS_MS, realSleep } from './propagation.js';
import { errorOf, reconcileQueue } from './reconcile.js';
export const DEFAULT_CONCURRENCY = 8;
/**
 * Runs one apply: journals `start` (every managed queue, noops included), reconciles the queues
 * that need an update with at most `concurrency` writes in flight, journals each `result` as it
 * comes, confirms with list reads that the written versions are visible (bounded; skipped when
 * interrupted), and journals `end`. A queue that fails does not stop the others. On abort no new
 * queue starts and the rest stay without a result (the report makes them `skipped`).
 * Throws only when the journal cannot be written (after the writes in flight finished).
 */
export async function runApply(tasks, options) {
    const now = options.now ?? (() => new Date());
    const sleep = options.sleep ?? realSleep;
    const at = () => now().toISOString();
    const { journal, logger, signal } = options;
    journal.append({
        type: 'start',
        at: at(),
        command: 'apply',
        mode: options.mode,
        ...options.meta,
        queues: tasks.map((t) => ({ id: t.id, name: t.name, action: t.action, version: t.version, fields: t.fields })),
    });
    const updates = tasks.filter((t) => t.action === 'update');
    const applied = new Map();
    let next = 0;
    let fatal;
    const worker = async () => {
        while (!signal.aborted && fatal === undefined) {
            const task = updates[next++];
            if (!task)
                return;
            try {
                const entry = await reconcileOne(task, options, sleep, at);
                journal.append({ type: 'result', at: at(), ...entry });
                if (entry.outcome === 'applied')
                    applied.set(entry.id, entry.toVersion);
                options.progress?.result(entry);
            }
            catch (err) {
                fatal ??= err;
            }
        }
    };
    const width = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, updates.length));
    await Promise.all(Array.from({ length: width }, worker));
    options.progress?.finish();
    if (fatal !== undefined)
        throw fatal;
    if (signal.aborted)
        logger.warn({ started: Math.min(next, updates.length), total: updates.length }, 'apply: interrupted, no new writes started');
    else if (applied.size > 0)
        await confirm(applied, options, sleep, at);
    journal.append({ type: 'end', at: at(), interrupted: signal.aborted });
    return { interrupted: signal.aborted };
}
/** Journals the attempt before each PUT; a journal failure escapes (fatal), a queue failure does not. */
async function reconcileOne(task, o, sleep, at) {
    let journalError;
    try {
        return await reconcileQueue(task, {
            api: o.api,
            mode: o.mode,
            diff: o.diff,
            sleep,
            logger: o.logger,
            readDelays: o.propagationDelays,
            onAttempt: (a) => {
                try {
                    o.journal.append({ type: 'attempt', at: at(), ...a });
                }
                catch (err) {
                    journalError = err;
                    throw err;
                }
            },
        });
    }
    catch (err) {
        if (err === journalError)
            throw err;
        return { id: task.id, name: task.name, outcome: 'failed', fromVersion: task.version, toVersion: task.version, attempts: 0, fields: task.fields, error: errorOf(err) };
    }
}
async function confirm(applied, o, sleep, at) {
    let outcome;
    try {
        outcome = await confirmVisible(o.api, applied, sleep, o.propagationDelays ?? PROPAGATION_DELAYS_MS);
    }
    catch (err) {
        o.logger.warn({ err: errorOf(err).message }, 'apply: could not confirm propagation');
        outcome = { confirmed: [], unconfirmed: [...applied.keys()] };
    }
    if (outcome.unconfirmed.length > 0) {
        o.logger.warn({ unconfirmed: outcome.unconfirmed.length }, 'apply: some written versions are not visible yet');
    }
    o.journal.append({ type: 'confirm', at: at(), ...outcome });
}
//# sourceMappingURL=runner.js.map