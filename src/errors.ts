/**
 * The one error hierarchy of cxq. Runtime failures throw these; validation returns results instead.
 * Only the CLI entry (`src/cli/exit.ts`) catches them and maps them to a message and an exit code,
 * so every message here must already say what failed and what to do — never a stack trace.
 */

/** A detail of a 400 response, exactly as the API contract's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/** Base class: every error cxq raises on purpose. `hint` says what the user should do next. */
export class CxqError extends Error {
  readonly hint: string | undefined;
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options?.hint;
  }
}

/** Bad command-line usage (unknown format, conflicting flags, bad number). */
export class UsageError extends CxqError {}

/** Bad configuration: missing credentials, a plain-http URL to a remote host, unreadable secret file. */
export class ConfigError extends CxqError {}

/** A file or directory cxq must read or write could not be (missing dir, permission, too large). */
export class FileError extends CxqError {
  constructor(
    readonly file: string,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}

/** One located problem in a definition file (`queues/a.yaml:12:3 maxWaitTime: ...`). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
}

/** Definitions did not validate; carries every problem, not just the first. */
export class DefinitionError extends CxqError {
  constructor(
    readonly problems: readonly Problem[],
    message = `${problems.length} problem(s) in the queue definitions`,
    hint = 'Run `cxq validate` for the full list and fix the definitions.',
  ) {
    super(message, { hint });
  }
}

/** A non-2xx answer from the CXone API, with the contract's error body. */
export class ApiError extends CxqError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly method: string,
    readonly path: string,
    readonly errors: readonly FieldError[] = [],
    options?: { hint?: string; cause?: unknown },
  ) {
    super(`${method} ${path} failed: HTTP ${status} ${code}: ${serverMessage}`, options);
  }
}

/** The token endpoint refused the credentials, or a request stayed 401 after one refresh. */
export class CredentialsError extends ApiError {}

/** The API could not be reached at all (refused, reset, DNS, timeout) after bounded retries. */
export class NetworkError extends CxqError {
  constructor(
    readonly method: string,
    readonly url: string,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A write was sent but no answer arrived (connection dropped, timeout). The server may or may not
 * have applied it; the caller must re-read and decide from the live state, never re-send blindly.
 */
export class OutcomeUnknownError extends NetworkError {}

/** A safety check refused the run (change threshold, unhealthy platform). Nothing was written. */
export class SafetyError extends CxqError {}

/** A saved plan no longer matches the tenant, or its checksum does not match its content. */
export class PlanError extends CxqError {}

/** The run was interrupted (SIGINT/SIGTERM) after in-flight work finished. */
export class InterruptedError extends CxqError {}

/**
 * A 2xx answer that cannot be used as the contract describes it: not JSON, or JSON of the wrong
 * shape (a list page without `results`, a health without `status`, ...). Never turned into an empty
 * result or a default. `problems` are the first few mismatches, each a JSON pointer and what was wrong.
 */
export class ResponseShapeError extends CxqError {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly problems: readonly string[],
    options?: { hint?: string },
  ) {
    super(`${method} ${path}: the answer does not have the shape the API contract gives it: ${problems.join('; ')}`, {
      hint:
        options?.hint ??
        'Check that the base URL (--base-url / CXONE_BASE_URL / CXONE_REGION) points at the CXone API itself, not a proxy or a web page; if it does, report this answer to the API provider.',
    });
  }
}

/** An answer whose body passed the size cap: the download was stopped there and nothing was used. */
export class ResponseTooLargeError extends CxqError {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly limitBytes: number,
  ) {
    super(`${method} ${path}: the answer is larger than the ${limitBytes / (1024 * 1024)} MiB cap; the download was stopped`, {
      hint: 'No CXone answer comes near this size: check that the base URL points at the CXone API; if it does, report it to the API provider.',
    });
  }
}

/**
 * A value cxq cannot map between an API's read and write shapes (an unknown enum string, two
 * spellings of one field that disagree). Raised before anything is sent: cxq never guesses a
 * conversion, because a wrong guess would be written to production.
 */
export class WireMappingError extends CxqError {
  constructor(
    readonly field: string,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A write answered 2xx whose body reports failure (`success: false`, `errorCount > 0`, an item with
 * `success: false`): the write did not (fully) happen. Carries the server's message(s).
 */
export class WriteRejectedError extends CxqError {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly serverMessages: readonly string[],
    options?: { hint?: string },
  ) {
    super(`${method} ${path} was answered 200 but reported failure: ${serverMessages.join('; ')}`, options);
  }
}

/**
 * A request was never sent because the run was interrupted (SIGINT/SIGTERM) or reached `--timeout`
 * while it waited (for a concurrency slot, the pace, a Retry-After gate or a backoff): whatever it
 * would have done, it did not happen.
 */
export class RequestNotSentError extends InterruptedError {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly why: 'interrupted' | 'timeout',
  ) {
    super(`${method} ${url} was not sent: the run was ${why === 'timeout' ? 'stopped by --timeout' : 'interrupted'} before it`, {
      hint: why === 'timeout' ? 'Raise --timeout, or run again to finish.' : 'Run the command again to finish.',
    });
  }
}
