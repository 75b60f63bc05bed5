/** A sandbox tenant for the insight end-to-end tests: generated queues, a temp cwd, credentials. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';
import { runCaptured, type CliResult } from '../helpers/cli.js';

export interface InsightTenant {
  sb: SandboxHandle;
  cwd: string;
  /** Ids of every live queue, in the sandbox's (name, id) order. */
  ids: string[];
  /** Writes `queues/managed.yaml` declaring exactly these ids (one document each). */
  manage(ids: readonly string[]): void;
  run(argv: string[], options?: { tty?: boolean }): Promise<CliResult>;
  close(): Promise<void>;
}

export async function startInsightTenant(queues: number, options: SandboxOptions = {}): Promise<InsightTenant> {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-insight-'));
  const sb = await startSandbox({ queues, cwd, ...options });
  const env = { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox', CXONE_BASE_URL: sb.baseUrl };
  return {
    sb,
    cwd,
    ids: sb.state.listQueues().map((q) => q.id),
    manage(ids) {
      mkdirSync(join(cwd, 'queues'), { recursive: true });
      writeFileSync(join(cwd, 'queues', 'managed.yaml'), ids.map((id) => `id: ${id}\n`).join('---\n'));
    },
    run: (argv, o = {}) => runCaptured(['--log-level', 'warn', ...argv], { env, cwd, ...o }),
    close: async () => {
      await sb.close();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Requests the sandbox received on one route (`METHOD /pattern`). */
export function routeCount(sb: SandboxHandle, key: string): number {
  return sb.stats.byRoute[key] ?? 0;
}
