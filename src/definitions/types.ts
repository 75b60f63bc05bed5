import type { Problem } from '../errors.js';
import { WRITABLE_QUEUE_FIELDS } from '../model/queue.js';
import type { OverflowTarget, RoutingStrategy, SkillRef, SkillRoutingType } from '../model/queue.js';
import { MANAGED_SKILL_FIELDS } from '../model/skill.js';
import type { DeclaredAgents, ManagedSkillValues } from '../model/skill.js';
import type { FieldLocations } from './locations.js';

export type { Problem } from '../errors.js';

/**
 * One queue as declared in git. Every field is optional: a declared field is enforced, a field left
 * out is not managed and keeps its live value. `id` or `name` (or both) identifies the queue.
 * `waitMusic` may declare only some of its two leaves; only the declared leaves are managed.
 */
export interface QueueDefinition {
  id?: string;
  name?: string;
  description?: string;
  routingStrategy?: RoutingStrategy;
  waitMusic?: { playMusic?: boolean; url?: string };
  maxWaitTime?: number;
  skills?: SkillRef[];
  skillRoutingType?: SkillRoutingType;
  enableOverflow?: boolean;
  overflowThreshold?: number;
  overflowTargets?: OverflowTarget[];
}

/** Where definitions live unless `--dir` says otherwise (relative to the working directory). */
export const DEFAULT_DEFINITIONS_DIR = 'queues';

/** The fields a definition may declare, in canonical (output) order. */
export const DEFINITION_FIELDS = ['id', ...WRITABLE_QUEUE_FIELDS] as const;
export type DefinitionField = (typeof DEFINITION_FIELDS)[number];

/** Where something stands in a definition file: path relative to the cwd, 1-based line and column. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** The kinds of resource a YAML document may declare (`kind:`); a document without one is a Queue. */
export const DEFINITION_KINDS = ['Queue', 'Skill'] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

/**
 * One skill as declared in git (Admin API dialect): `kind: Skill`, identified by `skillName`,
 * `skillId` optional and checked against the live skill; the managed fields of
 * model/skill.ts; agents by user name. A field left out is not managed.
 */
export interface SkillDefinition extends ManagedSkillValues {
  kind: 'Skill';
  skillName: string;
  skillId?: number;
  agents?: DeclaredAgents;
  agentsExclusive?: boolean;
}

/** The fields a Skill definition may declare, in canonical (output) order. */
export const SKILL_DEFINITION_FIELDS = ['kind', 'skillName', 'skillId', ...MANAGED_SKILL_FIELDS, 'agents', 'agentsExclusive'] as const;

/** A definition as loaded: its value, where its document starts, and where each field stands. */
export interface LoadedDefinition {
  /** `Queue`: the document had no `kind` or said `kind: Queue` (which is not kept in `definition`). */
  kind: 'Queue';
  definition: QueueDefinition;
  location: Location;
  /** JSON pointer (`/maxWaitTime`, `/skills/0/id`) → location of that node: `fieldLocations.at(pointer)`. */
  fieldLocations: FieldLocations;
}

/** A Skill definition as loaded (`kind: Skill`); `definition` keeps its `kind`. */
export interface LoadedSkillDefinition {
  kind: 'Skill';
  definition: SkillDefinition;
  location: Location;
  /** JSON pointer (`/serviceLevelGoal`, `/agents/ana.garcia/proficiency`) → location of that node. */
  fieldLocations: FieldLocations;
}

/** A loaded definition of any kind; split on `kind`. */
export type AnyLoadedDefinition = LoadedDefinition | LoadedSkillDefinition;

/** What validating a directory yields: the valid definitions of each kind and every problem found. */
export interface ValidationResult {
  /** Valid queue definitions (documents without `kind`, or `kind: Queue`), in file order. */
  definitions: LoadedDefinition[];
  /** Valid skill definitions (`kind: Skill`), in file order. */
  skills: LoadedSkillDefinition[];
  problems: Problem[];
  /** Located like problems, but never make a definition invalid (e.g. a zero-width space in a name). */
  warnings: Problem[];
  files: number;
}
