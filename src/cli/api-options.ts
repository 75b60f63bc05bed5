import type { Command } from 'commander';
import type { ApiFlags } from '../providers/v2/config.js';
import { DEFAULT_CONCURRENCY } from '../transport/settings.js';

/**
 * Flags every command that talks to the API shares (raw strings; validated by `openApi`). The
 * dialect and environment are global flags (`cxq --provider admin --env prod plan` or after the
 * command), carried in `CliContext.selection`; `dir` is the command's definitions directory, where
 * cxq.yaml is looked for.
 */
export type ApiOptions = ApiFlags & { dir?: string };

/**
 * Adds `--base-url`, `--concurrency`, `--max-rps`, `--max-wait` and `--timeout` to a command. Declaration only: the client
 * (and got) load with the command's action, through `openApi` in ./run/open-api.ts.
 */
export function addApiOptions(cmd: Command): Command {
  return cmd
    .option('--base-url <url>', 'API base URL (v2: overrides CXONE_BASE_URL and CXONE_REGION; admin: the API host, skipping discovery)')
    .option('--concurrency <n>', 'requests in flight at most (1-64)', String(DEFAULT_CONCURRENCY))
    .option('--max-rps <n>', 'known request budget per second: pace from the first request (or CXONE_MAX_RPS)')
    .option('--max-wait <duration>', 'longest Retry-After to honour, e.g. 90s or 5m; a longer one fails the call (default 5m, or CXONE_MAX_WAIT)')
    .option('--timeout <duration>', 'bound of the whole run, e.g. 90s or 10m: past it nothing new is sent (or CXONE_TIMEOUT)');
}
