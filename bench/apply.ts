/**
 * `cxq apply` speed: (1) 1,000 changes at 20 ms latency per request (target < 10 s);
 * (2) N changes under a sandbox rate limit of R requests/s (target ≤ 1.3 × N/R, few 429s).
 * Each run is the real CLI, in-process, against a sandbox on 127.0.0.1 seeded from generated
 * definitions. Run alone: `npm run build:bench && node build/bench/bench/apply.js`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { runCli } from '../src/cli/program.js';
import { startSandbox, type SandboxOptions } from '../src/sandbox/server.js';
import { measure, type BenchRow } from './lib.js';

const COMMAND = 'npm run build:bench && node build/bench/bench/apply.js';

function writeDefs(dir: string, n: number, maxWaitTime: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    writeFileSync(join(dir, `q${String(i).padStart(5, '0')}.yaml`), `id: ${id}\nname: Bench queue ${i}\nmaxWaitTime: ${maxWaitTime}\n`);
  }
}

/** Seeds `n` queues, declares a new maxWaitTime for all of them, runs `cxq apply --yes --force`. */
async function applyOnce(n: number, sandbox: SandboxOptions, extraArgs: string[] = []) {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-bench-apply-'));
  writeDefs(join(cwd, 'seed'), n, 300);
  writeDefs(join(cwd, 'queues'), n, 600);
  const sb = await startSandbox({ seedDir: 'seed', cwd, ...sandbox });
  let stderr = '';
  try {
    const started = Date.now();
    const code = await runCli(['--log-level', 'warn', 'apply', '--yes', '--force', '--report', 'r.json', ...extraArgs], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Object.assign(Readable.from([]), { isTTY: false }),
      env: { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox', CXONE_BASE_URL: sb.baseUrl },
      cwd,
      signal: new AbortController().signal,
    });
    if (code !== 0) throw new Error(`cxq apply exited ${code}: ${stderr.slice(0, 500)}`);
    return { cliMs: Date.now() - started, requests: sb.stats.requests, throttled: sb.stats.byStatus[429] ?? 0, puts: sb.stats.puts };
  } finally {
    await sb.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Both apply benches; see the file comment for the targets. `cliMs` (the apply alone, without
 * seeding the sandbox) is what the targets and the ratio to the N/R floor are taken on. */
export async function benchApply(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(
    await measure('apply-1000-at-20ms', COMMAND, 1000, async () => {
      const r = await applyOnce(1000, { latencyMs: 20 });
      return { requests: r.requests, extra: { cliMs: r.cliMs, puts: r.puts, targetMs: 10_000 } };
    }),
  );
  const n = 300;
  const rate = 50;
  const floorMs = (n / rate) * 1000;
  const limited = await measure(`apply-${n}-at-${rate}rps`, COMMAND, n, async () => {
    const r = await applyOnce(n, { rateLimit: rate });
    const ratio = Math.round((r.cliMs / floorMs) * 100) / 100;
    return { requests: r.requests, extra: { cliMs: r.cliMs, rateLimit: rate, floorMs, ratio, target: 1.3, throttled429: r.throttled, puts: r.puts } };
  });
  rows.push(limited);
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchApply();
}
