import type { Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq export`. */
export interface ExportOptions extends ApiOptions {
  outDir: string;
  id?: string[];
  name?: string;
  force?: boolean;
  /** Admin dialect: also write each skill's agent assignments, by user name. */
  agents?: boolean;
}

/**
 * `cxq export`: live queues → one YAML definition per queue (read-only on the tenant). Registers
 * the command only; the action loads ./run/export.js when the command runs.
 */
export function registerExport(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('export')
    .description('write live queues (or skills, admin dialect) as YAML definitions (read-only on the tenant)')
    .option('--out-dir <dir>', 'directory to write the definitions to', DEFAULT_DEFINITIONS_DIR)
    .option('--id <id...>', 'export only these queue ids (repeatable; skill ids with the admin dialect)')
    .option('--name <glob>', 'export only queues whose name matches this glob (* and ?)')
    .option('--force', 'overwrite files that differ from the live queue')
    .option('--agents', 'admin dialect: also write each skill\'s agent assignments (by user name)');
  addApiOptions(cmd).action((opts: ExportOptions) => run(async (ctx) => (await import('./run/export.js')).exportCommand(ctx, opts)));
}
