/**
 * The apply tasks of a skills plan (pure): each change with what its reviewer saw, and what the
 * re-read right before the write needs to take the same snapshot again.
 */
import type { TenantAgent } from '../model/skill.js';
import type { SkillChange, SkillDesired } from '../plan/types.js';

/**
 * One skill to reconcile: the plan's change as the reviewer saw it (fields, agents, desired values,
 * the observed snapshot and its fingerprint), keyed for the journal and report.
 */
export interface SkillTask extends Pick<SkillChange, 'skillId' | 'action' | 'fields' | 'agents' | 'desired' | 'observed' | 'fingerprint'> {
  /** `String(skillId)`: the journal and report key. */
  id: string;
  name: string;
}

/**
 * Tasks from plan changes. `seen` (a saved plan's changes, for `--plan`) replaces each change's
 * planned fields, agents and snapshot with what the reviewer saw, keyed by skillId; the desired
 * values always come from `changes` (the plan re-derived from the definitions).
 */
export function skillTasksFrom(changes: readonly SkillChange[], seen?: readonly SkillChange[]): SkillTask[] {
  const reviewed = new Map((seen ?? []).map((c) => [c.skillId, c]));
  return changes.map((c) => {
    const r = reviewed.get(c.skillId) ?? c;
    return {
      id: String(c.skillId),
      skillId: c.skillId,
      name: c.skillName,
      action: seen === undefined ? c.action : r.action,
      fields: r.fields,
      agents: r.agents,
      desired: c.desired,
      observed: r.observed,
      fingerprint: r.fingerprint,
    };
  });
}

/** The agentIds of the declared agents, resolved by user name (the same way the plan does). */
export function declaredAgentIds(desired: SkillDesired, directory: readonly TenantAgent[]): number[] {
  const agents = desired.agents;
  if (agents === undefined) return [];
  return directory.filter((a) => Object.hasOwn(agents, a.userName)).map((a) => a.agentId);
}
