import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq apply`.
export function registerApply(program: Command, run: ActionRunner): void {
  program
    .command('apply')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq apply is not implemented yet');
      }),
    );
}
