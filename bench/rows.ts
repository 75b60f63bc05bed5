/**
 * The row every scale case (cxq or seed baseline) produces, and running the real CLI in-process
 * with captured output — shared by scale.ts and seed-case.ts.
 */
import { Readable } from 'node:stream';
import { runCli } from '../src/cli/program.js';
import type { BenchRow } from './lib.js';

/** What is timed: a cxq command, or the seed's strategy without / with its 2 s polling. */
export const SCALE_COMMANDS = ['validate', 'plan', 'apply', 'seed', 'seed-poll'] as const;
export type ScaleCommand = (typeof SCALE_COMMANDS)[number];

/** One line of the table and of bench/results.json `rows`. */
export interface ScaleRow extends BenchRow {
  suite: 'cxq' | 'seed';
  case: ScaleCommand;
  /** Requests sent / N (token requests included). */
  requestsPerQueue: number | null;
  /** N / R in seconds: what sending one request per queue at the rate limit would take. */
  floorS: number | null;
  /** wall / floor. */
  ratio: number | null;
  /** Answers with status 429 during the timed part. */
  throttled429: number | null;
  /** RSS (MiB) just before the timed part: the sandbox and the generated definitions. */
  rssBeforeMb: number | null;
  ok: boolean;
  reason?: string;
  /** True when the figures are scaled from a smaller measured run (`measuredN`), not measured. */
  extrapolated: boolean;
  measuredN?: number;
}

/** Captured result of one in-process CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `cxq <argv>` in-process (the real program, private env, no TTY). Never throws. */
export async function runCliCaptured(argv: string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env,
    cwd,
    signal: new AbortController().signal,
  });
  return { code, stdout, stderr };
}

/** The first line of a failed command's stderr, for a row's `reason`. */
export function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim() !== '') ?? '').slice(0, 300);
}
