import type { LoadedSkillDefinition } from '../definitions/types.js';
import { escapeSegment } from '../definitions/positions.js';
import type { Problem } from '../errors.js';
import type { LiveAssignment, LiveSkill, ManagedSkillField, TenantAgent } from '../model/skill.js';
import { compareStrings } from '../util/canonical-json.js';
import { fingerprintOf, skillSnapshot } from './fingerprint.js';
import { problemAt, sortProblems, where } from './locate.js';
import { desiredSkill, diffAgents, diffSkillFields } from './skill-diff.js';
import type { SkillChange } from './types.js';

/** Everything the skills' part of a plan is computed from. */
export interface SkillPlanInput {
  definitions: readonly LoadedSkillDefinition[];
  live: readonly LiveSkill[];
  /** Live assignments by skillId; needed for every matched skill that declares `agents`. */
  assignments: ReadonlyMap<number, readonly LiveAssignment[]>;
  /** The tenant's agents, to resolve user names. */
  agents: readonly TenantAgent[];
}

/** The skills' part of a plan: one change per managed skill, the problems, the unmanaged skills. */
export interface SkillPlan {
  changes: SkillChange[];
  problems: Problem[];
  unmanaged: { skillId: number; skillName: string }[];
}

/**
 * Matches each Skill definition with its live skill by `skillName` (exact), checks a declared
 * `skillId`, diffs the declared fields and agents, and records what was seen (snapshot and
 * fingerprint). `changes` and `unmanaged` are sorted by skill name then id, so the same inputs in
 * any order give identical JSON.
 *
 * Problems, each at the definition's file:line:column: no live skill of that name (cxq never
 * creates skills), a name several live skills share without a `skillId` to choose, a `skillId`
 * that is not the named skill's, an agent user name the tenant does not know (named, with "did
 * you mean"), and a skill declaring agents whose assignments were not read. The plan is still
 * built from what matched; callers must not act on it when `problems` is non-empty.
 * Pure; never throws.
 */
export function planSkills(input: SkillPlanInput): SkillPlan {
  const byName = new Map<string, LiveSkill[]>();
  for (const s of input.live) byName.set(s.skillName, [...(byName.get(s.skillName) ?? []), s]);
  const problems: Problem[] = [];
  const changes: SkillChange[] = [];
  const claimed = new Map<number, LoadedSkillDefinition>();
  for (const def of input.definitions) {
    const found = findSkill(def, byName);
    if ('problem' in found) {
      problems.push(found.problem);
      continue;
    }
    const other = claimed.get(found.skill.skillId);
    if (other !== undefined) {
      problems.push(problemAt(def, '/skillName', `skill ${found.skill.skillId} is already managed by the definition at ${where(other)}; keep one definition per skill`));
      continue;
    }
    claimed.set(found.skill.skillId, def);
    const change = planOne(def, found.skill, input, problems);
    if (change !== undefined) changes.push(change);
  }
  changes.sort((a, b) => compareStrings(a.skillName, b.skillName) || a.skillId - b.skillId);
  const unmanaged = input.live
    .filter((s) => !claimed.has(s.skillId))
    .map((s) => ({ skillId: s.skillId, skillName: s.skillName }))
    .sort((a, b) => compareStrings(a.skillName, b.skillName) || a.skillId - b.skillId);
  return { changes, problems: sortProblems(problems), unmanaged };
}

function planOne(def: LoadedSkillDefinition, live: LiveSkill, input: SkillPlanInput, problems: Problem[]): SkillChange | undefined {
  const desired = desiredSkill(def.definition);
  const fields = diffSkillFields(live, desired.fields);
  const declaredFields = Object.keys(desired.fields) as ManagedSkillField[];
  let agents: SkillChange['agents'] = [];
  let snapshot = skillSnapshot(live, declaredFields);
  if (desired.agents !== undefined) {
    const assignments = input.assignments.get(live.skillId);
    if (assignments === undefined) {
      problems.push(problemAt(def, '/agents', `the agent assignments of skill "${live.skillName}" (${live.skillId}) were not read; cxq cannot plan its agents`));
      return undefined;
    }
    const diff = diffAgents({ declared: desired.agents, exclusive: desired.agentsExclusive, live: assignments, directory: input.agents });
    for (const u of diff.unknown) {
      const hint = u.suggestion !== undefined ? ` (did you mean "${u.suggestion}"?)` : '';
      problems.push(problemAt(def, `/agents/${escapeSegment(u.userName)}`,
        `unknown agent "${u.userName}"${hint}: no agent of the tenant has this user name; name agents by their CXone user name`));
    }
    agents = diff.changes;
    const ids = input.agents.filter((a) => Object.hasOwn(desired.agents!, a.userName)).map((a) => a.agentId);
    snapshot = skillSnapshot(live, declaredFields, { assignments, declaredIds: ids, exclusive: desired.agentsExclusive });
  }
  return {
    kind: 'Skill',
    skillId: live.skillId,
    skillName: live.skillName,
    action: fields.length > 0 || agents.length > 0 ? 'update' : 'noop',
    fields,
    agents,
    desired,
    observed: snapshot,
    fingerprint: fingerprintOf(snapshot),
    source: { ...def.location },
  };
}

function findSkill(def: LoadedSkillDefinition, byName: ReadonlyMap<string, LiveSkill[]>): { skill: LiveSkill } | { problem: Problem } {
  const { skillName, skillId } = def.definition;
  const candidates = byName.get(skillName) ?? [];
  if (candidates.length === 0) {
    return { problem: problemAt(def, '/skillName', `no live skill is named "${skillName}"; cxq does not create skills: create it in CXone first, or fix the name`) };
  }
  if (skillId !== undefined) {
    const pinned = candidates.find((s) => s.skillId === skillId);
    if (pinned !== undefined) return { skill: pinned };
    const ids = candidates.map((s) => s.skillId).sort((a, b) => a - b).join(', ');
    return { problem: problemAt(def, '/skillId', `skill "${skillName}" has id ${ids} in this tenant, not ${skillId}; fix skillId or leave it out (ids differ between tenants)`) };
  }
  if (candidates.length === 1) return { skill: candidates[0]! };
  const ids = candidates.map((s) => s.skillId).sort((a, b) => a - b).join(', ');
  return { problem: problemAt(def, '/skillName', `${candidates.length} live skills are named "${skillName}" (${ids}); add the skillId of the one this definition manages`) };
}
