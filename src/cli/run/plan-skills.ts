import { resolve } from 'node:path';
import type { SkillApi } from '../../model/skill-api.js';
import { renderSkillPlanJson, renderSkillPlanMarkdown, renderSkillPlanText, skillPlanSummary } from '../../plan/skill-plan-render.js';
import { toSavedSkillPlan } from '../../plan/skill-saved.js';
import { planSkillsFromDirectory } from '../../plan/skill-source.js';
import { gitCommit } from '../../util/git.js';
import { writeFileAtomic } from '../../util/write-atomic.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from '../io.js';
import type { PlanOptions } from '../plan.js';

/**
 * `cxq plan` on the admin dialect (skills; read-only): list reads only (skills, and agents and
 * multi-skill assignments when agents are declared), printed in `--format`, saved to `--out`.
 * Exit 0; with `--detailed-exitcode` 2 when there are changes; errors are thrown.
 */
export async function planSkillsCommand(ctx: CliContext, api: SkillApi, opts: PlanOptions): Promise<number> {
  const { plan } = await planSkillsFromDirectory(ctx, api, opts.dir, { allowEmpty: opts.allowEmpty === true });
  const generatedAt = new Date().toISOString();
  if (opts.out !== undefined) {
    const file = resolve(ctx.io.cwd, opts.out);
    const saved = toSavedSkillPlan(plan, { baseUrl: api.baseUrl, gitCommit: await gitCommit(ctx.io.cwd, ctx.io.env), generatedAt });
    await writeFileAtomic(file, `${JSON.stringify(saved, null, 2)}\n`);
    ctx.logger.info({ file, checksum: saved.checksum, gitCommit: saved.gitCommit }, 'saved plan written');
  }
  const text =
    opts.format === 'json' ? renderSkillPlanJson(plan, generatedAt) : opts.format === 'markdown' ? renderSkillPlanMarkdown(plan) : renderSkillPlanText(plan, useColor(ctx.io));
  ctx.io.stdout.write(text);
  if (opts.out !== undefined && opts.format === 'text') {
    ctx.io.stdout.write(`\nSaved the plan to ${opts.out}; apply it with \`cxq apply --plan ${opts.out}\`.\n`);
  }
  return opts.detailedExitcode === true && skillPlanSummary(plan).update > 0 ? EXIT_CHANGES : EXIT_OK;
}
