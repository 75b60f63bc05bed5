import { Option, type Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import { ABANDONMENT_FORMATS, type AbandonmentFormat } from '../insight/render/formats.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq report abandonment`. */
export interface AbandonmentOptions extends ApiOptions {
  dir: string;
  since: string;
  format: AbandonmentFormat;
}

/**
 * `cxq report abandonment`: the wait-time distribution and abandonment of the managed queues.
 * Registers the commands only; the action loads ./run/report.js when the command runs.
 */
export function registerReport(program: Command, run: ActionRunner): void {
  const report = program.command('report').description('reports on the managed queues');
  const cmd = report
    .command('abandonment')
    .description('wait-time distribution and abandonment rate per wait bucket, per managed queue')
    .option('--dir <dir>', 'definitions directory (queues; skills with the admin dialect)', DEFAULT_DEFINITIONS_DIR)
    .option('--since <when>', 'start of the period: 30m, 24h, 7d or an ISO date', '7d')
    .addOption(new Option('--format <format>', 'output format').choices(ABANDONMENT_FORMATS).default('text'));
  addApiOptions(cmd).action((opts: AbandonmentOptions) =>
    run(async (ctx) => (await import('./run/report.js')).abandonmentCommand(ctx, opts)),
  );
}
