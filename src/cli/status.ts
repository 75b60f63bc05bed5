import { Option, type Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import { collect } from '../insight/options.js';
import { STATUS_FORMATS, type StatusFormat } from '../insight/render/formats.js';
import { addApiOptions, type ApiOptions } from './api-options.js';
import type { ActionRunner } from './program.js';

/** The parsed flags of `cxq status`. */
export interface StatusOptions extends ApiOptions {
  dir: string;
  id?: string[];
  /** Undefined when not given: 20 for queues, the skill's serviceLevelThreshold for skills. */
  sla?: string;
  /** Undefined when not given: 80 for queues, the skill's serviceLevelGoal for skills. */
  target?: string;
  format: StatusFormat;
  failOnBreach?: boolean;
}

/**
 * `cxq status`: platform health, real-time metrics and an SLA-breach prediction per managed queue.
 * Registers the command only; the action loads ./run/status.js when the command runs.
 */
export function registerStatus(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('status')
    .description('platform health, real-time queue metrics and SLA-breach prediction (Erlang C / Erlang A)')
    .option('--dir <dir>', 'definitions directory (queues; skills with the admin dialect)', DEFAULT_DEFINITIONS_DIR)
    .option('--id <id>', 'only this managed queue (repeatable; a skill id with the admin dialect)', collect)
    .option('--sla <seconds>', 'answer-time target of the service level, seconds (default: 20; skills: their serviceLevelThreshold)')
    .option('--target <percent>', 'service-level target, percent answered within --sla (default: 80; skills: their serviceLevelGoal)')
    .addOption(new Option('--format <format>', 'output format').choices(STATUS_FORMATS).default('text'))
    .option('--fail-on-breach', 'exit 2 when any queue is predicted to breach');
  addApiOptions(cmd).action((opts: StatusOptions) => run(async (ctx) => (await import('./run/status.js')).statusCommand(ctx, opts)));
}
