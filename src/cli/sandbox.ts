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
  /** false with --no-retry-after. */
  retryAfter: boolean;
  backgroundLoad: string;
  faultRate: string;
  propagationMs: string;
}

const DEFAULT_PORT = 8471;

/**
 * `cxq sandbox`: a local server obeying shared/cxone-api.md until SIGINT/SIGTERM. Registers the
 * command only; the action loads ./run/sandbox.js (and the server) when the command runs.
 */
export function registerSandbox(program: Command, run: ActionRunner): void {
  program
    .command('sandbox')
    .description('run a local CXone API sandbox on 127.0.0.1 (until Ctrl-C)')
    .option('--port <n>', 'port to listen on (0 = any free port)', String(DEFAULT_PORT))
    .option('--queues <n>', 'extra generated queues', '0')
    .option('--seed <dir>', `queue definitions to seed from (default ./${DEFAULT_DEFINITIONS_DIR} when it exists)`)
    .option('--client-id <id>', 'OAuth client id the sandbox accepts', 'sandbox')
    .option('--client-secret <s>', 'OAuth client secret the sandbox accepts', 'sandbox')
    .option('--latency <ms>', 'delay added to every answer', '0')
    .option('--rate-limit <rps>', 'requests per second per client before 429 (0 = unlimited)', '0')
    .option('--rate-limit-burst <n>', 'token bucket capacity (default: the rate)')
    .option('--rate-limit-mode <mode>', 'bucket, window (fixed 1 s windows) or sliding (any trailing second)', 'bucket')
    .option('--no-retry-after', 'answer 429 without a Retry-After header')
    .option('--background-load <rps>', 'another client spending this many requests/s of the same budget', '0')
    .option('--fault-rate <p>', 'share (0..1) of requests answered 503', '0')
    .option('--propagation-ms <ms>', 'how long GET/list show the previous version after a PUT', '0')
    .action((flags: SandboxFlags) => run(async (ctx) => (await import('./run/sandbox.js')).sandboxCommand(ctx, flags)));
}
