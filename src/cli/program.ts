import { Command, Option } from 'commander';
import { createLogger, humanDestination, silentLogger, LOG_LEVELS, type LogLevel, type Logger } from '../log.js';
import { VERSION } from '../version.js';
import { PROVIDERS } from '../config/provider-names.js';
import { reportError } from './exit.js';
import type { CliContext, CliIO } from './io.js';
// Definitions only (name, flags, help): each command's implementation is a dynamic import of
// ./run/<command>.js inside its action, so `--version`, `--help` and every command load just what
// they run (the API client alone, got, costs ~100 ms). Keep these modules and what they import light.
import { registerValidate } from './validate.js';
import { registerPlan } from './plan.js';
import { registerApply } from './apply.js';
import { registerDrift } from './drift.js';
import { registerExport } from './export.js';
import { registerStatus } from './status.js';
import { registerReport } from './report.js';
import { registerAudit } from './audit.js';
import { registerSandbox } from './sandbox.js';

/** Runs one command action with the context and records its exit code. */
export type ActionRunner = (action: (ctx: CliContext) => Promise<number>) => Promise<void>;

/**
 * Parses `argv` (arguments after `cxq`), runs the command and returns its exit code:
 * 0 ok, 1 error, 2 changes/drift. Never throws: every error is rendered by `reportError`.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  let logger: Logger = silentLogger();
  const program = new Command('cxq')
    .description('GitOps for NICE CXone queue routing')
    .version(VERSION, '-V, --version')
    .addOption(
      new Option('--log-level <level>', 'log level (logs go to stderr as JSON lines)')
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .addOption(new Option('--provider <dialect>', 'API dialect (or CXONE_PROVIDER; default v2)').choices(PROVIDERS))
    .option('--env <name>', 'environment of cxq.yaml (at the definitions\' root) to use')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });

  const run: ActionRunner = async (action) => {
    const { logLevel: level, provider, env } = program.opts<{ logLevel: LogLevel; provider?: string; env?: string }>();
    // JSON lines for machines (CI, log shippers); the same records as readable lines at a terminal.
    const stderr = { write: (s: string) => void io.stderr.write(s) };
    logger = createLogger(level, io.stderr.isTTY ? humanDestination(stderr) : stderr);
    const selection = { ...(provider === undefined ? {} : { provider }), ...(env === undefined ? {} : { env }) };
    exitCode = await action({ io, logger, selection });
  };

  for (const register of [
    registerValidate,
    registerPlan,
    registerApply,
    registerDrift,
    registerExport,
    registerStatus,
    registerReport,
    registerAudit,
    registerSandbox,
  ]) {
    register(program, run);
  }
  program.commands.forEach((c) => c.exitOverride());

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    return reportError(err, io.stderr, io.env['CXQ_DEBUG'] === '1');
  }
  return exitCode;
}
