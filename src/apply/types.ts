import type { Queue } from '../model/queue.js';
import type { FieldError } from '../errors.js';
import type { AgentChange, DesiredFields, FieldChange } from '../plan/types.js';

/** Where the changes come from: `dir` re-plans on a 409, `plan` (a reviewed saved plan) never does. */
export type ApplyMode = 'dir' | 'plan';

export type Outcome = 'applied' | 'failed' | 'skipped' | 'noop';

/** One queue to reconcile: the plan's view of it plus the live object the write merges into. */
export interface ApplyTask {
  id: string;
  name: string;
  action: 'update' | 'noop';
  /** The live version the plan was computed against. */
  version: number;
  /** The planned changes (what the reviewer saw). */
  fields: FieldChange[];
  desired: DesiredFields;
  /** The live object as read when planning (dir) or at the stale check (plan). */
  live: Queue;
}

/** The error of a failed entry, as the report carries it (never a token, never a body). */
export interface EntryError {
  status: number;
  code: string;
  message: string;
  errors: FieldError[];
}

/**
 * What happened to one queue or skill. `confirmed` is set once the propagation check ran (queues)
 * or the read-back after the write (skills). Skills have no versions: their entries carry
 * `kind: 'Skill'`, `skillId`, `fingerprint` and `agents` instead of `fromVersion`/`toVersion`
 * (entries without `kind` are queues, as in every report written before skills existed).
 */
export interface EntryResult {
  id: string;
  name: string;
  outcome: Outcome;
  /** Queues only. */
  fromVersion?: number;
  /** Queues only. */
  toVersion?: number;
  kind?: 'Skill';
  skillId?: number;
  /** Skills: the fingerprint of the live values the write was planned against. */
  fingerprint?: string;
  /** Skills: the agent changes planned (failed, skipped) or written (applied). */
  agents?: AgentChange[];
  /** Skills: why the read-back after the write did not confirm it (lagging read, another writer). */
  unconfirmedReason?: string;
  attempts: number;
  fields: FieldChange[];
  error?: EntryError;
  confirmed?: boolean;
  /** 409 rounds this queue went through (someone else wrote it during the run); absent when none. */
  conflicts?: number;
  /**
   * With `conflicts` on an applied queue: the paths of `fields` whose live value was not the one
   * the plan saw, i.e. a concurrent edit of a declared field that this run replaced (git wins).
   */
  overwrote?: string[];
  /**
   * Set when a write's own answer proved nothing (lost, unreadable, or a 2xx not showing this queue
   * at the version sent + 1): why. The outcome was then decided from a fresh read, never from it.
   */
  unprovenAnswer?: string;
}

/** Why a PUT is sent: the first write, a re-plan after a 409, or the one re-send after a lost answer. */
export type AttemptReason = 'initial' | 'conflict' | 'unknown-outcome';

export interface StartEvent {
  type: 'start';
  at: string;
  command: 'apply';
  mode: ApplyMode;
  baseUrl: string;
  clientId: string;
  gitCommit: string | null;
  planChecksum: string | null;
  /** Absent for v2 runs (queues); `admin` for skills. */
  dialect?: 'admin';
  queues: StartItem[];
}

/** One managed queue (with `version`) or skill (`kind: 'Skill'`, `skillId`, `fingerprint`, `agents`). */
export interface StartItem {
  id: string;
  name: string;
  action: 'update' | 'noop';
  version?: number;
  fields: FieldChange[];
  kind?: 'Skill';
  skillId?: number;
  fingerprint?: string;
  agents?: AgentChange[];
}

export interface AttemptEvent {
  type: 'attempt';
  at: string;
  id: string;
  attempt: number;
  /** The If-Match version sent (queues only). */
  version?: number;
  reason: AttemptReason;
  /** Skills: which write this is (the skill's fields, or one kind of agent write). */
  write?: SkillWriteKind;
  /** Skills: the fingerprint of the live values read right before this write. */
  fingerprint?: string;
}

/** The writes of one skill, in the order they are sent. */
export type SkillWriteKind = 'skill' | 'assign' | 'change' | 'unassign';

export interface ResultEvent extends EntryResult {
  type: 'result';
  at: string;
}

export interface ConfirmEvent {
  type: 'confirm';
  at: string;
  confirmed: string[];
  unconfirmed: string[];
  /** Skills: why each unconfirmed one was not confirmed, by id. */
  reasons?: Record<string, string>;
}

export interface EndEvent {
  type: 'end';
  at: string;
  interrupted: boolean;
}

/** One line of the journal (`<report>.journal.jsonl`). */
export type JournalEvent = StartEvent | AttemptEvent | ResultEvent | ConfirmEvent | EndEvent;

/** The audit report, `formatVersion: 1`. */
export interface ApplyReport {
  formatVersion: 1;
  command: 'apply';
  startedAt: string;
  finishedAt: string;
  baseUrl: string;
  clientId: string;
  gitCommit: string | null;
  planChecksum: string | null;
  /** True when the run stopped on SIGINT/SIGTERM; absent otherwise. */
  interrupted?: boolean;
  /** True when rebuilt from the journal of a run that never finished. */
  recovered?: boolean;
  summary: { applied: number; failed: number; skipped: number; noop: number };
  entries: EntryResult[];
}
