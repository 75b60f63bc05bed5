import type { Logger } from '../log.js';
import type { TextOut } from '../run-context.js';

export type { TextOut };

/**
 * Everything a command may touch of the outside world. The real entry passes process streams and
 * env; tests pass buffers, a private env and an AbortSignal they control. Commands never read
 * `process` directly, so they run in-process in end-to-end tests.
 */
export interface CliIO {
  stdout: TextOut;
  stderr: TextOut;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Aborted on SIGINT/SIGTERM: start no new work, finish what is in flight. */
  signal: AbortSignal;
}

/** What every command action receives: the IO and the logger configured by `--log-level`. */
export interface CliContext {
  io: CliIO;
  logger: Logger;
  /** The global `--provider` / `--env` choice (absent: CXONE_PROVIDER, else v2; no cxq.yaml). */
  selection?: ApiSelection;
}

/** The global flags choosing the dialect and the cxq.yaml environment (raw strings). */
export interface ApiSelection {
  provider?: string;
  env?: string;
}

/** Exit codes, the one mapping of the project: 0 ok, 1 error, 2 changes or drift. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;

/** Whether coloured output is wanted: a TTY and no NO_COLOR (https://no-color.org). */
export function useColor(io: CliIO): boolean {
  const noColor = io.env['NO_COLOR'];
  return Boolean(io.stdout.isTTY) && (noColor === undefined || noColor === '');
}
