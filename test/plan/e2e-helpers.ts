import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type SandboxOptions } from '../../src/sandbox/server.js';
import { runCaptured, type CliResult } from '../helpers/cli.js';

/** The repository root (holds `queues/` and `schemas/`). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const ENV = { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox' };

/** Ids of the example queues in `queues/`. */
export const TIER1 = '3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11';
export const TIER2 = '7a2d4e90-1b3c-4d5e-8f60-a1b2c3d4e5f6';

/** A sandbox seeded from the repo's example `queues/`. */
export function exampleSandbox(options: SandboxOptions = {}) {
  return startSandbox({ seedDir: 'queues', cwd: REPO_ROOT, ...options });
}

/** Runs `cxq --log-level warn <argv> --base-url URL` with sandbox credentials. */
export function cxq(baseUrl: string, argv: string[], cwd = REPO_ROOT): Promise<CliResult> {
  return runCaptured(['--log-level', 'warn', ...argv, '--base-url', baseUrl], { env: ENV, cwd });
}

/** A temp dir holding a copy of the example `queues/` (and `schemas/`), as cwd for edits. */
export async function copyOfExamples(): Promise<{ dir: string; edit: (file: string, from: string, to: string) => Promise<void>; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cxq-e2e-'));
  await cp(join(REPO_ROOT, 'queues'), join(dir, 'queues'), { recursive: true });
  await cp(join(REPO_ROOT, 'schemas'), join(dir, 'schemas'), { recursive: true });
  return {
    dir,
    edit: async (file, from, to) => {
      const path = join(dir, 'queues', file);
      const text = await readFile(path, 'utf8');
      if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
      await writeFile(path, text.replace(from, to));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Replaces the run-dependent `generatedAt` so outputs can be snapshotted. */
export function fixTime(text: string): string {
  return text.replace(/"generatedAt": "[^"]+"/g, '"generatedAt": "<now>"');
}
