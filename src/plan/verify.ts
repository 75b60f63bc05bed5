/**
 * Checks a saved plan against what it may write: the schema and the managed field list, and the
 * definitions it claims to come from. A saved plan's checksum only detects accidents (anyone can
 * recompute a sha256), so these checks, not the checksum, are what stop a crafted plan. Pure.
 */
import type { ErrorObject } from 'ajv';
import { WRITABLE_QUEUE_FIELDS } from '../model/queue.js';
import { canonicalJson } from '../util/canonical-json.js';
import type { QueueChange } from './types.js';

/** One reason a saved plan cannot be applied, about one queue and one field. */
export interface PlanMismatch {
  id: string;
  name: string;
  field: string;
  reason: string;
}

/** The schema validator as `verifyPlanFields` needs it (ajv's compiled function fits). */
export type DefinitionValidator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

const WRITABLE: ReadonlySet<string> = new Set(WRITABLE_QUEUE_FIELDS);

/**
 * The planned writes that no definition could declare: a `desired` key outside
 * WRITABLE_QUEUE_FIELDS (`id`, `version`, a field the schema does not know), or a value the
 * queue schema refuses (checked as the definition `{id, ...desired}`). Never throws.
 */
export function verifyPlanFields(changes: readonly QueueChange[], validate: DefinitionValidator): PlanMismatch[] {
  const out: PlanMismatch[] = [];
  for (const c of changes) {
    const undeclared = Object.keys(c.desired).filter((k) => !WRITABLE.has(k));
    for (const field of undeclared) {
      out.push({ id: c.id, name: c.name, field, reason: 'is not a field the queue schema declares; cxq never writes it' });
    }
    if (undeclared.length > 0) continue;
    if (validate({ id: c.id, ...c.desired })) continue;
    for (const e of validate.errors ?? []) {
      out.push({ id: c.id, name: c.name, field: fieldOf(e), reason: `is refused by the queue schema: ${e.message ?? e.keyword}` });
    }
  }
  return out;
}

/**
 * Compares a saved plan's changes with the plan re-derived now from the definitions (`derived`,
 * matched to the live queues by id or name). Reports, per queue and field:
 * - a planned queue that no definition manages;
 * - a planned desired field whose value differs from the definitions, or that the definitions
 *   do not declare, or a declared field the plan lacks;
 * - a change the definitions hold (derived `update`) that the plan omits or marks `noop`.
 * Empty when the plan writes exactly what the definitions say. Never throws.
 */
export function comparePlanWithDefinitions(saved: readonly QueueChange[], derived: readonly QueueChange[]): PlanMismatch[] {
  const byId = new Map(derived.map((c) => [c.id, c]));
  const out: PlanMismatch[] = [];
  for (const c of saved) {
    const d = byId.get(c.id);
    if (d === undefined) {
      out.push({ id: c.id, name: c.name, field: '*', reason: 'is in the plan but no definition manages this queue' });
      continue;
    }
    out.push(...desiredMismatches(c, d));
  }
  const planned = new Map(saved.map((c) => [c.id, c]));
  for (const d of derived) {
    if (d.action !== 'update' || planned.get(d.id)?.action === 'update') continue;
    const what = planned.has(d.id) ? 'marks it unchanged' : 'omits it';
    for (const f of d.fields) {
      out.push({ id: d.id, name: d.name, field: f.path.slice(1), reason: `differs from the live queue in the definitions, but the plan ${what}` });
    }
  }
  return out;
}

function desiredMismatches(c: QueueChange, d: QueueChange): PlanMismatch[] {
  const plan = c.desired as Record<string, unknown>;
  const defs = d.desired as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(plan), ...Object.keys(defs)])].sort();
  const out: PlanMismatch[] = [];
  for (const field of fields) {
    const p = plan[field];
    const q = defs[field];
    if (p !== undefined && q !== undefined && canonicalJson(p) === canonicalJson(q)) continue;
    const reason =
      q === undefined ? `the plan writes ${show(p)}, but no definition declares this field`
      : p === undefined ? `the definitions declare ${show(q)}, but the plan does not write it`
      : `the plan writes ${show(p)}, the definitions say ${show(q)}`;
    out.push({ id: c.id, name: c.name, field, reason });
  }
  return out;
}

/** `Support (3f6c…) maxWaitTime: the plan writes 7200, …; …`, listing up to 10. */
export function mismatchMessage(head: string, mismatches: readonly PlanMismatch[]): string {
  const shown = mismatches.slice(0, 10).map((m) => `${m.name} (${m.id}) ${m.field}: ${m.reason}`);
  const more = mismatches.length > shown.length ? `; and ${mismatches.length - shown.length} more` : '';
  return `${head}: ${shown.join('; ')}${more}`;
}

function fieldOf(e: ErrorObject): string {
  const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
  const path = e.instancePath.replace(/^\//, '');
  if (typeof extra === 'string') return path === '' ? extra : `${path}/${extra}`;
  return path === '' ? '(queue)' : path;
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
