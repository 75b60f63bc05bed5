import { Option, type Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import { PLAN_FORMATS, type PlanFormat } from '../plan/formats.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq plan`. */
export interface PlanOptions extends ApiOptions {
  dir: string;
  format: PlanFormat;
  out?: string;
  detailedExitcode?: boolean;
  allowEmpty?: boolean;
}

/**
 * `cxq plan`: compares the definitions with the live tenant and prints the changes (read-only).
 * Registers the command only; the action loads ./run/plan.js when the command runs.
 */
export function registerPlan(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('plan')
    .description('show what apply would change in the tenant (read-only)')
    .option('--dir <dir>', 'directory of queue definitions', DEFAULT_DEFINITIONS_DIR)
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS).default('text'))
    .option('--out <file>', 'also save the plan for `cxq apply --plan FILE`')
    .option('--detailed-exitcode', 'exit 2 when there are changes (0 none, 1 error)')
    .option('--allow-empty', 'accept a --dir holding no queue definitions');
  addApiOptions(cmd).action((opts: PlanOptions) => run(async (ctx) => (await import('./run/plan.js')).planCommand(ctx, opts)));
}
