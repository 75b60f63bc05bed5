/**
 * What a skills apply works from (the admin dialect): `--dir` plans now; `--plan FILE` reads a
 * saved skills plan, refuses anything the definitions in `--dir` do not say, and keeps what the
 * reviewer saw (each skill's snapshot and fingerprint) for the re-read right before each write.
 */
import { skillSchema } from '../definitions/schema.js';
import { PlanError } from '../errors.js';
import type { TenantAgent } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import { loadSkillPlanInputs, planSkillsFromDirectory, skillPlanFromInputs } from '../plan/skill-source.js';
import { compareSkillPlanWithDefinitions, verifySkillPlanFields } from '../plan/skill-plan-verify.js';
import type { SkillPlan } from '../plan/skill-plan.js';
import { parseSavedSkillPlan } from '../plan/skill-saved.js';
import type { PlanSourceOptions } from '../plan/source.js';
import { mismatchMessage } from '../plan/verify.js';
import type { RunContext } from '../run-context.js';
import { gitCommit } from '../util/git.js';
import { skillTasksFrom, type SkillTask } from './skill-tasks.js';
import { readPlanFile, REPLAN_HINT, trimSlash } from './source.js';
import type { ApplyMode } from './types.js';

/** What a skills apply works from, whichever flag it came from. */
export interface SkillApplySource {
  mode: ApplyMode;
  /** The plan derived from the definitions now (what is written comes from it). */
  plan: SkillPlan;
  tasks: SkillTask[];
  /** The tenant's agents as read for the plan. */
  directory: TenantAgent[];
  gitCommit: string | null;
  planChecksum: string | null;
}

/** `--dir`: validate and plan now (list reads only). Throws as `planSkillsFromDirectory`. */
export async function skillSourceFromDirectory(ctx: RunContext, api: SkillApi, dir: string, options: PlanSourceOptions = {}): Promise<SkillApplySource> {
  const [{ plan, inputs }, commit] = await Promise.all([planSkillsFromDirectory(ctx, api, dir, options), gitCommit(ctx.io.cwd, ctx.io.env)]);
  return { mode: 'dir', plan, tasks: skillTasksFrom(plan.changes), directory: inputs.agents, gitCommit: commit, planChecksum: null };
}

/**
 * `--plan FILE` with the definitions in `dir`: checksum and shape (`PlanError`), only schema
 * fields (`verifySkillPlanFields`), then the definitions are planned against the live tenant
 * (list reads) and the apply is refused, naming skill and field, when the saved changes are not
 * exactly the definitions' or the plan was made for another tenant. The tasks write the
 * re-derived desired values and carry the saved snapshots, so a skill whose live values moved
 * since the review fails as stale when it is re-read right before its write. Nothing is written
 * before these checks pass.
 */
export async function skillSourceFromSavedPlan(ctx: RunContext, api: SkillApi, file: string, dir: string, options: PlanSourceOptions = {}): Promise<SkillApplySource> {
  const saved = parseSavedSkillPlan(await readPlanFile(ctx, file), file);
  const undeclared = verifySkillPlanFields(saved.changes, skillSchema().validate);
  if (undeclared.length > 0) {
    throw new PlanError(mismatchMessage(`${file} writes what no definition can declare`, undeclared), { hint: REPLAN_HINT });
  }
  const inputs = await loadSkillPlanInputs(ctx, api, dir, options);
  // The API host may come from discovery, so it is known only after the first read.
  if (trimSlash(saved.baseUrl) !== trimSlash(api.baseUrl)) {
    throw new PlanError(`${file} was planned against ${saved.baseUrl}, not ${api.baseUrl}`, { hint: 'Apply it against the same tenant, or re-plan against this one.' });
  }
  const plan = skillPlanFromInputs(ctx, inputs);
  const mismatches = compareSkillPlanWithDefinitions(saved.changes, plan.changes);
  if (mismatches.length > 0) {
    ctx.logger.info({ mismatches: mismatches.length }, 'apply: saved skills plan does not match the definitions, nothing written');
    throw new PlanError(mismatchMessage(`${file} does not match the definitions in ${dir}`, mismatches), {
      hint: `Apply a plan made from these definitions: check out the commit the plan was made from, or re-run \`cxq plan --dir ${dir} --out FILE\` and review it.`,
    });
  }
  const reviewed = new Set(saved.changes.map((c) => c.skillId));
  const tasks = skillTasksFrom(plan.changes.filter((c) => reviewed.has(c.skillId)), saved.changes);
  return { mode: 'plan', plan, tasks, directory: inputs.agents, gitCommit: saved.gitCommit, planChecksum: saved.checksum };
}
