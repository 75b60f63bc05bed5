import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq drift`.
export function registerDrift(program: Command, run: ActionRunner): void {
  program
    .command('drift')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq drift is not implemented yet');
      }),
    );
}
