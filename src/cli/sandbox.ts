import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq sandbox`.
export function registerSandbox(program: Command, run: ActionRunner): void {
  program
    .command('sandbox')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq sandbox is not implemented yet');
      }),
    );
}
