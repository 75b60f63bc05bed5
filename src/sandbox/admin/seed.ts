/**
 * The admin sandbox's initial tenant: the sample of ./sample.ts (13 skills of several media
 * types, 13 agents, assignments with proficiencies), then the Skill definitions of `seedDir`
 * applied over it (./seed-dir.ts), then `skills: N` generated skills with generated agents
 * spread over them. Deterministic for a given seed.
 *
 * The sample holds the six skills of examples/admin/skills, agreeing with them except in two
 * places (Support Email's service level, an extra agent on the exclusive Billing Voice), so
 * `cxq plan --dir examples/admin/skills` against a fresh sandbox shows a small, real diff.
 * The sample's tables are re-exported here for existing importers.
 */
import type { SkillDefinition } from '../../definitions/types.js';
import { intBetween, mulberry32, type Prng } from '../prng.js';
import { SAMPLE_AGENTS, SAMPLE_ASSIGNMENTS, SAMPLE_SKILLS, TEAMS } from './sample.js';
import { overlayDefinitions, type SeedAgent, type SeedSkill } from './seed-dir.js';
import type { AdminState } from './state.js';

export { SAMPLE_AGENTS, SAMPLE_ASSIGNMENTS, SAMPLE_SKILLS } from './sample.js';

const pick = <T>(rng: Prng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

/** The sample tenant as seed entries (copies), in id order. */
function sampleEntries(): { skills: SeedSkill[]; agents: SeedAgent[] } {
  const agents = SAMPLE_AGENTS.map(([userName, firstName, lastName, teamId, isActive]) => ({ userName, firstName, lastName, teamId, isActive }));
  const skills = SAMPLE_SKILLS.map(([skillName, fields, readOnly]) => ({
    skillName,
    fields: structuredClone(fields),
    ...(readOnly ? { readOnly: { ...readOnly } } : {}),
    assignments: (SAMPLE_ASSIGNMENTS[skillName] ?? []).map(([userName, proficiency, isActive]) => ({ userName, proficiency, isActive: isActive ?? true })),
  }));
  return { skills, agents };
}

function insertEntries(state: AdminState, entries: { skills: SeedSkill[]; agents: SeedAgent[] }): void {
  for (const { userName, firstName, lastName, teamId, isActive } of entries.agents) {
    const emailAddress = `${userName}@example.com`;
    state.agents.addAgent({ userName, firstName, lastName, emailAddress, isActive, teamId, teamName: TEAMS[teamId] ?? `Team ${teamId}` });
  }
  for (const entry of entries.skills) {
    const skill = state.skills.insert({ skillName: entry.skillName, ...entry.fields }, entry.readOnly);
    for (const a of entry.assignments) {
      state.agents.set(skill.skillId, state.agents.agentByUserName(a.userName)!.agentId, { proficiency: a.proficiency, isActive: a.isActive }, true);
    }
  }
}

/** `count` generated skills (`Generated Skill 00001`…) and ceil(count / 4) agents (`agent.00001`…), 2–4 agents per skill. */
function seedGenerated(state: AdminState, count: number, seed: number): void {
  const rng = mulberry32(seed ^ 0x9e3779b9);
  const agents: number[] = [];
  for (let i = 1; i <= Math.ceil(count / 4); i++) {
    const n = String(i).padStart(5, '0');
    const teamId = 1 + (i % 3);
    const userName = `agent.${n}`;
    const agent = { userName, firstName: 'Agent', lastName: n, emailAddress: `${userName}@example.com`, isActive: true, teamId, teamName: TEAMS[teamId]! };
    agents.push(state.agents.addAgent(agent).agentId);
  }
  for (let i = 1; i <= count; i++) {
    const mediaTypeId = pick(rng, [4, 4, 4, 3, 1, 7, 9]);
    const skill = state.skills.insert({
      skillName: `Generated Skill ${String(i).padStart(5, '0')}`,
      mediaTypeId,
      campaignId: pick(rng, [1, 2, 3]),
      serviceLevelThreshold: pick(rng, [20, 30, 45, 60, 120]),
      serviceLevelGoal: pick(rng, [70, 80, 85, 90]),
      initialPriority: intBetween(rng, 0, 10),
      acceleration: intBetween(rng, 1, 5),
      maxPriority: pick(rng, [100, 500, 1000]),
      enableShortAbandon: rng() < 0.5,
      shortAbandonThreshold: pick(rng, [5, 10, 15]),
      screenPopTriggerEvent: pick(rng, ['LINKED', 'CONNECT', 'ACTIVE']),
      notes: `generated ${i} (seed ${seed})`,
    });
    const n = Math.min(agents.length, intBetween(rng, 2, 4));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(pick(rng, agents));
    for (const agentId of chosen) {
      state.agents.set(skill.skillId, agentId, { proficiency: intBetween(rng, 1, 20), isActive: rng() < 0.9 }, true);
    }
  }
}

/**
 * Fills `state`: the sample tenant unless `sample` is false, then `definitions` applied over it
 * (overlayDefinitions: declared values win, missing skills and agents are created), then
 * `skills` generated skills.
 */
export function seedAdmin(
  state: AdminState,
  options: { sample: boolean; skills: number; seed: number; definitions?: readonly SkillDefinition[] },
): void {
  const base = options.sample ? sampleEntries() : { skills: [], agents: [] };
  insertEntries(state, overlayDefinitions(base, options.definitions ?? []));
  seedGenerated(state, options.skills, options.seed);
}
