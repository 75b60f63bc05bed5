import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunContext } from '../run-context.js';
import { loadPlanInputs, planFromDirectory, planFromInputs, type PlanSourceOptions } from '../plan/source.js';
import type { CxoneApi } from '../model/api.js';
import { FileError, PlanError } from '../errors.js';
import { parseSavedPlan } from '../plan/saved.js';
import type { Plan } from '../plan/types.js';
import { comparePlanWithDefinitions, mismatchMessage, verifyPlanFields } from '../plan/verify.js';
import { queueSchema } from '../definitions/schema.js';
import { gitCommit } from '../util/git.js';
import { findStale, staleMessage, tasksFromChanges } from './tasks.js';
import type { ApplyMode, ApplyTask } from './types.js';

/** What apply works from, whichever flag it came from. */
export interface ApplySource {
  mode: ApplyMode;
  plan: Plan;
  tasks: ApplyTask[];
  gitCommit: string | null;
  /** The saved plan's checksum; null when planned from `--dir` (no reviewed artifact). */
  planChecksum: string | null;
}

/** `--dir`: validate and plan now (one list read), pairing each change with the live object read. */
export async function sourceFromDirectory(ctx: RunContext, api: CxoneApi, dir: string, options: PlanSourceOptions = {}): Promise<ApplySource> {
  const [{ plan, live }, commit] = await Promise.all([planFromDirectory(ctx, api, dir, options), gitCommit(ctx.io.cwd, ctx.io.env)]);
  return { mode: 'dir', plan, tasks: tasksFromChanges(plan.changes, live), gitCommit: commit, planChecksum: null };
}

/**
 * `--plan FILE` with the definitions in `dir`: read and verify the saved plan (checksum →
 * `PlanError`), refuse a plan made for another tenant or one whose desired fields the schema and
 * the managed field list do not allow, then re-plan `dir` against the live tenant (one list read,
 * which the stale check shares) and refuse with `PlanError`, naming queue and field, when any
 * planned queue changed or vanished ("Saved plan is stale"), or when the plan's changes are not
 * exactly the definitions' (a value differs, a field is added, a change is left out). The
 * checksum is not a signature, so this re-derivation is what makes a crafted plan harmless.
 * The tasks and the plan returned are the re-derived ones (the plan's `summary` is never read).
 * Nothing is written before these checks pass.
 */
export async function sourceFromSavedPlan(
  ctx: RunContext,
  api: CxoneApi,
  file: string,
  dir: string,
  options: PlanSourceOptions = {},
): Promise<ApplySource> {
  const saved = parseSavedPlan(await readPlanFile(ctx, file), file);
  if (trimSlash(saved.baseUrl) !== trimSlash(api.baseUrl)) {
    throw new PlanError(`${file} was planned against ${saved.baseUrl}, not ${api.baseUrl}`, {
      hint: 'Apply it with the same --base-url, or re-plan against this tenant.',
    });
  }
  const undeclared = verifyPlanFields(saved.changes, queueSchema().validate);
  if (undeclared.length > 0) {
    throw new PlanError(mismatchMessage(`${file} writes what no definition can declare`, undeclared), { hint: REPLAN_HINT });
  }
  const inputs = await loadPlanInputs(ctx, api, dir, options);
  const live = new Map(inputs.live.map((q) => [q.id, q]));
  // Stale first: a queue that moved or vanished since the plan is the clearer message.
  const stale = findStale(saved.changes, live);
  if (stale.length > 0) {
    ctx.logger.info({ stale: stale.length }, 'apply: saved plan is stale, nothing written');
    throw new PlanError(staleMessage(stale), { hint: REPLAN_HINT });
  }
  const { plan } = planFromInputs(ctx, inputs);
  const mismatches = comparePlanWithDefinitions(saved.changes, plan.changes);
  if (mismatches.length > 0) {
    ctx.logger.info({ mismatches: mismatches.length }, 'apply: saved plan does not match the definitions, nothing written');
    throw new PlanError(mismatchMessage(`${file} does not match the definitions in ${dir}`, mismatches), {
      hint: `Apply a plan made from these definitions: check out the commit the plan was made from, or re-run \`cxq plan --dir ${dir} --out FILE\` and review it.`,
    });
  }
  return { mode: 'plan', plan, tasks: tasksFromChanges(plan.changes, live), gitCommit: saved.gitCommit, planChecksum: saved.checksum };
}

/** The hint of every refusal of a saved plan (stale, unlike the definitions, another tenant). */
export const REPLAN_HINT = 'Re-run `cxq plan --out FILE`, review the new plan, and apply that.';

/** The saved plan's text; `FileError` naming the file and the error code when it cannot be read. Shared by both dialects. */
export async function readPlanFile(ctx: RunContext, file: string): Promise<string> {
  const path = resolve(ctx.io.cwd, file);
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new FileError(path, `cannot read the saved plan ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, {
      hint: 'Pass a file written by `cxq plan --out FILE`.',
      cause: err,
    });
  }
}

/** A base URL without trailing slashes, to compare the plan's tenant with this run's. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
