/**
 * Writing one skill without versions (the admin dialect; docs/apply.md "Admin dialect"): re-read
 * right before the write and compare with what the plan saw (fingerprint), write only what the
 * fresh read still needs, read back and verify. Never writes a change twice.
 */
import { OutcomeUnknownError, WireMappingError, WriteRejectedError } from '../errors.js';
import type { Logger } from '../log.js';
import type { TenantAgent } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import { movedPaths } from '../plan/fingerprint.js';
import { agentChangesNotHeld, checkSkillWrite } from '../plan/skill-verify.js';
import { diffAgents, diffSkillFields } from '../plan/skill-diff.js';
import type { AgentChange, FieldChange } from '../plan/types.js';
import type { Sleep } from './propagation.js';
import { errorOf } from './reconcile.js';
import { judgeReadback, readBack, readSkill, READBACK_DELAYS_MS, unconfirmedReason, type SkillRead } from './skill-readback.js';
import { declaredAgentIds, type SkillTask } from './skill-tasks.js';
import type { ApplyMode, AttemptReason, EntryError, EntryResult, SkillWriteKind } from './types.js';

export interface SkillReconcileDeps {
  api: SkillApi;
  mode: ApplyMode;
  /** The tenant's agents as read for the plan (user name → agentId). */
  directory: readonly TenantAgent[];
  sleep: Sleep;
  logger: Logger;
  /** Awaited before each write is sent (the journal's `attempt`); if it throws, nothing is sent and the error escapes. */
  onAttempt: (a: { id: string; attempt: number; reason: AttemptReason; write: SkillWriteKind; fingerprint: string }) => Promise<void> | void;
  /** Pauses of the read-back (and of settling a lost answer); tests pass zeros. */
  readDelays?: readonly number[];
  /** Aborted on SIGINT/SIGTERM: no further write of this skill is sent. */
  signal?: AbortSignal;
}

/** One write of a skill: its fields (PUT), then assign (POST), change (PUT), unassign (DELETE, one per agent). */
interface Step {
  write: SkillWriteKind;
  agents: AgentChange[];
}

/**
 * Reconciles one skill:
 * - re-reads it (and its assignments when agents are declared) right before writing; if a value
 *   the plan saw has moved: `--plan` fails it as stale naming the paths; `--dir` re-plans on the
 *   fresh read (`conflicts: 1`; `overwrote` lists moved paths this run then wrote);
 * - writes only what the fresh read still needs: the PUT carries the skill as read with only the
 *   declared fields replaced; agent writes assign new, change changed, unassign removed (only
 *   under agentsExclusive, as the plan says);
 * - a 200 reporting failure fails the skill with the server's message; a lost answer is settled
 *   by fresh reads (desired values present → go on, `unprovenAnswer` noted; else `outcome.unknown`),
 *   never re-sent;
 * - reads back: `confirmed: true` when everything holds, else `confirmed: false` with
 *   `unconfirmedReason` (read lag after bounded re-reads, or another writer's value).
 * Never throws for a skill-level failure; only `onAttempt` errors escape.
 */
export async function reconcileSkill(task: SkillTask, deps: SkillReconcileDeps): Promise<EntryResult> {
  const { entry, pending } = await writeSkill(task, deps);
  if (pending === undefined) return entry;
  const ids = declaredAgentIds(task.desired, deps.directory);
  const read = (): Promise<SkillRead> => readSkill(deps.api, task.skillId, task.desired, ids);
  try {
    const verdict = await readBack(read, (after) => judgeReadback(pending.before, after, task.desired, pending.agents), deps.sleep, deps.readDelays ?? READBACK_DELAYS_MS);
    entry.confirmed = verdict.state === 'held';
    const why = unconfirmedReason(verdict);
    if (why !== undefined) entry.unconfirmedReason = why;
  } catch (err) {
    entry.confirmed = false;
    entry.unconfirmedReason = `written, not confirmed: the read-back failed (${skillErrorOf(err).message})`;
  }
  return entry;
}

