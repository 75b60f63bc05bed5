import type { Queue } from '../model/queue.js';
import type { QueueChange } from '../plan/types.js';
import type { ApplyTask } from './types.js';

/** A planned queue whose live version moved since the plan (or that is gone: `live` null). */
export interface StaleQueue {
  id: string;
  name: string;
  planned: number;
  live: number | null;
}

/**
 * The apply tasks of a plan: each change paired with its live object (the PUT merges into it).
 * A planned `update` whose queue is missing from `live` is left out; callers check staleness
 * (`findStale`) first. Pure.
 */
export function tasksFromChanges(changes: readonly QueueChange[], live: ReadonlyMap<string, Queue>): ApplyTask[] {
  const tasks: ApplyTask[] = [];
  for (const c of changes) {
    const queue = live.get(c.id);
    if (!queue) continue;
    tasks.push({ id: c.id, name: c.name, action: c.action, version: c.version, fields: c.fields, desired: c.desired, live: queue });
  }
  return tasks;
}

/**
 * The queues a saved plan would write (`update`) whose live version differs from the plan's, or
 * that no longer exist. Planned noops are not checked: nothing is written to them, and a change
 * there shows up in the next plan. Pure.
 */
export function findStale(changes: readonly QueueChange[], live: ReadonlyMap<string, Queue>): StaleQueue[] {
  return changes
    .filter((c) => c.action === 'update')
    .map((c) => ({ id: c.id, name: c.name, planned: c.version, live: live.get(c.id)?.version ?? null }))
    .filter((s) => s.live !== s.planned);
}

/** `Saved plan is stale: Support (3f6c…) version 7 → 9, Sales (…) deleted`, listing up to 10. */
export function staleMessage(stale: readonly StaleQueue[]): string {
  const shown = stale.slice(0, 10).map((s) => {
    const now = s.live === null ? 'deleted' : `version ${s.planned} → ${s.live}`;
    return `${s.name} (${s.id}) ${now}`;
  });
  const more = stale.length > shown.length ? `, and ${stale.length - shown.length} more` : '';
  return `Saved plan is stale: ${stale.length} planned queue(s) changed since it was made: ${shown.join(', ')}${more}`;
}
