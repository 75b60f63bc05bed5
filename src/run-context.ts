/**
 * What the engine (plan, apply, drift, insight) needs of the process that runs it, as types only, so
 * the engine never imports the CLI. The CLI's `CliContext` satisfies `RunContext` structurally.
 */
import type { Logger } from './log.js';

/** A writable text stream (process.stdout, or a buffer in tests). */
export interface TextOut {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** The working directory that relative paths resolve against, the environment, and the logger. */
export interface RunContext {
  io: { cwd: string; env: Record<string, string | undefined> };
  logger: Logger;
}
