import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { planFromDirectory } from './plan-source.js';
import { addApiOptions, openApi, type ApiOptions } from './api-options.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from './io.js';
import type { ActionRunner } from './program.js';
import { PLAN_FORMATS, renderPlanJson, renderPlanMarkdown, renderPlanText, type PlanFormat } from '../plan/render.js';
import { toSavedPlan } from '../plan/saved.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { gitCommit } from '../util/git.js';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';

interface PlanOptions extends ApiOptions {
  dir: string;
  format: PlanFormat;
  out?: string;
  detailedExitcode?: boolean;
}

/**
 * `cxq plan`: compares the definitions with the live tenant and prints the changes (read-only).
 * Exit 0; with `--detailed-exitcode` 2 when there are changes; 1 on any error (thrown).
 */
export function registerPlan(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('plan')
    .description('show what apply would change in the tenant (read-only)')
    .option('--dir <dir>', 'directory of queue definitions', DEFAULT_DEFINITIONS_DIR)
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS).default('text'))
    .option('--out <file>', 'also save the plan for `cxq apply --plan FILE`')
    .option('--detailed-exitcode', 'exit 2 when there are changes (0 none, 1 error)');
  addApiOptions(cmd).action((opts: PlanOptions) => run((ctx) => runPlan(ctx, opts)));
}

async function runPlan(ctx: CliContext, opts: PlanOptions): Promise<number> {
  const api = await openApi(ctx, opts);
  const { plan } = await planFromDirectory(ctx, api, opts.dir);
  if (opts.out !== undefined) {
    const file = resolve(ctx.io.cwd, opts.out);
    const saved = toSavedPlan(plan, { baseUrl: api.baseUrl, gitCommit: await gitCommit(ctx.io.cwd) });
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
