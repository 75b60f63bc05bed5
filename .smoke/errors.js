/**
 * The one error hierarchy of cxq. Runtime failures throw these; validation returns results instead.
 * Only the CLI entry (`src/cli/exit.ts`) catches them and maps them to a message and an exit code,
 * so every message here must already say what failed and what to do — never a stack trace.
 */
/** Base class: every error cxq raises on purpose. `hint` says what the user should do next. */
export class CxqError extends Error {
    hint;
    constructor(message, options) {
        super(message, options?.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.hint = options?.hint;
    }
}
/** Bad command-line usage (unknown format, conflicting flags, bad number). */
export class UsageError extends CxqError {
}
/** Bad configuration: missing credentials, a plain-http URL to a remote host, unreadable secret file. */
export class ConfigError extends CxqError {
}
/** A file or directory cxq must read or write could not be (missing dir, permission, too large). */
export class FileError extends CxqError {
    file;
    constructor(file, message, options) {
        super(message, options);
        this.file = file;
    }
}
/** Definitions did not validate; carries every problem, not just the first. */
export class DefinitionError extends CxqError {
    problems;
    constructor(problems, message = `${problems.length} problem(s) in the queue definitions`) {
        super(message, { hint: 'Run `cxq validate` for the full list and fix the definitions.' });
        this.problems = problems;
    }
}
/** A non-2xx answer from the CXone API, with the contract's error body. */
export class ApiError extends CxqError {
    status;
    code;
    serverMessage;
    method;
    path;
    errors;
    constructor(status, code, serverMessage, method, path, errors = [], options) {
        super(`${method} ${path} failed: HTTP ${status} ${code}: ${serverMessage}`, options);
        this.status = status;
        this.code = code;
        this.serverMessage = serverMessage;
        this.method = method;
        this.path = path;
        this.errors = errors;
    }
}
/** The token endpoint refused the credentials, or a request stayed 401 after one refresh. */
export class CredentialsError extends ApiError {
}
/** The API could not be reached at all (refused, reset, DNS, timeout) after bounded retries. */
export class NetworkError extends CxqError {
    method;
    url;
    constructor(method, url, message, options) {
        super(message, options);
        this.method = method;
        this.url = url;
    }
}
/**
 * A write was sent but no answer arrived (connection dropped, timeout). The server may or may not
 * have applied it; the caller must re-read and decide from the live state, never re-send blindly.
 */
export class OutcomeUnknownError extends NetworkError {
}
/** A safety check refused the run (change threshold, unhealthy platform). Nothing was written. */
export class SafetyError extends CxqError {
}
/** A saved plan no longer matches the tenant, or its checksum does not match its content. */
export class PlanError extends CxqError {
}
/** The run was interrupted (SIGINT/SIGTERM) after in-flight work finished. */
export class InterruptedError extends CxqError {
}
//# sourceMappingURL=errors.js.map