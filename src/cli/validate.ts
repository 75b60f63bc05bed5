import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq validate`.
export function registerValidate(program: Command, run: ActionRunner): void {
  program
    .command('validate')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq validate is not implemented yet');
      }),
    );
}
