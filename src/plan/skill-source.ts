/**
 * Reading what a skills plan is computed from (the admin dialect): the definitions, then the live
 * skills with the list endpoint, and, only when some definition declares `agents`, the tenant's
 * agents and the assignments of the declared skills with the multi-skill endpoint. Never one
 * request per skill. Thin I/O around the pure `planSkills`.
 */
import { validateDirectory } from '../definitions/validate.js';
import type { LoadedSkillDefinition } from '../definitions/types.js';
import { DefinitionError, FileError } from '../errors.js';
import type { LiveAssignment, LiveSkill, TenantAgent } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import type { RunContext } from '../run-context.js';
import { planSkills, type SkillPlan } from './skill-plan.js';
import type { PlanSourceOptions } from './source.js';

/** Everything a skills plan is computed from, as read. */
export interface SkillPlanInputs {
  definitions: LoadedSkillDefinition[];
  live: LiveSkill[];
  assignments: Map<number, LiveAssignment[]>;
  agents: TenantAgent[];
}

/**
 * Validates `dir` and reads the live state (see the file comment). Throws `DefinitionError` when
 * the definitions do not validate or `dir` holds queue definitions (they need the v2 dialect),
 * `FileError` ("no skill definitions found in DIR") when it holds none and `allowEmpty` is not set,
 * before any request is sent. API failures propagate as the client's typed errors.
 */
export async function loadSkillPlanInputs(ctx: RunContext, api: SkillApi, dir: string, options: PlanSourceOptions = {}): Promise<SkillPlanInputs> {
  const validation = await validateDirectory(dir, { cwd: ctx.io.cwd });
  if (validation.problems.length > 0) throw new DefinitionError(validation.problems);
  const queue = validation.definitions[0];
  if (queue !== undefined) {
    throw new DefinitionError(
      [{ ...queue.location, field: 'kind', message: 'a Queue definition needs the v2 dialect; the admin dialect manages kind: Skill' }],
      `${validation.definitions.length} queue definition(s) in ${dir}, which the admin dialect does not serve`,
      'Keep queue and skill definitions in separate directories, or run with --provider v2 for queues.',
    );
  }
  if (validation.skills.length === 0 && options.allowEmpty !== true) {
    throw new FileError(dir, `no skill definitions found in ${dir} (${validation.files} YAML file(s))`, {
      hint: 'Pass --dir DIR pointing at the kind: Skill definitions, or --allow-empty if managing no skill is intended.',
    });
  }
  const before = api.stats.requests;
  const live = await api.listSkills();
  const declaring = validation.skills.filter((d) => d.definition.agents !== undefined);
  let agents: TenantAgent[] = [];
  let assignments = new Map<number, LiveAssignment[]>();
  if (declaring.length > 0) {
    const names = new Set(declaring.map((d) => d.definition.skillName));
    const ids = live.filter((s) => names.has(s.skillName)).map((s) => s.skillId);
    [agents, assignments] = await Promise.all([api.listAgents(), ids.length === 0 ? Promise.resolve(new Map()) : api.assignments(ids)]);
  }
  ctx.logger.info(
    { files: validation.files, skills: validation.skills.length, liveSkills: live.length, agents: agents.length, requests: api.stats.requests - before },
    'read skill definitions and live state',
  );
  return { definitions: validation.skills, live, assignments, agents };
}

/**
 * The skills plan of inputs already read. Throws `DefinitionError` (each problem at its
 * file:line:column: unknown skill, ambiguous name, wrong skillId, unknown agent user name) when the
 * definitions do not fit the tenant. Pure apart from the log line.
 */
export function skillPlanFromInputs(ctx: RunContext, inputs: SkillPlanInputs): SkillPlan {
  const plan = planSkills(inputs);
  if (plan.problems.length > 0) {
    throw new DefinitionError(
      plan.problems,
      `${plan.problems.length} problem(s) between the skill definitions and the live tenant`,
      'cxq does not create skills or agents: fix the definition, or create the skill or user in CXone first.',
    );
  }
  const update = plan.changes.filter((c) => c.action === 'update').length;
  ctx.logger.info({ managed: plan.changes.length, update, noop: plan.changes.length - update, unmanaged: plan.unmanaged.length }, 'skill plan computed');
  return plan;
}

/** `loadSkillPlanInputs` then `skillPlanFromInputs`; read-only on the tenant. */
export async function planSkillsFromDirectory(ctx: RunContext, api: SkillApi, dir: string, options: PlanSourceOptions = {}): Promise<{ plan: SkillPlan; inputs: SkillPlanInputs }> {
  const inputs = await loadSkillPlanInputs(ctx, api, dir, options);
  return { plan: skillPlanFromInputs(ctx, inputs), inputs };
}
