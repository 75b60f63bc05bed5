import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq report`.
export function registerReport(program: Command, run: ActionRunner): void {
  program
    .command('report')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq report is not implemented yet');
      }),
    );
}
