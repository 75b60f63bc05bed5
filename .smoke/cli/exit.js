import { CommanderError } from 'commander';
import { ApiError, CxqError, DefinitionError, NetworkError, } from '../errors.js';
import { EXIT_ERROR } from './io.js';
/**
 * Renders any thrown value as the few lines a user should see, and returns the exit code.
 * This is the only place errors become exit codes. Unknown errors print their message, never a
 * stack trace (set CXQ_DEBUG=1 to see one when reporting a bug).
 */
export function reportError(err, stderr, debug = false) {
    if (err instanceof CommanderError) {
        // Commander already printed its message (help, version, usage); keep its code 0 for help/version.
        return err.exitCode === 0 ? 0 : EXIT_ERROR;
    }
    const lines = describeError(err);
    stderr.write(lines.map((l) => `${l}\n`).join(''));
    if (debug && err instanceof Error && err.stack)
        stderr.write(`${err.stack}\n`);
    return EXIT_ERROR;
}
/** The user-facing lines for an error: `error: ...`, details, then `hint: ...`. */
export function describeError(err) {
    if (err instanceof DefinitionError) {
        return [
            `error: ${err.message}`,
            ...err.problems.map((p) => `  ${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`),
            ...(err.hint ? [`hint: ${err.hint}`] : []),
        ];
    }
    if (err instanceof ApiError) {
        return [
            `error: ${err.message}`,
            ...err.errors.map((e) => `  ${e.field}: ${e.message}`),
            ...(err.hint ? [`hint: ${err.hint}`] : []),
        ];
    }
    if (err instanceof NetworkError || err instanceof CxqError) {
        return [`error: ${err.message}`, ...(err.hint ? [`hint: ${err.hint}`] : [])];
    }
    if (err instanceof Error)
        return [`error: ${err.message}`];
    return [`error: ${String(err)}`];
}
//# sourceMappingURL=exit.js.map