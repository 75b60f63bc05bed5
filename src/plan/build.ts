import type { Queue } from '../model/queue.js';
import type { Skill } from '../model/tenant.js';
import type { LoadedDefinition } from '../definitions/types.js';
import type { Problem } from '../errors.js';
import { compareStrings } from '../util/canonical-json.js';
import { crossCheck } from './crosscheck.js';
import { desiredFields } from './desired.js';
import { diffQueue } from './diff.js';
import { sortProblems } from './locate.js';
import { matchDefinitions } from './match.js';
import type { Plan, QueueChange } from './types.js';

export interface PlanInput {
  definitions: readonly LoadedDefinition[];
  live: readonly Queue[];
  skills: readonly Skill[];
  now: Date;
}

/**
 * Builds the plan: match each definition with its live queue, cross-check skills and overflow
 * targets, diff every matched queue.
 *
 * The plan is a value: `changes` sorted by live name then id (one per managed queue, `noop` when it
 * already matches), `unmanaged` (live queues no definition covers) sorted the same way, so the same
 * inputs in any order give identical JSON. `generatedAt` is `now`. Each change carries the live
 * `version` it was computed against, the desired fields and the definition's location.
 *
 * Problems (missing queue, ambiguous name, unknown skill, unknown overflow target, ...) are
 * returned sorted by file and line; the plan is still built from what matched, but callers must
 * not act on it when `problems` is non-empty. Pure; never throws.
 */
export function buildPlan(input: PlanInput): { plan: Plan; problems: Problem[] } {
  const { matched, problems, unmanaged } = matchDefinitions(input.definitions, input.live);
  problems.push(...crossCheck(input.definitions, input.live, input.skills));

  const changes: QueueChange[] = matched.map(({ def, live }) => {
    const desired = desiredFields(def.definition);
    const { fields, patch } = diffQueue(live, desired);
    return {
      id: live.id,
      name: live.name,
      action: fields.length > 0 ? 'update' : 'noop',
      version: live.version,
      fields,
      patch,
      desired,
      source: { ...def.location },
    };
  });
  changes.sort(byNameThenId);
  const unmanagedRefs = unmanaged.map((q) => ({ id: q.id, name: q.name })).sort(byNameThenId);
  const update = changes.filter((c) => c.action === 'update').length;

  const plan: Plan = {
    formatVersion: 1,
    generatedAt: input.now.toISOString(),
    summary: { managed: changes.length, update, noop: changes.length - update, unmanaged: unmanagedRefs.length },
    changes,
    unmanaged: unmanagedRefs,
  };
  return { plan, problems: sortProblems(problems) };
}

/** Sort order of every queue list cxq prints: name, then id (code-unit order, locale-free). */
export function byNameThenId(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
}
