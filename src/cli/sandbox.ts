import type { Command } from 'commander';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';
import type { ActionRunner } from './program.js';

/** The raw flags of `cxq sandbox` (checked by the action before anything starts). */
export interface SandboxFlags {
  port: string;
  queues: string;
  seed?: string;
  clientId: string;
  clientSecret: string;
  latency: string;
  rateLimit: string;
  rateLimitBurst?: string;
  rateLimitMode: string;
  /** true with --retry-after, false with --no-retry-after, else the dialect's default (v2 sends it, admin does not). */
  retryAfter?: boolean;
  backgroundLoad: string;
  faultRate: string;
  propagationMs: string;
  /** `v2` (default) or `admin`. */
  dialect: string;
  /** Admin dialect only (undefined unless given). */
  skills?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  tokenTtl?: string;
  putOmitted?: string;
  writeFailureRate?: string;
  /** Long names of the flags given on the command line (filled in by the action). */
  given?: string[];
}

const DEFAULT_PORT = 8471;

/**
 * `cxq sandbox`: a local server obeying the v2 contract (docs/api.md) until SIGINT/SIGTERM. Registers the
 * command only; the action loads ./run/sandbox.js (and the server) when the command runs.
 */
export function registerSandbox(program: Command, run: ActionRunner): void {
  program
    .command('sandbox')
    .description('run a local CXone API sandbox on 127.0.0.1 (until Ctrl-C)')
    .option('--port <n>', 'port to listen on (0 = any free port)', String(DEFAULT_PORT))
    .option('--queues <n>', 'extra generated queues', '0')
    .option('--seed <dir>', `definitions to seed from (v2: queues, default ./${DEFAULT_DEFINITIONS_DIR} when it exists; admin: kind: Skill, applied over the sample tenant)`)
    .option('--client-id <id>', 'OAuth client id the sandbox accepts', 'sandbox')
    .option('--client-secret <s>', 'OAuth client secret the sandbox accepts', 'sandbox')
    .option('--latency <ms>', 'delay added to every answer', '0')
    .option('--rate-limit <rps>', 'requests per second per client before 429 (0 = unlimited)', '0')
    .option('--rate-limit-burst <n>', 'token bucket capacity (default: the rate)')
    .option('--rate-limit-mode <mode>', 'bucket, window (fixed 1 s windows) or sliding (any trailing second)', 'bucket')
    .option('--retry-after', 'send Retry-After on 429 (the v2 default)')
    .option('--no-retry-after', 'answer 429 without a Retry-After header (the admin default, like the real API)')
    .option('--background-load <rps>', 'another client spending this many requests/s of the same budget', '0')
    .option('--fault-rate <p>', 'share (0..1) of requests answered 503', '0')
    .option('--propagation-ms <ms>', 'how long GET/list show the previous version after a PUT', '0')
    .option('--dialect <d>', 'API dialect to serve: v2 (docs/api.md) or admin (the CXone Admin API)', 'v2')
    .option('--skills <n>', 'admin: extra generated skills')
    .option('--access-key-id <id>', 'admin: access key id the sandbox accepts (default sandbox)')
    .option('--access-key-secret <s>', 'admin: access key secret the sandbox accepts (default sandbox)')
    .option('--token-ttl <s>', 'admin: token lifetime in seconds (default 3600)')
    .option('--put-omitted <mode>', 'admin: a skill PUT resets (reset, default) or keeps (keep) the fields it omits')
    .option('--write-failure-rate <p>', 'admin: share (0..1) of skill writes answered 200 with a failure body')
    .action((flags: SandboxFlags, cmd: Command) => {
      const given = cmd.options.map((o) => o.attributeName()).filter((name) => cmd.getOptionValueSource(name) === 'cli');
      return run(async (ctx) => (await import('./run/sandbox.js')).sandboxCommand(ctx, { ...flags, given }));
    });
}