/** An applied skill still to be read back: what was read right before its writes, and the agent changes written. */
export interface PendingReadback {
  task: SkillTask;
  before: SkillRead;
  agents: AgentChange[];
}

/**
 * {@link reconcileSkill} without the read-back: the entry, and for an applied skill what the
 * read-back needs (`pending`), so a runner can read many skills back with list pages.
 */
export async function writeSkill(task: SkillTask, deps: SkillReconcileDeps): Promise<{ entry: EntryResult; pending?: PendingReadback }> {
  const done = (entry: EntryResult): { entry: EntryResult } => ({ entry });
  const ids = declaredAgentIds(task.desired, deps.directory);
  const read = (): Promise<SkillRead> => readSkill(deps.api, task.skillId, task.desired, ids);
  let fresh: SkillRead;
  try {
    fresh = await read();
  } catch (err) {
    return done(failed(task, 0, skillErrorOf(err)));
  }
  const moved = movedPaths(task.observed, fresh.snapshot);
  if (moved.length > 0 && deps.mode === 'plan') {
    deps.logger.info({ id: task.id, moved }, 'apply: skill moved since the plan, stale');
    return done(failed(task, 0, staleError(moved)));
  }
  const fields = diffSkillFields(fresh.skill, task.desired.fields);
  const agents = diffAgents({ declared: task.desired.agents, exclusive: task.desired.agentsExclusive, live: fresh.assignments ?? [], directory: deps.directory }).changes;
  const base = { ...entryBase(task), fingerprint: fresh.fingerprint, ...(moved.length > 0 ? { conflicts: 1 } : {}) };
  if (moved.length > 0) deps.logger.info({ id: task.id, moved }, 'apply: skill moved since the plan, re-planned on the fresh read');
  if (fields.length === 0 && agents.length === 0) return done({ ...base, outcome: 'noop', attempts: 0, fields: [], agents: [] });

  const steps = stepsOf(fields.length > 0, agents);
  let attempts = 0;
  let unproven: string | undefined;
  const written: SkillWriteKind[] = [];
  for (const step of steps) {
    if (attempts > 0 && deps.signal?.aborted) {
      return done({ ...failed(task, attempts, partialError(written, 'interrupted', 'the run was interrupted; no further write of this skill was sent')), fingerprint: fresh.fingerprint });
    }
    attempts += 1;
    await deps.onAttempt({ id: task.id, attempt: attempts, reason: moved.length > 0 ? 'conflict' : 'initial', write: step.write, fingerprint: fresh.fingerprint });
    try {
      await send(deps.api, task, fresh, step);
    } catch (err) {
      if (!(err instanceof OutcomeUnknownError)) return done({ ...failed(task, attempts, partialError(written, '', skillErrorOf(err))), fingerprint: fresh.fingerprint });
      const landed = await settleLost(task, fresh, step, read, deps).catch((readErr: unknown) => `re-read failed: ${skillErrorOf(readErr).message}`);
      if (landed !== true) return done({ ...failed(task, attempts, partialError(written, '', unknownError(landed))), fingerprint: fresh.fingerprint });
      unproven ??= `${step.write} write: ${err.message}`;
    }
    written.push(step.write);
  }
  const entry: EntryResult = { ...base, outcome: 'applied', attempts, fields, agents };
  if (unproven !== undefined) entry.unprovenAnswer = unproven;
  if (moved.length > 0) entry.overwrote = overwritten(moved, fields, agents);
  return { entry, pending: { task, before: fresh, agents } };
}

function stepsOf(writeFields: boolean, agents: readonly AgentChange[]): Step[] {
  const steps: Step[] = writeFields ? [{ write: 'skill', agents: [] }] : [];
  const assign = agents.filter((a) => a.action === 'assign');
  const change = agents.filter((a) => a.action === 'update');
  if (assign.length > 0) steps.push({ write: 'assign', agents: assign });
  if (change.length > 0) steps.push({ write: 'change', agents: change });
  for (const a of agents.filter((x) => x.action === 'unassign')) steps.push({ write: 'unassign', agents: [a] });
  return steps;
}

