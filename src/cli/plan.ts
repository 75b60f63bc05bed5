import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq plan`.
export function registerPlan(program: Command, run: ActionRunner): void {
  program
    .command('plan')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq plan is not implemented yet');
      }),
    );
}
