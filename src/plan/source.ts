import type { CxoneApi } from '../model/api.js';
import type { Queue } from '../model/queue.js';
import type { Skill } from '../model/tenant.js';
import type { LoadedDefinition } from '../definitions/types.js';
import { validateDirectory } from '../definitions/validate.js';
import { DefinitionError } from '../errors.js';
import { buildPlan } from './build.js';
import type { Plan } from './types.js';
import type { RunContext } from '../run-context.js';

/** The largest page the queue list endpoint serves: the fewest requests for a full read. */
export const LIST_PAGE_SIZE = 500;

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
 * before any request is sent; API failures propagate as the client's typed errors.
 */
export async function loadPlanInputs(ctx: RunContext, api: CxoneApi, dir: string): Promise<PlanInputs> {
  const validation = await validateDirectory(dir, { cwd: ctx.io.cwd });
  if (validation.problems.length > 0) throw new DefinitionError(validation.problems);
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
 * Read-only: never writes to the tenant. `now` stamps `generatedAt`.
 */
export async function planFromDirectory(
  ctx: RunContext,
  api: CxoneApi,
  dir: string,
  now: Date = new Date(),
): Promise<{ plan: Plan; live: Map<string, Queue> }> {
  const inputs = await loadPlanInputs(ctx, api, dir);
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
