import { createProgress } from '../../apply/progress.js';
import { DEFAULT_CONCURRENCY } from '../../apply/runner.js';
import { runSkillApply } from '../../apply/skill-runner.js';
import { skillSourceFromDirectory, skillSourceFromSavedPlan } from '../../apply/skill-source.js';
import { DEFAULT_DEFINITIONS_DIR } from '../../definitions/types.js';
import type { SkillApi } from '../../model/skill-api.js';
import { renderSkillPlanText } from '../../plan/skill-plan-render.js';
import type { ApplyOptions } from '../apply.js';
import { EXIT_ERROR, useColor, type CliContext } from '../io.js';
import { approveWrites, writeAndReport, type ApplySettings } from './apply-write.js';

/** Printed on every admin apply: the gate v2 has is not there, and the user should know. */
export const NO_HEALTH_NOTE = 'note: the Admin API has no health endpoint; the platform health check is skipped\n';

/**
 * `cxq apply` on the admin dialect (skills): plan (for `--plan`: schema and re-derivation checks
 * against `--dir`) → change threshold → confirmation (`--dir` only) → writes → report. No health
 * check: the Admin API serves none (said on stderr and in docs/apply.md). See docs/apply.md.
 */
export async function applySkillsCommand(
  ctx: CliContext,
  api: SkillApi,
  opts: ApplyOptions,
  settings: ApplySettings,
  signal: AbortSignal = ctx.io.signal,
): Promise<number> {
  ctx.io.stderr.write(NO_HEALTH_NOTE);
  const dir = opts.dir ?? DEFAULT_DEFINITIONS_DIR;
  const planOptions = { allowEmpty: opts.allowEmpty === true };
  const source = opts.plan !== undefined
    ? await skillSourceFromSavedPlan(ctx, api, opts.plan, dir, planOptions)
    : await skillSourceFromDirectory(ctx, api, dir, planOptions);
  const updates = source.tasks.filter((t) => t.action === 'update').length;
  const approved = await approveWrites(ctx, opts, settings, {
    mode: source.mode,
    managed: source.tasks.length,
    updates,
    noun: 'skills',
    planText: () => renderSkillPlanText(source.plan, useColor(ctx.io)),
  });
  if (!approved) return EXIT_ERROR;
  const concurrency = Number(opts.concurrency ?? DEFAULT_CONCURRENCY);
  return writeAndReport(ctx, opts, updates, (journal) =>
    runSkillApply(source.tasks, {
      api,
      mode: source.mode,
      directory: source.directory,
      liveCount: source.plan.changes.length + source.plan.unmanaged.length,
      journal,
      logger: ctx.logger,
      signal,
      concurrency,
      progress: createProgress(ctx.io.stderr, ctx.logger, updates),
      meta: { baseUrl: api.baseUrl, clientId: api.clientId, gitCommit: source.gitCommit, planChecksum: source.planChecksum },
    }),
    () => api.interruptTally?.(),
  );
}
