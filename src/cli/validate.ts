import type { Command } from 'commander';
import { PROBLEM_FORMATS } from '../definitions/format.js';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import type { ActionRunner } from './program.js';

/** The raw flags of `cxq validate` (checked by the action). */
export interface ValidateFlags {
  dir: string;
  format: string;
}

/**
 * `cxq validate [--dir DIR] [--format text|json|github]`: checks the definitions offline (no
 * credentials, no network). Registers the command only; the action loads ./run/validate.js when
 * the command runs.
 */
export function registerValidate(program: Command, run: ActionRunner): void {
  program
    .command('validate')
    .description('check the queue definitions offline: YAML, schema and cross-file rules')
    .option('--dir <dir>', 'directory holding the queue definitions', DEFAULT_DEFINITIONS_DIR)
    .option('--format <format>', `output format: ${PROBLEM_FORMATS.join(', ')}`, 'text')
    .action((flags: ValidateFlags) => run(async (ctx) => (await import('./run/validate.js')).validateCommand(ctx, flags)));
}
