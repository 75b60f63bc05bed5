import type { Queue } from '../model/queue.js';
import type { Skill } from '../model/tenant.js';
import type { LoadedDefinition } from '../definitions/types.js';
import type { Problem } from '../errors.js';
import { problemAt } from './locate.js';

/**
 * Checks what only the live tenant can tell: every declared skill id exists in the skills list,
 * and every overflow target id is an existing queue other than the definition's own queue.
 * Each problem is located at the offending field (`/skills/0/id`, `/overflowTargets/1/id`), with
 * indexes as written in the file. Definitions whose queue cannot be found are still checked (the
 * matching step reports the missing queue itself).
 *
 * Pure; never throws; returns `[]` when everything exists.
 */
export function crossCheck(
  defs: readonly LoadedDefinition[],
  live: readonly Queue[],
  skills: readonly Skill[],
): Problem[] {
  const skillIds = new Set(skills.map((s) => s.id));
  const queueIds = new Set(live.map((q) => q.id));
  const idByName = uniqueIdByName(live);
  const problems: Problem[] = [];
  for (const def of defs) {
    const d = def.definition;
    (d.skills ?? []).forEach((s, i) => {
      if (!skillIds.has(s.id)) {
        problems.push(problemAt(def, `/skills/${i}/id`, `skill "${s.id}" does not exist in the tenant (GET /api/v2/routing/skills); fix the id or create the skill first`));
      }
    });
    const self = d.id ?? (d.name !== undefined ? idByName.get(d.name) : undefined);
    (d.overflowTargets ?? []).forEach((t, i) => {
      const pointer = `/overflowTargets/${i}/id`;
      if (!queueIds.has(t.id)) {
        problems.push(problemAt(def, pointer, `overflow target ${t.id} is not a live queue; fix the id or remove the target`));
      } else if (t.id === self) {
        problems.push(problemAt(def, pointer, 'a queue cannot overflow to itself; remove this target'));
      }
    });
  }
  return problems;
}

/** name → id for names exactly one live queue carries (`null` marks a shared name). */
function uniqueIdByName(live: readonly Queue[]): Map<string, string> {
  const seen = new Map<string, string | null>();
  for (const q of live) seen.set(q.name, seen.has(q.name) ? null : q.id);
  const out = new Map<string, string>();
  for (const [name, id] of seen) if (id !== null) out.set(name, id);
  return out;
}
