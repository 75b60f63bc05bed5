import { resolveProviderConfig, type ProviderConfig } from '../../config/provider.js';
import { ConfigError } from '../../errors.js';
import type { CxoneApi } from '../../model/api.js';
import { createAdminClient, type AdminClient } from '../../providers/admin/client.js';
import { createClient } from '../../providers/v2/client.js';
import type { ClientConfig } from '../../providers/v2/config.js';
import { createAdminSkillApi } from '../../providers/admin/provider.js';
import type { Provider } from '../../model/provider.js';
import type { ApiOptions } from '../api-options.js';
import type { CliContext } from '../io.js';

/**
 * The provider and its configuration for a command: global `--provider`/`--env` (ctx.selection),
 * the command's API flags, `ctx.io.env`, and the cxq.yaml environment when `--env` is given
 * (looked for in the command's `--dir`, then its parent; else the working directory). Throws
 * ConfigError / UsageError before any request is sent.
 */
export function resolveApi(ctx: CliContext, opts: ApiOptions): ProviderConfig {
  const flags = { ...opts, ...(ctx.selection ?? {}) };
  const resolved = resolveProviderConfig(ctx.io.env, flags, ctx.io.cwd);
  const c = resolved.config;
  const host = 'baseUrl' in c ? c.baseUrl : (c.apiBaseUrl ?? `discovery via ${c.discoveryUrl}`);
  ctx.logger.debug(
    { provider: resolved.provider, environment: resolved.environment ?? null, host, concurrency: c.concurrency, maxRps: c.maxRps ?? null },
    'api client configured',
  );
  return resolved;
}

/**
 * Builds the API client from `ctx.io.env` and the flags, logging to `ctx.logger`. Throws
 * `ConfigError` (missing credentials, plain http to a remote host, unreadable secret file) or
 * `UsageError` (bad flag value) before any request is sent. Lives apart from `addApiOptions`
 * because the client pulls in got, which only commands that talk to the API should load.
 * The engine speaks v2 only until the admin provider is wired into it: `--provider admin` is
 * refused here, before anything is sent.
 */
export async function openApi(ctx: CliContext, opts: ApiOptions, signal?: AbortSignal): Promise<CxoneApi> {
  const resolved = resolveApi(ctx, opts);
  if (resolved.provider === 'admin') {
    throw new ConfigError('this command does not speak the admin dialect yet', {
      hint: 'Use --provider v2 (or unset CXONE_PROVIDER) for now.',
    });
  }
  return v2Client(ctx, resolved.config, signal);
}

/** The admin-dialect client for commands that speak it (see resolveApi); sends nothing yet. */
export function openAdmin(ctx: CliContext, opts: ApiOptions): AdminClient {
  const resolved = resolveApi(ctx, opts);
  if (resolved.provider !== 'admin') {
    throw new ConfigError('this command needs the admin dialect: set --provider admin or CXONE_PROVIDER=admin');
  }
  return createAdminClient(resolved.config, ctx.logger, runSignal(ctx.io.signal, resolved.config.runTimeoutMs));
}

/**
 * The provider of the dialect chosen by `--provider` / `CXONE_PROVIDER` / cxq.yaml (default v2):
 * the one entry point of commands that speak both dialects. Throws like `openApi`, before any
 * request is sent.
 */
export function openProvider(ctx: CliContext, opts: ApiOptions, signal?: AbortSignal): Provider {
  const resolved = resolveApi(ctx, opts);
  if (resolved.provider === 'admin') {
    return { dialect: 'admin', skills: createAdminSkillApi(resolved.config, ctx.logger, signal ?? runSignal(ctx.io.signal, resolved.config.runTimeoutMs)) };
  }
  return { dialect: 'v2', queues: v2Client(ctx, resolved.config, signal) };
}

function v2Client(ctx: CliContext, config: ClientConfig, signal?: AbortSignal): CxoneApi {
  if (config.apiPrefixStripped) {
    ctx.logger.info({ baseUrl: config.baseUrl }, 'base URL ended in the API prefix /api/v2: using it without (every API path starts with it)');
  }
  return createClient(config, ctx.logger, signal ?? runSignal(ctx.io.signal, config.runTimeoutMs));
}

/**
 * The signal a run stops on: the interrupt, and `--timeout` when set (its timer is unref'd by Node,
 * so it never keeps the process alive once the work is done).
 */
export function runSignal(interrupt: AbortSignal, timeoutMs: number | undefined): AbortSignal {
  return timeoutMs === undefined ? interrupt : AbortSignal.any([interrupt, AbortSignal.timeout(timeoutMs)]);
}
