/**
 * `cxq plan` speed and memory: (1) 1,000 queues against the sandbox at 20 ms latency per request
 * (target < 3 s and ≤ ceil(1000/500) + 5 requests); (2) 10,000 queues (target: peak memory
 * < 200 MB). Definitions are the sandbox's generated queues written with the export code, with
 * every 10th queue's maxWaitTime changed so the plan has work to show. Each run is the real CLI,
 * in-process; the sandbox runs in a child process so peakRss is the plan's (plus Node's baseline).
 * Run alone: `npm run build:bench && node build/bench/bench/plan.js`.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../src/cli/program.js';
import type { Queue } from '../src/model/queue.js';
import { exportFileNames } from '../src/export/naming.js';
import { renderQueueYaml } from '../src/export/yaml.js';
import { startSandbox } from '../src/sandbox/server.js';
import { measure, type BenchRow } from './lib.js';

const COMMAND = 'npm run build:bench && node build/bench/bench/plan.js';
const PAGE_SIZE = 500;

/** Writes one definition per live queue; every 10th gets a different maxWaitTime. */
function writeDefinitions(dir: string, live: readonly Queue[]): number {
  mkdirSync(dir, { recursive: true });
  const names = exportFileNames(live);
  let changed = 0;
  live.forEach((q, i) => {
    const edited = i % 10 === 0 ? { ...q, maxWaitTime: q.maxWaitTime === 7200 ? 7199 : (q.maxWaitTime ?? 300) + 1 } : q;
    if (edited !== q) changed++;
    writeFileSync(join(dir, names.get(q.id)!), renderQueueYaml(edited, '../schemas/queue.schema.json'));
  });
  return changed;
}

interface Prepared {
  cwd: string;
  baseUrl: string;
  changed: number;
  requests: () => Promise<number>;
  close: () => Promise<void>;
}

/**
 * The sandbox and the definitions, in a CHILD process (this file run with `--serve N LATENCY`),
 * so the bench process's peak memory is the plan's alone, not the sandbox's.
 */
async function prepare(n: number, latencyMs: number): Promise<Prepared> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve', String(n), String(latencyMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const next = (): Promise<string> => new Promise((resolve) => lines.once('line', resolve));
  const ready = JSON.parse(await next()) as { cwd: string; baseUrl: string; changed: number };
  return {
    ...ready,
    requests: async () => {
      child.stdin.write('stats\n');
      return Number(await next());
    },
    close: async () => {
      child.stdin.end();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Child side of `prepare`: serve, answer `stats` with the request count, stop when stdin closes. */
async function serve(n: number, latencyMs: number): Promise<void> {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-bench-plan-'));
  const sb = await startSandbox({ queues: n, latencyMs });
  const changed = writeDefinitions(join(cwd, 'queues'), sb.state.listQueues());
  process.stdout.write(`${JSON.stringify({ cwd, baseUrl: sb.baseUrl, changed })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => process.stdout.write(`${sb.stats.requests}\n`));
  await new Promise((resolve) => lines.once('close', resolve));
  await sb.close();
  rmSync(cwd, { recursive: true, force: true });
}

/** The timed part: `cxq plan --format json`, checked against the expected number of updates. */
async function planOnce(run: Prepared, n: number): Promise<{ requests: number; extra: Record<string, unknown> }> {
  let stdout = '';
  let stderr = '';
  let heapMax = 0;
  const sampler = setInterval(() => (heapMax = Math.max(heapMax, process.memoryUsage().heapUsed)), 20);
  try {
    const before = await run.requests();
    const code = await runCli(['--log-level', 'warn', 'plan', '--format', 'json', '--base-url', run.baseUrl], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Object.assign(Readable.from([]), { isTTY: false }),
      env: { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox' },
      cwd: run.cwd,
      signal: new AbortController().signal,
    });
    if (code !== 0) throw new Error(`cxq plan exited ${code}: ${stderr}`);
    const summary = (JSON.parse(stdout) as { summary: { update: number } }).summary;
    if (summary.update !== run.changed) throw new Error(`expected ${run.changed} updates, the plan shows ${summary.update}`);
    return {
      requests: (await run.requests()) - before,
      extra: { updates: summary.update, requestBudget: Math.ceil(n / PAGE_SIZE) + 5, heapSampledMaxMb: Math.round(heapMax / 2 ** 20) },
    };
  } finally {
    clearInterval(sampler);
  }
}

async function benchOne(label: string, n: number, latencyMs: number): Promise<BenchRow> {
  const run = await prepare(n, latencyMs);
  try {
    return await measure(label, COMMAND, n, () => planOnce(run, n));
  } finally {
    await run.close();
  }
}

/**
 * Runs one case in a fresh child process (this file with `--case N LATENCY`), so that each row's
 * peak RSS is that case's own and not the high-water mark of an earlier, larger one.
 */
async function benchIsolated(label: string, n: number, latencyMs: number): Promise<BenchRow> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--case', String(n), String(latencyMs), label], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    process.stdout.write(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const last = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !last.startsWith('ROW ')) throw new Error(`plan bench case ${n} failed (exit ${code})`);
  return JSON.parse(last.slice(4)) as BenchRow;
}

/** Runs both plan benches, each in its own process, and returns their rows (for bench/results.json). */
export async function benchPlan(): Promise<BenchRow[]> {
  return [
    await benchIsolated('plan 1,000 queues @20ms latency (target <3000 ms, <=7 requests)', 1000, 20),
    await benchIsolated('plan 10,000 queues (target peak memory <200 MB)', 10_000, 0),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, n, latency, label] = process.argv.slice(2);
  if (mode === '--serve') await serve(Number(n), Number(latency));
  else if (mode === '--case') process.stdout.write(`ROW ${JSON.stringify(await benchOne(label ?? `plan ${n}`, Number(n), Number(latency)))}\n`);
  else await benchPlan();
}
