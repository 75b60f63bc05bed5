import type { Command } from 'commander';
import { MAX_CHANGE_PERCENT } from '../apply/safety.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq apply`. */
export interface ApplyOptions extends ApiOptions {
  dir?: string;
  plan?: string;
  report?: string;
  force?: boolean;
  maxChangePercent?: string;
  yes?: boolean;
  recover?: string;
  allowEmpty?: boolean;
}

/**
 * `cxq apply`: converges the tenant to the definitions (`--dir`, default `queues`) or to a reviewed
 * saved plan (`--plan`, checked against the definitions in `--dir`), or rebuilds a crashed run's report (`--recover`). See docs/apply.md.
 * Registers the command only; the action loads ./run/apply.js when the command runs.
 */
export function registerApply(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('apply')
    .description('write the definitions (or a saved plan) to the tenant, with an audit report')
    .option('--dir <dir>', 'directory of queue definitions to plan and apply, or to check --plan against (default: queues)')
    .option('--plan <file>', 'apply a plan saved with `cxq plan --out FILE` (refused if stale or unlike the --dir definitions)')
    .option('--allow-empty', 'accept a --dir holding no queue definitions')
    .option('--report <file>', 'audit report path (default: ./cxq-reports/apply-<UTC timestamp>.json)')
    .option('--force', 'apply even above the change threshold or when the platform is Unhealthy')
    .option('--max-change-percent <p>', `refuse to update more than P% of managed queues (default ${MAX_CHANGE_PERCENT})`)
    .option('-y, --yes', 'apply without confirmation (required when stdin is not a terminal)')
    .option('--recover <journal>', 'offline: rebuild the report of a crashed or killed run from its journal (*.journal.jsonl)');
  addApiOptions(cmd).action((opts: ApplyOptions) => run(async (ctx) => (await import('./run/apply.js')).applyCommand(ctx, opts)));
}
