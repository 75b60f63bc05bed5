import { Option, type Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import { collect } from '../insight/options.js';
import { AUDIT_FORMATS, type AuditFormat } from '../insight/render/formats.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq audit`. */
export interface AuditOptions extends ApiOptions {
  dir: string;
  id?: string[];
  since: string;
  format: AuditFormat;
  out?: string;
}

/**
 * `cxq audit`: the platform's audit log for the managed queues, marked `cxq` or `out-of-band`.
 * Registers the command only; the action loads ./run/audit.js when the command runs.
 */
export function registerAudit(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('audit')
    .description('compliance export of queue changes: who changed what, cxq or out-of-band')
    .option('--dir <dir>', 'definitions directory (queues; skills with the admin dialect)', DEFAULT_DEFINITIONS_DIR)
    .option('--id <id>', 'only this managed queue (repeatable; a skill id with the admin dialect)', collect)
    .option('--since <when>', 'start of the period: 30m, 24h, 30d or an ISO date', '30d')
    .addOption(new Option('--format <format>', 'output format').choices(AUDIT_FORMATS).default('text'))
    .option('--out <file>', 'write to FILE (atomically) instead of stdout');
  addApiOptions(cmd).action((opts: AuditOptions) => run(async (ctx) => (await import('./run/audit.js')).auditCommand(ctx, opts)));
}
