import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq export`.
export function registerExport(program: Command, run: ActionRunner): void {
  program
    .command('export')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq export is not implemented yet');
      }),
    );
}
