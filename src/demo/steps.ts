/**
 * What both parts of `npm run demo` share: a step is one real `cxq` invocation with the exit code
 * the story expects, printed under a banner with its real output, then `→ exit N (as expected)`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { runCli } from '../cli/program.js';
import type { CliIO } from '../cli/io.js';

/** One demo step: `cxq ARGV`, the exit code expected, why it matters, and what to do first. */
export interface Step {
  argv: string[];
  expect: number;
  why: string;
  before?: () => Promise<void>;
}

/** Quiet logs: the demo shows each command's output, not its info lines. */
export const QUIET = ['--log-level', 'warn'];

/** Edits one field of a single-document YAML file in place, keeping comments (Document API). */
export async function editYaml(file: string, path: (string | number)[], value: unknown): Promise<void> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  doc.setIn(path, value);
  await writeFile(file, doc.toString());
}

function banner(label: string, n: number, total: number, step: Step): string {
  const line = '─'.repeat(72);
  return `\n${line}\n ${label} ${n}/${total}: cxq ${step.argv.join(' ')}\n ${step.why}\n${line}\n`;
}

/**
 * Runs `steps` in order through the real CLI with `io`, each under a banner labelled `label`
 * (`step`, `admin step`). Resolves to the number of steps whose exit code was not the expected
 * one; a failing step does not stop the others. Rejects only when a `before` hook throws.
 */
export async function runSteps(steps: readonly Step[], io: CliIO, label: string): Promise<number> {
  let failed = 0;
  for (const [i, step] of steps.entries()) {
    await step.before?.();
    io.stdout.write(banner(label, i + 1, steps.length, step));
    const code = await runCli(step.argv, io);
    const ok = code === step.expect;
    if (!ok) failed += 1;
    io.stdout.write(`→ exit ${code} ${ok ? '(as expected)' : `(expected ${step.expect})`}\n`);
  }
  return failed;
}
