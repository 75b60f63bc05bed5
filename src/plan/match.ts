import type { Queue } from '../model/queue.js';
import type { LoadedDefinition } from '../definitions/types.js';
import type { Problem } from '../errors.js';
import { problemAt, where } from './locate.js';

/** A definition paired with the live queue it manages. */
export interface MatchedDefinition {
  def: LoadedDefinition;
  live: Queue;
}

/**
 * Pairs each definition with its live queue.
 *
 * - A definition with an `id` matches the live queue with that id. If it also has a `name` and the
 *   live name differs, that is a rename (a field change found by the diff), not an error.
 * - A name-only definition matches the one live queue with exactly that name (case-sensitive).
 * - Problems (located at the definition's `id`/`name` field): no live queue (cxq never creates
 *   queues), a name-only definition whose name two or more live queues share (the message names
 *   every id), a definition with neither id nor name, and two definitions claiming the same queue.
 * - `unmanaged` is every live queue no definition matched, in input order.
 *
 * Pure; never throws. Order of `matched` follows `defs`.
 */
export function matchDefinitions(
  defs: readonly LoadedDefinition[],
  live: readonly Queue[],
): { matched: MatchedDefinition[]; problems: Problem[]; unmanaged: Queue[] } {
  const byId = new Map(live.map((q) => [q.id, q]));
  const byName = groupByName(live);
  const claimedBy = new Map<string, LoadedDefinition>();
  const matched: MatchedDefinition[] = [];
  const problems: Problem[] = [];

  for (const def of defs) {
    const found = findLive(def, byId, byName);
    if ('problem' in found) {
      problems.push(found.problem);
      continue;
    }
    const q = found.queue;
    const other = claimedBy.get(q.id);
    if (other !== undefined) {
      const pointer = def.definition.id !== undefined ? '/id' : '/name';
      problems.push(problemAt(def, pointer, `queue "${q.name}" (${q.id}) is already managed by the definition at ${where(other)}; keep one definition per queue`));
      continue;
    }
    claimedBy.set(q.id, def);
    matched.push({ def, live: q });
  }
  const unmanaged = live.filter((q) => !claimedBy.has(q.id));
  return { matched, problems, unmanaged };
}

function findLive(
  def: LoadedDefinition,
  byId: Map<string, Queue>,
  byName: Map<string, Queue[]>,
): { queue: Queue } | { problem: Problem } {
  const { id, name } = def.definition;
  if (id !== undefined) {
    const q = byId.get(id);
    if (q !== undefined) return { queue: q };
    const label = name !== undefined ? `queue ${id} ("${name}")` : `queue ${id}`;
    return { problem: problemAt(def, '/id', `${label} does not exist in the tenant; cxq does not create queues: create it in CXone first, or fix or remove this definition`) };
  }
  if (name === undefined) {
    return { problem: problemAt(def, '', 'the definition has neither an id nor a name; add one so cxq can find its queue') };
  }
  const candidates = byName.get(name) ?? [];
  if (candidates.length === 1 && candidates[0] !== undefined) return { queue: candidates[0] };
  if (candidates.length === 0) {
    return { problem: problemAt(def, '/name', `no live queue is named "${name}"; cxq does not create queues: create it in CXone first, or fix the name`) };
  }
  const ids = candidates.map((q) => q.id).sort().join(', ');
  return { problem: problemAt(def, '/name', `${candidates.length} live queues are named "${name}" (${ids}); add the id of the one this definition manages`) };
}

function groupByName(live: readonly Queue[]): Map<string, Queue[]> {
  const byName = new Map<string, Queue[]>();
  for (const q of live) {
    const list = byName.get(q.name);
    if (list) list.push(q);
    else byName.set(q.name, [q]);
  }
  return byName;
}
