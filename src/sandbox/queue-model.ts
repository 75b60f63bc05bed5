/**
 * How the sandbox turns a PUT body into the stored queue: omitted fields reset to defaults
 * (the contract's rule that makes partial PUTs dangerous), read-only fields are the server's,
 * unknown fields are stored as sent. Also the field diff written to the audit log.
 */
import type { Queue } from '../model/queue.js';
import type { AuditChange } from '../model/tenant.js';
import { READ_ONLY_FIELDS, WRITABLE_QUEUE_FIELDS } from '../model/queue.js';

/** Contract fields in their canonical output order (read-only ones excluded). */
export const CONTRACT_FIELDS = WRITABLE_QUEUE_FIELDS;

/**
 * Value of each writable contract field when a PUT omits it. `name` has none (a PUT without it
 * is a 400). `description` resets to the empty string.
 */
export const FIELD_DEFAULTS: Readonly<Record<string, unknown>> = {
  description: '',
  routingStrategy: 'longestIdleAgent',
  waitMusic: { playMusic: false },
  maxWaitTime: 300,
  skills: [],
  skillRoutingType: 'any',
  enableOverflow: false,
  overflowThreshold: 80,
  overflowTargets: [],
};

/**
 * Fields outside the contract's table that this server knows, with the value a PUT that omits
 * them resets them to. Seeded queues carry different values, so a dropped field shows.
 */
export const EXTRA_DEFAULTS: Readonly<Record<string, unknown>> = {
  mediaType: 'voice',
  acwTimeout: 0,
  serviceLevel: { percentage: 80, durationSeconds: 20 },
  tags: [],
};

const READ_ONLY = new Set<string>(READ_ONLY_FIELDS);
const KNOWN = new Set<string>([...CONTRACT_FIELDS, ...READ_ONLY_FIELDS]);

/** Server-stamped fields of a stored queue. */
export interface Stamp {
  id: string;
  version: number;
  dateModified: string;
  modifiedBy: { id: string; name: string };
}

/**
 * The queue a (validated) PUT body produces: defaults for every omitted writable field, the
 * body's values otherwise, unknown fields as sent, read-only fields from `stamp`. Never mutates
 * `body`; the result shares no objects with it.
 */
export function buildQueue(body: Record<string, unknown>, stamp: Stamp): Queue {
  const out: Record<string, unknown> = { id: stamp.id };
  for (const field of CONTRACT_FIELDS) {
    out[field] = field in body ? body[field] : FIELD_DEFAULTS[field];
  }
  if (body['waitMusic'] !== undefined) {
    const wm = body['waitMusic'] as Record<string, unknown>;
    out['waitMusic'] = { ...wm, playMusic: wm['playMusic'] ?? false };
  }
  for (const [field, value] of Object.entries(EXTRA_DEFAULTS)) {
    out[field] = field in body ? body[field] : value;
  }
  for (const [field, value] of Object.entries(body)) {
    if (!KNOWN.has(field) && !(field in EXTRA_DEFAULTS)) out[field] = value;
  }
  out['version'] = stamp.version;
  out['dateModified'] = stamp.dateModified;
  out['modifiedBy'] = stamp.modifiedBy;
  out['selfUri'] = `/api/v2/routing/queues/${stamp.id}`;
  return structuredClone(out) as Queue;
}

/** The writable part of a stored queue (read-only fields removed), e.g. to merge a console edit. */
export function writableFields(queue: Queue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(queue)) if (!READ_ONLY.has(k)) out[k] = v;
  return out;
}

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Top-level writable fields whose value differs between `before` and `after`, in output order. */
export function diffQueues(before: Queue, after: Queue): AuditChange[] {
  const fields = new Set([...Object.keys(after), ...Object.keys(before)]);
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (READ_ONLY.has(field)) continue;
    const oldValue = before[field];
    const newValue = after[field];
    if (canonicalJson(oldValue) === canonicalJson(newValue)) continue;
    changes.push({
      field,
      oldValue: oldValue === undefined ? null : structuredClone(oldValue),
      newValue: newValue === undefined ? null : structuredClone(newValue),
    });
  }
  return changes;
}
