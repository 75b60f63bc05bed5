import type { CxoneApi } from '../../model/api.js';
import { createClient } from '../../providers/v2/client.js';
import { resolveClientConfig } from '../../providers/v2/config.js';
import type { ApiOptions } from '../api-options.js';
import type { CliContext } from '../io.js';

/**
 * Builds the API client from `ctx.io.env` and the flags, logging to `ctx.logger`. Throws
 * `ConfigError` (missing credentials, plain http to a remote host, unreadable secret file) or
 * `UsageError` (bad flag value) before any request is sent. Lives apart from `addApiOptions`
 * because the client pulls in got, which only commands that talk to the API should load.
 */
export async function openApi(ctx: CliContext, opts: ApiOptions, signal?: AbortSignal): Promise<CxoneApi> {
  const config = resolveClientConfig(ctx.io.env, opts, ctx.io.cwd);
  ctx.logger.debug(
    { baseUrl: config.baseUrl, concurrency: config.concurrency, maxRps: config.maxRps ?? null },
    'api client configured',
  );
  return createClient(config, ctx.logger, signal ?? runSignal(ctx.io.signal, config.runTimeoutMs));
}

/**
 * The signal a run stops on: the interrupt, and `--timeout` when set (its timer is unref'd by Node,
 * so it never keeps the process alive once the work is done).
 */
export function runSignal(interrupt: AbortSignal, timeoutMs: number | undefined): AbortSignal {
  return timeoutMs === undefined ? interrupt : AbortSignal.any([interrupt, AbortSignal.timeout(timeoutMs)]);
}
