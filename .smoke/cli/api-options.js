import { createClient } from '../cxone/client.js';
import { DEFAULT_CONCURRENCY, resolveClientConfig } from '../cxone/config.js';
/** Adds `--base-url`, `--concurrency` and `--max-rps` to a command. */
export function addApiOptions(cmd) {
    return cmd
        .option('--base-url <url>', 'API base URL (overrides CXONE_BASE_URL and CXONE_REGION)')
        .option('--concurrency <n>', 'requests in flight at most (1-64)', String(DEFAULT_CONCURRENCY))
        .option('--max-rps <n>', 'known request budget per second: pace from the first request (or CXONE_MAX_RPS)');
}
/**
 * Builds the API client from `ctx.io.env` and the flags, logging to `ctx.logger`. Throws
 * `ConfigError` (missing credentials, plain http to a remote host, unreadable secret file) or
 * `UsageError` (bad flag value) before any request is sent.
 */
export async function openApi(ctx, opts) {
    const config = resolveClientConfig(ctx.io.env, opts, ctx.io.cwd);
    ctx.logger.debug({ baseUrl: config.baseUrl, concurrency: config.concurrency, maxRps: config.maxRps ?? null }, 'api client configured');
    return createClient(config, ctx.logger);
}
//# sourceMappingURL=api-options.js.map