import type { CxoneApi } from '../model/api.js';
import type { Queue } from '../model/queue.js';
import type { Skill } from '../model/tenant.js';
import type { LoadedDefinition } from '../definitions/types.js';
import { validateDirectory } from '../definitions/validate.js';
import { DefinitionError, FileError } from '../errors.js';
import { buildPlan } from './build.js';
import type { Plan } from './types.js';
import type { RunContext } from '../run-context.js';

/** The largest page the queue list endpoint serves: the fewest requests for a full read. */
export const LIST_PAGE_SIZE = 500;

/** How `loadPlanInputs`/`planFromDirectory` treat the definitions directory. */
export interface PlanSourceOptions {
  /** Accept a directory holding no queue definitions (every live queue is then unmanaged). */
  allowEmpty?: boolean;
  /** Stamps the plan's `generatedAt`. */
  now?: Date;
}

/** Everything a plan is computed from. */
export interface PlanInputs {
  definitions: LoadedDefinition[];
  live: Queue[];
  skills: Skill[];
}

/**
 * Validates the definitions in `dir` (relative to the cwd) and reads the live state with the fewest
 * requests: the queue list at page size 500 and the skills list, in parallel; never one GET per
 * queue. Throws `DefinitionError` (every problem, located) when the definitions do not validate,
 * before any request is sent, and `FileError` ("no queue definitions found in DIR") when `dir`
 * holds none and `allowEmpty` is not set: an empty or mistyped directory must never read as "in
 * sync". API failures propagate as the client's typed errors.
 */
export async function loadPlanInputs(ctx: RunContext, api: CxoneApi, dir: string, options: PlanSourceOptions = {}): Promise<PlanInputs> {
  const validation = await validateDirectory(dir, { cwd: ctx.io.cwd });
  if (validation.problems.length > 0) throw new DefinitionError(validation.problems);
  if (validation.definitions.length === 0 && options.allowEmpty !== true) {
    throw new FileError(dir, `no queue definitions found in ${dir} (${validation.files} YAML file(s))`, {
      hint: 'Pass --dir DIR pointing at the queue definitions, or --allow-empty if managing no queue is intended.',
    });
  }
  const before = api.stats.requests;
  const [live, skills] = await Promise.all([api.listQueues({ pageSize: LIST_PAGE_SIZE }), api.listSkills()]);
  ctx.logger.info(
    { files: validation.files, definitions: validation.definitions.length, liveQueues: live.length, skills: skills.length, requests: api.stats.requests - before },
    'read definitions and live state',
  );
  return { definitions: validation.definitions, live, skills };
}

/**
 * The plan for `dir` against the tenant behind `api` (see `loadPlanInputs` for what is read), and
 * the live queues by id for callers that need the full objects (apply, drift). Throws
 * `DefinitionError` when the definitions do not validate or do not fit the tenant (missing queue,
 * ambiguous name, unknown skill or overflow target), each problem at its file:line:column.
 * `FileError` as `loadPlanInputs` does for an empty directory. Read-only: never writes to the tenant.
 */
export async function planFromDirectory(
  ctx: RunContext,
  api: CxoneApi,
  dir: string,
  options: PlanSourceOptions = {},
): Promise<{ plan: Plan; live: Map<string, Queue> }> {
  return planFromInputs(ctx, await loadPlanInputs(ctx, api, dir, options), options.now);
}

/**
 * The plan of inputs already read (see `loadPlanInputs`), and the live queues by id. Throws
 * `DefinitionError` when the definitions do not fit the tenant, as `planFromDirectory` does.
 */
export function planFromInputs(ctx: RunContext, inputs: PlanInputs, now: Date = new Date()): { plan: Plan; live: Map<string, Queue> } {
  const { plan, problems } = buildPlan({ ...inputs, now });
  if (problems.length > 0) {
    throw new DefinitionError(
      problems,
      `${problems.length} problem(s) between the queue definitions and the live tenant`,
      'cxq does not create queues or skills: fix the reference in the definition, or create the queue/skill in CXone first.',
    );
  }
  ctx.logger.info({ ...plan.summary }, 'plan computed');
  return { plan, live: new Map(inputs.live.map((q) => [q.id, q])) };
}
