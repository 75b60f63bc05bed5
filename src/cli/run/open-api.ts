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
export async function openApi(ctx: CliContext, opts: ApiOptions): Promise<CxoneApi> {
  const config = resolveClientConfig(ctx.io.env, opts, ctx.io.cwd);
  if (config.apiPrefixStripped) {
    ctx.logger.info({ baseUrl: config.baseUrl }, 'base URL ended in the API prefix /api/v2: using it without (every API path starts with it)');
  }
  ctx.logger.debug(
    { baseUrl: config.baseUrl, concurrency: config.concurrency, maxRps: config.maxRps ?? null },
    'api client configured',
  );
  return createClient(config, ctx.logger);
}
