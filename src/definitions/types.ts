import type { Problem } from '../errors.js';
import { WRITABLE_QUEUE_FIELDS } from '../model/queue.js';
import type { OverflowTarget, RoutingStrategy, SkillRef, SkillRoutingType } from '../model/queue.js';
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

/** A definition as loaded: its value, where its document starts, and where each field stands. */
export interface LoadedDefinition {
  definition: QueueDefinition;
  location: Location;
  /** JSON pointer (`/maxWaitTime`, `/skills/0/id`) → location of that node: `fieldLocations.at(pointer)`. */
  fieldLocations: FieldLocations;
}

/** What validating a directory yields: the valid definitions and every problem found. */
export interface ValidationResult {
  definitions: LoadedDefinition[];
  problems: Problem[];
  /** Located like problems, but never make a definition invalid (e.g. a zero-width space in a name). */
  warnings: Problem[];
  files: number;
}
