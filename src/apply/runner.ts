import type { CxoneApi } from '../model/api.js';
import type { Logger } from '../log.js';
import type { JournalSink } from './journal.js';
import type { Progress } from './progress.js';
import { confirmVisible, PROPAGATION_DELAYS_MS, realSleep, type Sleep } from './propagation.js';
import { errorOf, reconcileQueue, type DiffFn } from './reconcile.js';
import { runTasks } from './workers.js';
import type { ApplyMode, ApplyTask, EntryResult, StartEvent } from './types.js';

export const DEFAULT_CONCURRENCY = 8;

export interface RunOptions {
  api: CxoneApi;
  mode: ApplyMode;
  diff: DiffFn;
  journal: JournalSink;
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: no new write starts, the ones in flight finish. */
  signal: AbortSignal;
  concurrency?: number;
  progress?: Progress;
  /** What the `start` event records besides the queues. */
  meta: Pick<StartEvent, 'baseUrl' | 'clientId' | 'gitCommit' | 'planChecksum'>;
  sleep?: Sleep;
  now?: () => Date;
  /** Delays of the propagation check (confirmation and re-reads); tests pass short ones. */
  propagationDelays?: readonly number[];
}

/**
 * Runs one apply: journals `start` (every managed queue, noops included), reconciles the queues
 * that need an update with at most `concurrency` writes in flight, journals each `result` as it
 * comes, confirms with list reads that the written versions are visible (bounded; skipped when
 * interrupted), and journals `end`. A queue that fails does not stop the others. On abort no new
 * queue starts and the rest stay without a result (the report makes them `skipped`); a queue in
 * flight sends no further PUT (see `reconcileQueue`); a signal during confirmation stops polling.
 * Throws only when the journal cannot be written (after the writes in flight finished).
 */
export async function runApply(tasks: readonly ApplyTask[], options: RunOptions): Promise<{ interrupted: boolean }> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? realSleep;
  const at = (): string => now().toISOString();
  const { journal, logger, signal } = options;
  await journal.append({
    type: 'start',
    at: at(),
    command: 'apply',
    mode: options.mode,
    ...options.meta,
    queues: tasks.map((t) => ({ id: t.id, name: t.name, action: t.action, version: t.version, fields: t.fields })),
  });
  const updates = tasks.filter((t) => t.action === 'update');
  const applied = new Map<string, number>();
  const { concurrency = DEFAULT_CONCURRENCY, progress } = options;
  await runTasks(updates, { concurrency, signal, journal, logger, progress, at }, async (task) => {
    const entry = await reconcileOne(task, options, sleep, at);
    if (entry.outcome === 'applied' && entry.toVersion !== undefined) applied.set(entry.id, entry.toVersion);
    return entry;
  });
  if (!signal.aborted && applied.size > 0) await confirm(applied, options, sleep, at);
  await journal.append({ type: 'end', at: at(), interrupted: signal.aborted });
  return { interrupted: signal.aborted };
}

/** Journals the attempt before each PUT; a journal failure escapes (fatal), a queue failure does not. */
async function reconcileOne(task: ApplyTask, o: RunOptions, sleep: Sleep, at: () => string): Promise<EntryResult> {
  let journalError: unknown;
  try {
    return await reconcileQueue(task, {
      api: o.api,
      mode: o.mode,
      diff: o.diff,
      sleep,
      logger: o.logger,
      readDelays: o.propagationDelays,
      signal: o.signal,
      onAttempt: async (a) => {
        try {
          await o.journal.append({ type: 'attempt', at: at(), ...a });
        } catch (err) {
          journalError = err;
          throw err;
        }
      },
    });
  } catch (err) {
    if (err === journalError) throw err;
    return { id: task.id, name: task.name, outcome: 'failed', fromVersion: task.version, toVersion: task.version, attempts: 0, fields: task.fields, error: errorOf(err) };
  }
}

async function confirm(applied: Map<string, number>, o: RunOptions, sleep: Sleep, at: () => string): Promise<void> {
  let outcome: { confirmed: string[]; unconfirmed: string[] };
  try {
    outcome = await confirmVisible(o.api, applied, sleep, o.propagationDelays ?? PROPAGATION_DELAYS_MS, o.signal);
  } catch (err) {
    o.logger.warn({ err: errorOf(err).message }, 'apply: could not confirm propagation');
    outcome = { confirmed: [], unconfirmed: [...applied.keys()] };
  }
  if (outcome.unconfirmed.length > 0) {
    o.logger.warn({ unconfirmed: outcome.unconfirmed.length }, 'apply: some written versions are not visible yet');
  }
  await o.journal.append({ type: 'confirm', at: at(), ...outcome });
}
