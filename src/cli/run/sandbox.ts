import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_DEFINITIONS_DIR } from '../../definitions/types.js';
import { FileError, UsageError } from '../../errors.js';
import { RATE_LIMIT_MODES, type RateLimitMode } from '../../sandbox/limits.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/server.js';
import { EXIT_OK, type CliContext } from '../io.js';
import type { SandboxFlags } from '../sandbox.js';

/**
 * The action of `cxq sandbox`: checks the flags, listens on 127.0.0.1 and prints one line with the
 * URL and credentials, then serves until `ctx.io.signal` aborts (SIGINT/SIGTERM). Exit 0 once
 * closed; bad flags or a busy port throw UsageError/FileError before anything starts.
 */
export async function sandboxCommand(ctx: CliContext, flags: SandboxFlags): Promise<number> {
  const options = await sandboxOptions(flags, ctx.io.cwd);
  const sb = await listen({ ...options, logger: ctx.logger });
  const secret = flags.clientSecret === 'sandbox' ? 'sandbox' : '<--client-secret>';
  ctx.io.stdout.write(
    `cxq sandbox listening on ${sb.baseUrl} (${sb.state.queueCount} queues, ${sb.state.skills().length} skills; credentials ${flags.clientId}/${secret})\n`,
  );
  await new Promise<void>((done) => {
    if (ctx.io.signal.aborted) return done();
    ctx.io.signal.addEventListener('abort', () => done(), { once: true });
  });
  await sb.close();
  ctx.logger.info({ requests: sb.stats.requests }, 'sandbox stopped');
  return EXIT_OK;
}

/** A number flag within [min, max] (integers only unless `real`), else a UsageError naming the flag. */
export function numberFlag(flag: string, raw: string, min: number, max: number, real = false): number {
  const n = Number(raw);
  const shape = real ? /^\d+(\.\d+)?$/ : /^\d+$/;
  if (!shape.test(raw.trim()) || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${flag} must be ${real ? 'a number' : 'an integer'} from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Turns the flags into sandbox options; throws UsageError / FileError before anything starts. */
export async function sandboxOptions(flags: SandboxFlags, cwd: string): Promise<SandboxOptions> {
  if (flags.clientId === '' || flags.clientSecret === '') {
    throw new UsageError('--client-id and --client-secret must not be empty');
  }
  let seedDir: string | null = null;
  if (flags.seed !== undefined) {
    if (!(await isDirectory(resolve(cwd, flags.seed)))) {
      throw new FileError(flags.seed, `--seed ${flags.seed} is not a directory`, {
        hint: 'Point --seed at a directory of queue definitions (YAML).',
      });
    }
    seedDir = flags.seed;
  } else if (await isDirectory(resolve(cwd, DEFAULT_DEFINITIONS_DIR))) {
    seedDir = DEFAULT_DEFINITIONS_DIR;
  }
  return {
    port: numberFlag('--port', flags.port, 0, 65535),
    queues: numberFlag('--queues', flags.queues, 0, 1_000_000),
    seedDir,
    cwd,
    clientId: flags.clientId,
    clientSecret: flags.clientSecret,
    latencyMs: numberFlag('--latency', flags.latency, 0, 600_000),
    rateLimit: numberFlag('--rate-limit', flags.rateLimit, 0, 1_000_000, true),
    ...rateLimitShape(flags),
    faultRate: numberFlag('--fault-rate', flags.faultRate, 0, 1, true),
    propagationMs: numberFlag('--propagation-ms', flags.propagationMs, 0, 3_600_000),
  };
}

/** --rate-limit-burst, --rate-limit-mode, --no-retry-after, --background-load as sandbox options. */
function rateLimitShape(flags: SandboxFlags): Partial<SandboxOptions> {
  const mode = flags.rateLimitMode ?? 'bucket';
  if (!(RATE_LIMIT_MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--rate-limit-mode must be one of ${RATE_LIMIT_MODES.join(', ')}, got "${mode}"`);
  }
  return {
    rateLimitMode: mode as RateLimitMode,
    ...(flags.rateLimitBurst === undefined ? {} : { rateLimitBurst: numberFlag('--rate-limit-burst', flags.rateLimitBurst, 1, 1_000_000) }),
    retryAfter: flags.retryAfter !== false,
    backgroundLoad: numberFlag('--background-load', flags.backgroundLoad ?? '0', 0, 1_000_000, true),
  };
}

async function listen(options: SandboxOptions): Promise<SandboxHandle> {
  try {
    return await startSandbox(options);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`port ${options.port} on 127.0.0.1 is already in use`, {
        hint: 'Stop the other process or pass --port N (--port 0 picks a free port).',
      });
    }
    throw err;
  }
}
