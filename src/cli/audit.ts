import type { Command } from 'commander';
import { CxqError } from '../errors.js';
import type { ActionRunner } from './program.js';

// Placeholder: replaced by the issue that delivers `cxq audit`.
export function registerAudit(program: Command, run: ActionRunner): void {
  program
    .command('audit')
    .description('(not yet implemented)')
    .action(() =>
      run(async () => {
        throw new CxqError('cxq audit is not implemented yet');
      }),
    );
}