async function send(api: SkillApi, task: SkillTask, fresh: SkillRead, step: Step): Promise<void> {
  const rows = step.agents.map((a) => ({ agentId: a.agentId, proficiency: a.new?.proficiency ?? 0, active: a.new?.active ?? true }));
  switch (step.write) {
    case 'skill':
      // The skill as read right now, only the declared fields replaced (the wire table maps it).
      return api.putSkill(fresh.skill, task.desired.fields);
    case 'assign':
      return api.assignAgents(task.skillId, rows);
    case 'change':
      return api.changeAgents(task.skillId, rows);
    case 'unassign':
      return api.unassignAgent(task.skillId, step.agents[0]!.agentId);
  }
}

/** true when fresh reads show this step's values (bounded re-reads for lag), else why not. */
async function settleLost(task: SkillTask, before: SkillRead, step: Step, read: () => Promise<SkillRead>, deps: SkillReconcileDeps): Promise<true | string> {
  const held = (after: SkillRead): boolean =>
    step.write === 'skill'
      ? checkSkillWrite(before.skill, after.skill, task.desired.fields).notHeld.length === 0
      : agentChangesNotHeld(step.agents, after.assignments ?? []).length === 0;
  let after = await read();
  for (const delay of deps.readDelays ?? READBACK_DELAYS_MS) {
    if (held(after)) break;
    await deps.sleep(delay);
    after = await read();
  }
  deps.logger.info({ id: task.id, write: step.write, landed: held(after) }, 'apply: lost answer settled by a fresh read');
  return held(after) ? true : `the ${step.write} write's answer was lost and fresh reads do not show its values`;
}

function overwritten(moved: readonly string[], fields: readonly FieldChange[], agents: readonly AgentChange[]): string[] {
  const written = new Set([...fields.map((f) => f.path), ...agents.map((a) => `/agents/${a.agentId}`)]);
  return moved.filter((p) => written.has(p));
}

function entryBase(task: SkillTask): Pick<EntryResult, 'id' | 'name' | 'kind' | 'skillId' | 'fingerprint'> {
  return { id: task.id, name: task.name, kind: 'Skill', skillId: task.skillId, fingerprint: task.fingerprint };
}

function failed(task: SkillTask, attempts: number, error: EntryError): EntryResult {
  return { ...entryBase(task), outcome: 'failed', attempts, fields: task.fields, agents: task.agents, error };
}

/** The report's error for a skill write: a failure inside a 200 carries the server's messages. */
export function skillErrorOf(err: unknown): EntryError {
  if (err instanceof WriteRejectedError) return { status: 200, code: 'write.rejected', message: err.serverMessages.join('; '), errors: [] };
  if (err instanceof WireMappingError) return { status: 0, code: 'wire.mapping', message: err.message, errors: [{ field: err.field, message: err.message }] };
  return errorOf(err);
}

/** Prefixes what this skill already had written before `error` (a partial write must say so). */
function partialError(done: readonly SkillWriteKind[], code: string, error: EntryError | string): EntryError {
  const e: EntryError = typeof error === 'string' ? { status: 0, code, message: error, errors: [] } : error;
  if (done.length === 0) return e;
  return { ...e, message: `after the ${done.join(', ')} write(s) of this skill succeeded: ${e.message}` };
}

function staleError(moved: readonly string[]): EntryError {
  return {
    status: 0,
    code: 'stale',
    message: `the skill changed since the plan was made (stale plan): ${moved.join(', ')} moved; re-run cxq plan and review it`,
    errors: moved.map((p) => ({ field: p.slice(1), message: 'changed since the plan' })),
  };
}

function unknownError(why: string): EntryError {
  return { status: 0, code: 'outcome.unknown', message: `the write was sent but its outcome could not be established (${why}); run cxq plan to see the live state`, errors: [] };
}
