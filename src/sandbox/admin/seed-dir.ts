/**
 * Seeding the admin sandbox from Skill definitions (`seedDir`, `cxq sandbox --dialect admin --seed
 * DIR`): the definitions are read with the project's own loader, then their declared values are
 * applied over the sample tenant, so a test or a demo can start in sync with a definitions
 * repository. docs/sandbox.md ("Seeding") describes every rule.
 */
import type { SkillDefinition } from '../../definitions/types.js';
import { validateDirectory } from '../../definitions/validate.js';
import { DefinitionError } from '../../errors.js';
import { MANAGED_SKILL_FIELDS } from '../../model/skill.js';

/** One agent to create. */
export interface SeedAgent {
  userName: string;
  firstName: string;
  lastName: string;
  teamId: number;
  isActive: boolean;
}

/** One skill to create: GET-shape writable fields, read-only extras, assignments by user name. */
export interface SeedSkill {
  skillName: string;
  fields: Record<string, unknown>;
  readOnly?: Record<string, unknown>;
  assignments: { userName: string; proficiency: number; isActive: boolean }[];
}

/** A new skill's media type, guessed from its name (definitions do not declare it); phone otherwise. */
export function mediaTypeFromName(skillName: string): number {
  const name = skillName.toLowerCase();
  if (/\bemail\b/.test(name)) return 1;
  if (/\bchat\b/.test(name)) return 3;
  if (/\bsms\b/.test(name)) return 7;
  if (/\b(digital|messaging)\b/.test(name)) return 9;
  return 4;
}

/** A new agent for an unknown user name: `first.last` → First Last, team 1, active. */
function agentFor(userName: string): SeedAgent {
  const cap = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));
  const [first = userName, ...rest] = userName.split(/[._-]/);
  return { userName, firstName: cap(first), lastName: rest.length > 0 ? rest.map(cap).join(' ') : 'Agent', teamId: 1, isActive: true };
}

/** Applies one definition's agents to a skill's assignments (declared win; `agentsExclusive` drops the rest). */
function overlayAgents(skill: SeedSkill, def: SkillDefinition): void {
  const declared = def.agents;
  if (declared === undefined) return;
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  const kept = def.agentsExclusive === true ? [] : skill.assignments.filter((a) => !Object.keys(declared).some((u) => same(u, a.userName)));
  const before = new Map(skill.assignments.map((a) => [a.userName.toLowerCase(), a]));
  const set = Object.entries(declared).map(([userName, d]) => ({
    userName,
    proficiency: d.proficiency,
    isActive: d.active ?? before.get(userName.toLowerCase())?.isActive ?? true,
  }));
  skill.assignments = [...kept, ...set];
}

/**
 * The seed entries with `definitions` applied, in order: a definition naming an existing skill
 * (case-insensitive, as the sandbox's names are unique that way) sets its declared fields and
 * agents; one naming no skill creates it (media type from its name, other fields at their
 * defaults). Every declared user name the entries lack becomes an agent. Pure; `base` is not changed.
 */
export function overlayDefinitions(
  base: { skills: readonly SeedSkill[]; agents: readonly SeedAgent[] },
  definitions: readonly SkillDefinition[],
): { skills: SeedSkill[]; agents: SeedAgent[] } {
  const skills = base.skills.map((s) => structuredClone(s));
  const agents = base.agents.map((a) => ({ ...a }));
  const users = new Set(agents.map((a) => a.userName.toLowerCase()));
  for (const def of definitions) {
    let skill = skills.find((s) => s.skillName.toLowerCase() === def.skillName.toLowerCase());
    if (skill === undefined) {
      skill = { skillName: def.skillName, fields: { mediaTypeId: mediaTypeFromName(def.skillName) }, assignments: [] };
      skills.push(skill);
    }
    for (const field of MANAGED_SKILL_FIELDS) {
      const value = def[field];
      if (value !== undefined) skill.fields[field] = field === 'notes' ? String(value).trimEnd() : value;
    }
    for (const userName of Object.keys(def.agents ?? {})) {
      if (users.has(userName.toLowerCase())) continue;
      users.add(userName.toLowerCase());
      agents.push(agentFor(userName));
    }
    overlayAgents(skill, def);
  }
  return { skills, agents };
}

/**
 * The Skill definitions under `dir` (resolved against `cwd`), in file order. Throws FileError when
 * the directory is missing or unreadable, and DefinitionError when any definition is invalid or a
 * document is a queue (the admin dialect serves skills): a half-seeded sandbox would mislead.
 */
export async function loadSkillSeed(dir: string, cwd: string): Promise<SkillDefinition[]> {
  const result = await validateDirectory(dir, { cwd });
  if (result.problems.length > 0) {
    throw new DefinitionError(result.problems, `${result.problems.length} problem(s) in the seed definitions under ${dir}`);
  }
  const queue = result.definitions[0];
  if (queue !== undefined) {
    throw new DefinitionError(
      [{ ...queue.location, field: 'kind', message: 'the admin sandbox seeds from kind: Skill definitions; this is a Queue' }],
      `${result.definitions.length} queue definition(s) in the admin seed directory ${dir}`,
    );
  }
  return result.skills.map((s) => s.definition);
}
