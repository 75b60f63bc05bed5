import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../src/sandbox/server.js';
import { runCaptured, type CliResult } from '../helpers/cli.js';

/** The id of test queue `i` (stable, valid UUID). */
export const queueId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

export interface Tenant {
  sb: SandboxHandle;
  cwd: string;
  env: Record<string, string>;
  /**
   * Writes `queues/` in cwd: every queue declares id, name and maxWaitTime (300 unless
   * overridden); `names` renames some, `omit` leaves some undeclared (unmanaged).
   */
  declare(maxWaitTime: Record<number, number>, more?: { names?: Record<number, string>; omit?: number[] }): void;
  run(argv: string[], options?: { signal?: AbortSignal; tty?: boolean }): Promise<CliResult>;
  close(): Promise<void>;
}

function writeDefs(
  dir: string,
  n: number,
  maxWaitTime: Record<number, number>,
  more: { names?: Record<number, string>; omit?: number[] } = {},
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    if (more.omit?.includes(i)) continue;
    const name = more.names?.[i] ?? `Queue ${i}`;
    const yaml = [`id: ${queueId(i)}`, `name: ${name}`, `maxWaitTime: ${maxWaitTime[i] ?? 300}`, ''].join('\n');
    writeFileSync(join(dir, `q${String(i).padStart(3, '0')}.yaml`), yaml);
  }
}

/**
 * A sandbox seeded with `n` queues (`Queue 0`..; maxWaitTime 300, plus the sandbox's extra
 * unknown fields), a temp cwd, and credentials for the CLI. Faults are set by the caller.
 */
export async function startTenant(n: number, options: SandboxOptions = {}): Promise<Tenant> {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-apply-'));
  writeDefs(join(cwd, 'seed'), n, {});
  const sb = await startSandbox({ seedDir: 'seed', cwd, ...options });
  const env = { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox', CXONE_BASE_URL: sb.baseUrl };
  return {
    sb,
    cwd,
    env,
    declare: (m, more) => writeDefs(join(cwd, 'queues'), n, m, more),
    run: (argv, o = {}) => runCaptured(['--log-level', 'warn', ...argv], { env, cwd, ...o }),
    close: async () => {
      await sb.close();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** `{0: v, 1: v, ...}` for the first `k` queues. */
export function firstK(k: number, value: number): Record<number, number> {
  return Object.fromEntries(Array.from({ length: k }, (_, i) => [i, value]));
}

/**
 * Calls `fn` synchronously each time the sandbox receives a PUT on a queue, before the request is
 * handled (the sandbox counts PUTs on arrival): a deterministic "right before our write" hook.
 */
export function onPutReceived(sb: SandboxHandle, fn: (count: number) => void): void {
  let puts = sb.stats.puts;
  Object.defineProperty(sb.stats, 'puts', {
    configurable: true,
    enumerable: true,
    get: () => puts,
    set: (v: number) => {
      puts = v;
      fn(v);
    },
  });
}
