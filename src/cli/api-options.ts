import type { Command } from 'commander';
import type { CxoneApi } from '../cxone/api.js';
import { CxqError } from '../errors.js';
import type { CliContext } from './io.js';

/** Flags every command that talks to the API shares. */
export interface ApiOptions {
  baseUrl?: string;
  concurrency?: number;
}

/** Adds `--base-url` and `--concurrency` (and any other shared API flag) to a command. */
export function addApiOptions(cmd: Command): Command {
  return cmd
    .option('--base-url <url>', 'API base URL (overrides CXONE_BASE_URL and CXONE_REGION)')
    .option('--concurrency <n>', 'requests in flight at most', (v) => Number(v), 8);
}

/** Builds the API client from env + flags. Placeholder until the client lands (issue 3). */
export async function openApi(_ctx: CliContext, _opts: ApiOptions): Promise<CxoneApi> {
  throw new CxqError('the CXone client is not implemented yet');
}
