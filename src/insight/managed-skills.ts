/**
 * The managed skills of the insight commands on the admin dialect: Skill definitions from `--dir`
 * matched against the live skills list (one list read; agents are not read, the insight commands
 * do not need them), optionally narrowed by `--id` (skill ids). Thin I/O around the validator and
 * the pure skills plan.
 */
import { validateDirectory } from '../definitions/validate.js';
import { DefinitionError, UsageError } from '../errors.js';
import type { Logger } from '../log.js';
import type { LiveSkill } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import { planSkills } from '../plan/skill-plan.js';

/**
 * Validates `dir`, lists the live skills and matches them as plan does. Throws `DefinitionError`
 * for invalid definitions, queue definitions (they need the v2 dialect), or a definition that
 * matches no single live skill; `UsageError` for an `--id` that is not a number or not managed.
 * Returns the managed live skills sorted by name then id.
 */
export async function loadManagedSkills(
  api: SkillApi,
  options: { dir: string; cwd: string; ids?: readonly string[]; logger: Logger },
): Promise<LiveSkill[]> {
  const ids = (options.ids ?? []).map((id) => {
    if (!/^\d+$/.test(id)) throw new UsageError(`--id ${JSON.stringify(id)}: skill ids are numbers`, { hint: 'Pass a skillId, e.g. --id 1000001 (see `cxq plan --format json`).' });
    return Number(id);
  });
  const validation = await validateDirectory(options.dir, { cwd: options.cwd });
  if (validation.problems.length > 0) throw new DefinitionError(validation.problems);
  const queue = validation.definitions[0];
  if (queue !== undefined) {
    throw new DefinitionError([{ ...queue.location, field: 'kind', message: 'a Queue definition needs the v2 dialect; the admin dialect manages kind: Skill' }]);
  }
  const live = await api.listSkills();
  // Agents are not needed here: match on the skill alone.
  const definitions = validation.skills.map((d) => ({ ...d, definition: { ...d.definition, agents: undefined, agentsExclusive: undefined } }));
  const plan = planSkills({ definitions, live, assignments: new Map(), agents: [] });
  if (plan.problems.length > 0) {
    throw new DefinitionError(plan.problems, `${plan.problems.length} problem(s) between the skill definitions and the live tenant`, 'cxq does not create skills: fix the definition, or create the skill in CXone first.');
  }
  const byId = new Map(live.map((s) => [s.skillId, s]));
  let managed = plan.changes.map((c) => byId.get(c.skillId)!);
  if (ids.length > 0) {
    const known = new Set(managed.map((s) => s.skillId));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new UsageError(`--id ${unknown.join(', ')}: not a skill managed by the definitions in ${options.dir}`, { hint: 'Pass the skillId of a skill a definition in --dir manages (see `cxq plan`).' });
    }
    managed = managed.filter((s) => ids.includes(s.skillId));
  }
  options.logger.info({ definitions: validation.skills.length, live: live.length, managed: managed.length }, 'managed skills matched');
  return managed;
}
