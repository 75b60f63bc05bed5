import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq status`.
export function registerStatus(program: Command, run: ActionRunner): void {
  program
    .command('status')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq status is not implemented yet');
      }),
    );
}
