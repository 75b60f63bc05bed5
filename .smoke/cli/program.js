import { Command, Option } from 'commander';
import { createLogger, silentLogger, LOG_LEVELS } from '../log.js';
import { VERSION } from '../version.js';
import { reportError } from './exit.js';
import { registerValidate } from './validate.js';
import { registerPlan } from './plan.js';
import { registerApply } from './apply.js';
import { registerDrift } from './drift.js';
import { registerExport } from './export.js';
import { registerStatus } from './status.js';
import { registerReport } from './report.js';
import { registerAudit } from './audit.js';
import { registerSandbox } from './sandbox.js';
/**
 * Parses `argv` (arguments after `cxq`), runs the command and returns its exit code:
 * 0 ok, 1 error, 2 changes/drift. Never throws: every error is rendered by `reportError`.
 */
export async function runCli(argv, io) {
    let exitCode = 0;
    let logger = silentLogger();
    const program = new Command('cxq')
        .description('GitOps for NICE CXone queue routing')
        .version(VERSION, '-V, --version')
        .addOption(new Option('--log-level <level>', 'log level (logs go to stderr as JSON lines)')
        .choices(LOG_LEVELS)
        .default('info'))
        .exitOverride()
        .showHelpAfterError('(run with --help for usage)')
        .configureOutput({
        writeOut: (s) => void io.stdout.write(s),
        writeErr: (s) => void io.stderr.write(s),
    });
    const run = async (action) => {
        const level = program.opts().logLevel;
        logger = createLogger(level, { write: (s) => void io.stderr.write(s) });
        exitCode = await action({ io, logger });
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
    }
    catch (err) {
        return reportError(err, io.stderr, io.env['CXQ_DEBUG'] === '1');
    }
    return exitCode;
}
//# sourceMappingURL=program.js.map