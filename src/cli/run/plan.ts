import { resolve } from 'node:path';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../plan/render.js';
import { toSavedPlan } from '../../plan/saved.js';
import { gitCommit } from '../../util/git.js';
import { writeFileAtomic } from '../../util/write-atomic.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from '../io.js';
import { planFromDirectory } from '../../plan/source.js';
import type { PlanOptions } from '../plan.js';
import { openProvider } from './open-api.js';
import { planSkillsCommand } from './plan-skills.js';

/**
 * The action of `cxq plan` (read-only on the tenant; skills on the admin dialect): prints the plan in `--format`, and saves it
 * to `--out` when given. Exit 0; with `--detailed-exitcode` 2 when there are changes; errors are
 * thrown (1 via exit.ts).
 */
export async function planCommand(ctx: CliContext, opts: PlanOptions): Promise<number> {
  const provider = openProvider(ctx, opts);
  if (provider.dialect === 'admin') return planSkillsCommand(ctx, provider.skills, opts);
  const api = provider.queues;
  const { plan } = await planFromDirectory(ctx, api, opts.dir, { allowEmpty: opts.allowEmpty === true });
  if (opts.out !== undefined) {
    const file = resolve(ctx.io.cwd, opts.out);
    const saved = toSavedPlan(plan, { baseUrl: api.baseUrl, gitCommit: await gitCommit(ctx.io.cwd, ctx.io.env) });
    await writeFileAtomic(file, `${JSON.stringify(saved, null, 2)}\n`);
    ctx.logger.info({ file, checksum: saved.checksum, gitCommit: saved.gitCommit }, 'saved plan written');
  }
  const text =
    opts.format === 'json' ? renderPlanJson(plan) : opts.format === 'markdown' ? renderPlanMarkdown(plan) : renderPlanText(plan, useColor(ctx.io));
  ctx.io.stdout.write(text);
  if (opts.out !== undefined && opts.format === 'text') {
    ctx.io.stdout.write(`\nSaved the plan to ${opts.out}; apply it with \`cxq apply --plan ${opts.out}\`.\n`);
  }
  return opts.detailedExitcode === true && plan.summary.update > 0 ? EXIT_CHANGES : EXIT_OK;
}
