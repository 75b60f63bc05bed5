/**
 * The write loop both dialects' apply share: at most `concurrency` tasks in flight, taken in order,
 * each result journaled as it comes. Why one loop: the rules around it (no new task after the
 * signal, a journal failure stops the run, every result line flushed before the run ends) are the
 * safety of apply and must not drift apart between queues and skills.
 */
import type { Logger } from '../log.js';
import type { JournalSink } from './journal.js';
import type { Progress } from './progress.js';
import type { EntryResult } from './types.js';

export interface WorkerOptions {
  concurrency: number;
  /** Aborted on SIGINT/SIGTERM or --timeout: no new task starts; the ones in flight finish. */
  signal: AbortSignal;
  journal: JournalSink;
  logger: Logger;
  progress?: Progress | undefined;
  /** The journal's clock (ISO timestamps). */
  at: () => string;
}

/**
 * Runs `handle` over `tasks` (at most `concurrency` at once) until all ran, the signal aborted, or a
 * handler threw (a journal failure: a task's own failure is an `EntryResult`, not a throw). Each
 * result line is appended at once; its flush is not waited for before the next write (the attempt
 * line already guards what was sent), only before this returns. Then `progress` finishes. Throws the
 * first failure once every task in flight settled; otherwise resolves with how many tasks started.
 */
export async function runTasks<T>(tasks: readonly T[], o: WorkerOptions, handle: (task: T) => Promise<EntryResult>): Promise<{ started: number }> {
  let next = 0;
  let fatal: unknown;
  const flushes: Promise<void>[] = [];
  const worker = async (): Promise<void> => {
    while (!o.signal.aborted && fatal === undefined) {
      const task = tasks[next++];
      if (task === undefined) return;
      try {
        const entry = await handle(task);
        const flushed = Promise.resolve(o.journal.append({ type: 'result', at: o.at(), ...entry }));
        flushes.push(flushed.catch((err: unknown) => void (fatal ??= err)));
        o.progress?.result(entry);
      } catch (err) {
        fatal ??= err;
      }
    }
  };
  const width = Math.max(1, Math.min(o.concurrency, tasks.length));
  await Promise.all(Array.from({ length: width }, worker));
  await Promise.all(flushes);
  o.progress?.finish();
  if (fatal !== undefined) throw fatal;
  const started = Math.min(next, tasks.length);
  if (o.signal.aborted) o.logger.warn({ started, total: tasks.length }, 'apply: interrupted, no new writes started');
  return { started };
}
