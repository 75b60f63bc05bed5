import type { Queue } from '../model/queue.js';
import type { FieldError } from '../errors.js';
import type { DesiredFields, FieldChange } from '../plan/types.js';

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

/** What happened to one queue. `confirmed` is set once the propagation check ran. */
export interface EntryResult {
  id: string;
  name: string;
  outcome: Outcome;
  fromVersion: number;
  toVersion: number;
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
  queues: { id: string; name: string; action: 'update' | 'noop'; version: number; fields: FieldChange[] }[];
}

export interface AttemptEvent {
  type: 'attempt';
  at: string;
  id: string;
  attempt: number;
  /** The If-Match version sent. */
  version: number;
  reason: AttemptReason;
}

export interface ResultEvent extends EntryResult {
  type: 'result';
  at: string;
}

export interface ConfirmEvent {
  type: 'confirm';
  at: string;
  confirmed: string[];
  unconfirmed: string[];
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
