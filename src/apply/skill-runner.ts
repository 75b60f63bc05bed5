/**
 * One apply run of skills (the admin dialect): journal `start`, write the skills to update with
 * bounded concurrency (each re-read right before its write), journal each `attempt` before its
 * write and each `result`, read every applied skill back (`confirm`, src/apply/skill-confirm.ts),
 * then `end`.
 * The journal events are the queue run's (src/apply/types.ts) with the skill fields, so the
 * report, `--recover` and the Markdown rendering work on both.
 */
import type { Logger } from '../log.js';
import type { TenantAgent } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import type { JournalSink } from './journal.js';
import type { Progress } from './progress.js';
import { realSleep, type Sleep } from './propagation.js';
import { DEFAULT_CONCURRENCY } from './runner.js';
import { confirmSkills } from './skill-confirm.js';
import { unconfirmedReason } from './skill-readback.js';
import { skillErrorOf, writeSkill, type PendingReadback } from './skill-reconcile.js';
import type { SkillTask } from './skill-tasks.js';
import { runTasks } from './workers.js';
import type { ApplyMode, EntryResult, StartEvent } from './types.js';

export interface SkillRunOptions {
  api: SkillApi;
  mode: ApplyMode;
  directory: readonly TenantAgent[];
  journal: JournalSink;
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: no new write starts, the ones in flight finish. */
  signal: AbortSignal;
  concurrency?: number;
  progress?: Progress;
  meta: Pick<StartEvent, 'baseUrl' | 'clientId' | 'gitCommit' | 'planChecksum'>;
  sleep?: Sleep;
  now?: () => Date;
  /** Pauses of the read-back after the writes; tests pass short ones. */
  readDelays?: readonly number[];
  /** Skills in the tenant (managed + unmanaged): decides list pages vs GETs for the read-back. */
  liveCount?: number;
}

/**
 * Runs one skills apply (see the file comment). A skill that fails does not stop the others. On
 * abort no new skill starts (the report makes them `skipped`) and a skill in flight sends no
 * further write. Throws only when the journal cannot be written (after the writes in flight).
 */
export async function runSkillApply(tasks: readonly SkillTask[], options: SkillRunOptions): Promise<{ interrupted: boolean }> {
  const now = options.now ?? (() => new Date());
  const at = (): string => now().toISOString();
  const { journal, logger, signal } = options;
  await journal.append({
    type: 'start',
    at: at(),
    command: 'apply',
    mode: options.mode,
    dialect: 'admin',
    ...options.meta,
    queues: tasks.map((t) => ({ id: t.id, name: t.name, action: t.action, fields: t.fields, kind: 'Skill', skillId: t.skillId, fingerprint: t.fingerprint, agents: t.agents })),
  });
  const updates = tasks.filter((t) => t.action === 'update');
  const pending: PendingReadback[] = [];
  const { concurrency = DEFAULT_CONCURRENCY, progress } = options;
  await runTasks(updates, { concurrency, signal, journal, logger, progress, at }, async (task) => {
    const { entry, pending: p } = await reconcileOne(task, options, at);
    if (p !== undefined) pending.push(p);
    return entry;
  });
  if (!signal.aborted && pending.length > 0) await confirm(pending, options, at);
  await journal.append({ type: 'end', at: at(), interrupted: signal.aborted });
  return { interrupted: signal.aborted };
}

/** Reads every applied skill back (list pages when cheaper) and journals `confirm` with the reasons. */
async function confirm(pending: readonly PendingReadback[], o: SkillRunOptions, at: () => string): Promise<void> {
  const confirmed: string[] = [];
  const unconfirmed: string[] = [];
  const reasons: Record<string, string> = {};
  try {
    const verdicts = await confirmSkills(o.api, pending, {
      sleep: o.sleep ?? realSleep,
      liveCount: o.liveCount ?? pending.length,
      signal: o.signal,
      ...(o.readDelays === undefined ? {} : { delays: o.readDelays }),
    });
    for (const [id, verdict] of verdicts) {
      const why = unconfirmedReason(verdict);
      if (why === undefined) confirmed.push(id);
      else {
        unconfirmed.push(id);
        reasons[id] = why;
      }
    }
  } catch (err) {
    o.logger.warn({ err: skillErrorOf(err).message }, 'apply: could not read the written skills back');
    for (const p of pending) {
      unconfirmed.push(p.task.id);
      reasons[p.task.id] = `written, not confirmed: the read-back failed (${skillErrorOf(err).message})`;
    }
  }
  if (unconfirmed.length > 0) o.logger.warn({ unconfirmed: unconfirmed.length }, 'apply: some skill writes are not confirmed by a read-back');
  await o.journal.append({ type: 'confirm', at: at(), confirmed, unconfirmed, reasons });
}

/** Journals each attempt before its write; a journal failure escapes (fatal), a skill failure does not. */
async function reconcileOne(task: SkillTask, o: SkillRunOptions, at: () => string): Promise<{ entry: EntryResult; pending?: PendingReadback }> {
  let journalError: unknown;
  try {
    return await writeSkill(task, {
      api: o.api,
      mode: o.mode,
      directory: o.directory,
      sleep: o.sleep ?? realSleep,
      logger: o.logger,
      signal: o.signal,
      ...(o.readDelays === undefined ? {} : { readDelays: o.readDelays }),
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
    return { entry: { id: task.id, name: task.name, kind: 'Skill', skillId: task.skillId, fingerprint: task.fingerprint, outcome: 'failed', attempts: 0, fields: task.fields, agents: task.agents, error: skillErrorOf(err) } };
  }
}
