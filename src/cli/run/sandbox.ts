import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DEFAULT_DEFINITIONS_DIR } from '../../definitions/types.js';
import { FileError, UsageError } from '../../errors.js';
import { startAdminSandbox, type AdminSandboxHandle, type AdminSandboxOptions } from '../../sandbox/admin/server.js';
import { RATE_LIMIT_MODES, type RateLimitMode } from '../../sandbox/limits.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/server.js';
import { EXIT_OK, type CliContext } from '../io.js';
import type { SandboxFlags } from '../sandbox.js';

/**
 * The action of `cxq sandbox`: checks the flags, listens on 127.0.0.1 and prints one line with the
 * URL and credentials (`--dialect admin`: that line, the API base and the env vars to export),
 * then serves until `ctx.io.signal` aborts (SIGINT/SIGTERM). Exit 0 once closed; bad flags, a flag
 * of the other dialect or a busy port throw UsageError/FileError before anything starts.
 */
export async function sandboxCommand(ctx: CliContext, flags: SandboxFlags): Promise<number> {
  const dialect = checkDialect(flags);
  let sb: SandboxHandle | AdminSandboxHandle;
  if (dialect === 'admin') {
    const seedDir = flags.seed === undefined ? null : await seedDirectory(flags.seed, ctx.io.cwd, 'Skill');
    const options = { ...adminSandboxOptions(flags), seedDir, cwd: ctx.io.cwd };
    const admin = await listen(options.port, () => startAdminSandbox({ ...options, logger: ctx.logger }));
    ctx.io.stdout.write(adminBanner(admin, flags));
    sb = admin;
  } else {
    const options = await sandboxOptions(flags, ctx.io.cwd);
    const v2 = await listen(options.port, () => startSandbox({ ...options, logger: ctx.logger }));
    const secret = flags.clientSecret === 'sandbox' ? 'sandbox' : '<--client-secret>';
    ctx.io.stdout.write(
      `cxq sandbox listening on ${v2.baseUrl} (${v2.state.queueCount} queues, ${v2.state.skills().length} skills; credentials ${flags.clientId}/${secret})\n`,
    );
    sb = v2;
  }
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

/** `--seed DIR` when it is a directory, else a FileError naming it (nothing has started yet). */
async function seedDirectory(dir: string, cwd: string, kind: 'queue' | 'Skill'): Promise<string> {
  if (!(await isDirectory(resolve(cwd, dir)))) {
    throw new FileError(dir, `--seed ${dir} is not a directory`, { hint: `Point --seed at a directory of ${kind} definitions (YAML).` });
  }
  return dir;
}

/** Turns the flags into sandbox options; throws UsageError / FileError before anything starts. */
export async function sandboxOptions(flags: SandboxFlags, cwd: string): Promise<SandboxOptions> {
  if (flags.clientId === '' || flags.clientSecret === '') {
    throw new UsageError('--client-id and --client-secret must not be empty');
  }
  let seedDir: string | null = null;
  if (flags.seed !== undefined) {
    seedDir = await seedDirectory(flags.seed, cwd, 'queue');
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

/** The limiter shape of `--dialect admin`: as v2's, but a 429 carries no Retry-After unless `--retry-after`. */
function adminRateShape(flags: SandboxFlags): Pick<AdminSandboxOptions, 'rateLimitMode' | 'rateLimitBurst' | 'retryAfter'> {
  const { rateLimitMode, rateLimitBurst } = rateLimitShape(flags);
  return { ...(rateLimitMode === undefined ? {} : { rateLimitMode }), ...(rateLimitBurst === undefined ? {} : { rateLimitBurst }), retryAfter: flags.retryAfter === true };
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

async function listen<T>(port: number | undefined, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`port ${port} on 127.0.0.1 is already in use`, {
        hint: 'Stop the other process or pass --port N (--port 0 picks a free port).',
      });
    }
    throw err;
  }
}

/** Flags of one dialect only, by attribute name → flag. */
const V2_ONLY: Record<string, string> = {
  queues: '--queues',
  clientId: '--client-id',
  clientSecret: '--client-secret',
  propagationMs: '--propagation-ms',
  backgroundLoad: '--background-load',
};
const ADMIN_ONLY: Record<string, string> = {
  skills: '--skills',
  accessKeyId: '--access-key-id',
  accessKeySecret: '--access-key-secret',
  tokenTtl: '--token-ttl',
  putOmitted: '--put-omitted',
  writeFailureRate: '--write-failure-rate',
};

/** The dialect named by --dialect; a UsageError for another, or for a flag of the other dialect. */
export function checkDialect(flags: SandboxFlags): 'v2' | 'admin' {
  if (flags.dialect !== 'v2' && flags.dialect !== 'admin') {
    throw new UsageError(`--dialect must be v2 or admin, got "${flags.dialect}"`);
  }
  const foreign = flags.dialect === 'admin' ? V2_ONLY : ADMIN_ONLY;
  const wrong = (flags.given ?? []).filter((name) => name in foreign).map((name) => foreign[name]!);
  if (wrong.length > 0) {
    throw new UsageError(`${wrong.join(', ')} ${wrong.length > 1 ? 'apply' : 'applies'} only with --dialect ${flags.dialect === 'admin' ? 'v2' : 'admin'}`);
  }
  return flags.dialect;
}

/** Turns the flags of `--dialect admin` into admin sandbox options; throws UsageError before anything starts. */
export function adminSandboxOptions(flags: SandboxFlags): AdminSandboxOptions {
  if (flags.accessKeyId === '' || flags.accessKeySecret === '') {
    throw new UsageError('--access-key-id and --access-key-secret must not be empty');
  }
  if (flags.accessKeyId === 'console') throw new UsageError('--access-key-id console is the built-in console key; choose another id');
  if (flags.putOmitted !== undefined && flags.putOmitted !== 'keep' && flags.putOmitted !== 'reset') {
    throw new UsageError(`--put-omitted must be keep or reset, got "${flags.putOmitted}"`);
  }
  return {
    port: numberFlag('--port', flags.port, 0, 65535),
    skills: numberFlag('--skills', flags.skills ?? '0', 0, 1_000_000),
    accessKeyId: flags.accessKeyId ?? 'sandbox',
    accessKeySecret: flags.accessKeySecret ?? 'sandbox',
    tokenTtlSeconds: numberFlag('--token-ttl', flags.tokenTtl ?? '3600', 1, 86_400),
    putOmitted: (flags.putOmitted ?? 'reset') as 'keep' | 'reset',
    writeFailureRate: numberFlag('--write-failure-rate', flags.writeFailureRate ?? '0', 0, 1, true),
    latencyMs: numberFlag('--latency', flags.latency, 0, 600_000),
    rateLimit: numberFlag('--rate-limit', flags.rateLimit, 0, 1_000_000, true),
    ...adminRateShape(flags),
    faultRate: numberFlag('--fault-rate', flags.faultRate, 0, 1, true),
  };
}

/** What `--dialect admin` prints when ready: the URL line, the API base, and the env vars to export. */
function adminBanner(sb: AdminSandboxHandle, flags: SandboxFlags): string {
  const { accessKeyId } = sb.accessKey;
  const secret = flags.accessKeySecret === undefined || flags.accessKeySecret === 'sandbox' ? 'sandbox' : '<--access-key-secret>';
  const agents = sb.state.agents.agents().length;
  return [
    `cxq sandbox listening on ${sb.baseUrl} (admin dialect: ${sb.state.skills.size} skills, ${agents} agents; access key ${accessKeyId}/${secret})`,
    `  API base: ${sb.apiBase}`,
    `  export CXONE_PROVIDER=admin`,
    `  export CXONE_AUTH_URL=${sb.baseUrl}`,
    `  export CXONE_API_BASE_URL=${sb.baseUrl}`,
    `  export CXONE_ACCESS_KEY_ID=${accessKeyId}`,
    `  export CXONE_ACCESS_KEY_SECRET=${secret}`,
    '',
  ].join('\n');
}
