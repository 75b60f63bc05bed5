import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';
import { Readable } from 'node:stream';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI in-process with captured streams, a private env (process.env is not read)
 * and an optional AbortSignal standing in for SIGINT.
 */
export async function runCaptured(
  argv: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; signal?: AbortSignal; tty?: boolean } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Object.assign(Readable.from([]), { isTTY: options.tty ?? false }),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    signal: options.signal ?? new AbortController().signal,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
