import type { Operation } from 'fast-json-patch';
import type { QueueDefinition, Location } from '../definitions/types.js';

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
