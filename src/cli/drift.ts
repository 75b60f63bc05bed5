import { Option, type Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import { DRIFT_FORMATS, type DriftFormat } from '../drift/formats.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq drift`. */
export interface DriftOptions extends ApiOptions {
  dir: string;
  format: DriftFormat;
  report?: string;
  allowEmpty?: boolean;
}

/**
 * `cxq drift`: the plan comparison for scheduled CI (read-only). Registers the command only; the
 * action loads ./run/drift.js when the command runs.
 */
export function registerDrift(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('drift')
    .description('report where the tenant no longer matches the definitions (read-only)')
    .option('--dir <dir>', 'directory of definitions (queues; skills with the admin dialect)', DEFAULT_DEFINITIONS_DIR)
    .addOption(new Option('--format <format>', 'output format on stdout').choices(DRIFT_FORMATS).default('text'))
    .option('--report <file>', 'also write the JSON drift report to FILE (always JSON, whatever --format)')
    .option('--allow-empty', 'accept a --dir holding no queue definitions');
  addApiOptions(cmd).action((opts: DriftOptions) => run(async (ctx) => (await import('./run/drift.js')).driftCommand(ctx, opts)));
}
