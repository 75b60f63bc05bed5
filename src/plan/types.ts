import type { Operation } from 'fast-json-patch';
import type { QueueDefinition, Location } from '../definitions/types.js';
import type { AssignmentValues, DeclaredAgents, ManagedSkillValues } from '../model/skill.js';

/** One field that differs: JSON pointer into the queue (`/maxWaitTime`, `/waitMusic/url`, `/skills`). */
export interface FieldChange {
  path: string;
  old: unknown;
  new: unknown;
}

/** The declared (desired) fields of one queue, `id` and `name` excluded unless `name` is managed. */
export type DesiredFields = Omit<QueueDefinition, 'id'>;

/** What the plan says about one managed queue. */
export interface QueueChange {
  id: string;
  name: string;
  action: 'update' | 'noop';
  /** The live version the change was computed against. */
  version: number;
  fields: FieldChange[];
  /** RFC 6902 patch turning the live object's managed fields into the desired ones. */
  patch: Operation[];
  /** The declared fields, as the apply step must write them. */
  desired: DesiredFields;
  /** Where the definition stands in git (absent for a saved plan read back). */
  source?: Location;
}

export interface PlanSummary {
  managed: number;
  update: number;
  noop: number;
  unmanaged: number;
}

/** A plan is a value: deterministic order (changes by name then id), stable JSON. */
export interface Plan {
  formatVersion: 1;
  generatedAt: string;
  summary: PlanSummary;
  changes: QueueChange[];
  unmanaged: { id: string; name: string }[];
}

/** A plan saved with `cxq plan --out FILE`, applied later with `cxq apply --plan FILE`. */
export interface SavedPlan {
  formatVersion: 1;
  kind: 'cxq-plan';
  generatedAt: string;
  baseUrl: string;
  gitCommit: string | null;
  /** sha256 (hex) of the canonical JSON of this object without `checksum`. */
  checksum: string;
  summary: PlanSummary;
  changes: QueueChange[];
  unmanaged: { id: string; name: string }[];
}

/** What a Skill definition declares, as the apply step must write it. */
export interface SkillDesired {
  /** The declared managed fields, in canonical field order (model/skill.ts MANAGED_SKILL_FIELDS). */
  fields: ManagedSkillValues;
  /** The declared agents by user name (sorted), or absent when the definition declares none. */
  agents?: DeclaredAgents;
  /** Whether undeclared live assignments are removed. */
  agentsExclusive: boolean;
}

/**
 * One change to an agent's assignment: `assign` (+ agent), `update` (~ agent: proficiency 5 → 3,
 * or active), `unassign` (- agent, only under agentsExclusive). `old`/`new` are null on the side
 * where no assignment exists. `userName` is null for a live assignment of an agent the tenant's
 * agent list does not name (it is shown by agentId).
 */
export interface AgentChange {
  action: 'assign' | 'update' | 'unassign';
  userName: string | null;
  agentId: number;
  old: AssignmentValues | null;
  new: AssignmentValues | null;
}

/**
 * The live values a skill's plan was computed from, for the optimistic-concurrency emulation
 * (src/plan/fingerprint.ts): the declared fields (and `skillName`), and where agents are declared
 * the assignments that matter (by agentId; null = not assigned).
 */
export interface SkillSnapshot {
  fields: Record<string, unknown>;
  agents?: Record<string, AssignmentValues | null>;
}

/** What the plan says about one managed skill. */
export interface SkillChange {
  kind: 'Skill';
  skillId: number;
  skillName: string;
  action: 'update' | 'noop';
  /** Differing declared fields, `{path: '/serviceLevelGoal', old, new}`; `old` null when absent live. */
  fields: FieldChange[];
  /** Agent changes sorted by user name (then agentId). */
  agents: AgentChange[];
  desired: SkillDesired;
  /** What was seen live, and its fingerprint (`fingerprintOf(observed)`). */
  observed: SkillSnapshot;
  fingerprint: string;
  source?: Location;
}
