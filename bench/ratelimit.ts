/**
 * `cxq apply` under every rate-limiter shape of issue 11: N changes against an in-process sandbox
 * (20 ms latency) limited to R requests/s as a token bucket with burst 1 and with burst R/5, fixed
 * one-second windows, sliding windows, a bucket answering 429 without Retry-After, and a budget
 * shared with another client. No `--max-rps`: cxq finds each limit from the 429s. Targets:
 * wall ≤ 1.3 × N/R + 2 s with Retry-After, ≤ 1.5 × + 2 s without, ≤ 1.4 × N/(R − other) + 2 s shared;
 * 429s ≤ 10 % of requests with Retry-After, ≤ 1 per write without; exit 0, every change applied once.
 * The sandbox runs in its own process (bench/sandbox-child.ts), as a remote server would: in the
 * CLI's process its event loop stalls with the CLI's and bunches arrivals a burst-1 bucket refuses.
 * Run alone: `npm run build && npm run build:bench && node build/bench/bench/ratelimit.js`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SandboxOptions } from '../src/sandbox/server.js';
import { peakRssMb, type BenchRow } from './lib.js';
import { runCliCaptured } from './rows.js';

const COMMAND = 'npm run build && npm run build:bench && node build/bench/bench/ratelimit.js';

interface Shape {
  name: string;
  n: number;
  rate: number;
  sandbox: SandboxOptions;
  /** Requests/s the other client spends. */
  other: number;
  retryAfter: boolean;
}

/** Sizes chosen so each floor is 20–30 s and the whole bench runs in about 3.5 minutes. */
export const SHAPES: readonly Shape[] = [
  { name: 'bucket, burst 1', n: 600, rate: 20, other: 0, retryAfter: true, sandbox: { rateLimit: 20, rateLimitBurst: 1 } },
  { name: 'bucket, burst R/5', n: 1000, rate: 50, other: 0, retryAfter: true, sandbox: { rateLimit: 50, rateLimitBurst: 10 } },
  { name: 'fixed 1 s windows', n: 600, rate: 20, other: 0, retryAfter: true, sandbox: { rateLimit: 20, rateLimitMode: 'window' } },
  { name: 'sliding window', n: 600, rate: 20, other: 0, retryAfter: true, sandbox: { rateLimit: 20, rateLimitMode: 'sliding' } },
  { name: 'burst 1, no Retry-After', n: 600, rate: 20, other: 0, retryAfter: false, sandbox: { rateLimit: 20, rateLimitBurst: 1, retryAfter: false } },
  { name: 'shared: other 15 of 40', n: 750, rate: 40, other: 15, retryAfter: true, sandbox: { rateLimit: 40, rateLimitBurst: 8, backgroundLoad: 15 } },
  // The issue's last row (the sandbox's own shape, burst = rate), kept so a fix for the tight shapes cannot regress it.
  { name: 'bucket, burst R', n: 1000, rate: 100, other: 0, retryAfter: true, sandbox: { rateLimit: 100, rateLimitBurst: 100 } },
];

/** The sandbox in its own process (bench/sandbox-child.ts): answers `stats` with one JSON line. */
class ChildSandbox {
  private readonly replies: AsyncIterator<string>;
  private constructor(
    private readonly child: ChildProcessByStdio<Writable, Readable, null>,
    readonly baseUrl: string,
    replies: AsyncIterator<string>,
  ) {
    this.replies = replies;
  }

  static async start(options: SandboxOptions): Promise<ChildSandbox> {
    const script = fileURLToPath(new URL('./sandbox-child.js', import.meta.url));
    const child = spawn(process.execPath, [script, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const replies = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await replies.next();
    const { baseUrl } = JSON.parse(String(first.value)) as { baseUrl: string };
    return new ChildSandbox(child, baseUrl, replies);
  }

  async stats(): Promise<{ requests: number; throttled: number; once: boolean }> {
    this.child.stdin.write('stats\n');
    return JSON.parse(String((await this.replies.next()).value)) as { requests: number; throttled: number; once: boolean };
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end('close\n');
    await exited;
  }
}

function writeDefs(dir: string, n: number, maxWaitTime: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    writeFileSync(join(dir, `q${String(i).padStart(5, '0')}.yaml`), `id: ${id}\nname: Bench queue ${i}\nmaxWaitTime: ${maxWaitTime}\n`);
  }
}

/** One shape: the targets of the issue and whether this run met them. */
export interface RateLimitRow extends BenchRow {
  shape: string;
  rate: number;
  other: number;
  floorMs: number;
  ratio: number;
  throttled429: number;
  exit: number;
  targetMs: number;
  ok: boolean;
  reason?: string;
}

async function runShape(s: Shape): Promise<RateLimitRow> {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-bench-ratelimit-'));
  writeDefs(join(cwd, 'seed'), s.n, 300);
  writeDefs(join(cwd, 'queues'), s.n, 600);
  const sb = await ChildSandbox.start({ seedDir: 'seed', cwd, latencyMs: 20, ...s.sandbox });
  try {
    const env = { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox', CXONE_BASE_URL: sb.baseUrl };
    const started = Date.now();
    const r = await runCliCaptured(['--log-level', 'warn', 'apply', '--yes', '--force', '--report', 'r.json'], env, cwd);
    const wallMs = Date.now() - started;
    const { requests, throttled, once } = await sb.stats();
    const floorMs = (s.n / (s.rate - s.other)) * 1000;
    const factor = s.other > 0 ? 1.4 : s.retryAfter ? 1.3 : 1.5;
    const targetMs = factor * floorMs + 2000;
    const allowed429 = s.retryAfter ? 0.1 * requests : s.n;
    const reasons = [
      ...(r.code !== 0 ? [`exit ${r.code}: ${r.stderr.split('\n')[0] ?? ''}`] : []),
      ...(wallMs > targetMs ? [`wall ${(wallMs / 1000).toFixed(1)} s > ${(targetMs / 1000).toFixed(1)} s`] : []),
      ...(throttled > allowed429 ? [`${throttled} 429s > ${Math.floor(allowed429)}`] : []),
      ...(once ? [] : ['not every queue written exactly once']),
    ];
    return {
      bench: `ratelimit ${s.name}`,
      command: COMMAND,
      n: s.n,
      wallMs,
      requests,
      peakRssMb: peakRssMb(),
      shape: s.name,
      rate: s.rate,
      other: s.other,
      floorMs,
      ratio: Math.round((wallMs / floorMs) * 100) / 100,
      throttled429: throttled,
      exit: r.code,
      targetMs,
      ok: reasons.length === 0,
      ...(reasons.length > 0 ? { reason: reasons.join('; ') } : {}),
    };
  } finally {
    await sb.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** The table of issue 11: shape, N, R, wall, ratio to the floor, requests, 429s, exit, target, ok. */
export function renderRateLimitTable(rows: readonly RateLimitRow[]): string {
  const head = ['shape', 'N', 'R', 'other', 'wall', 'floor', 'ratio', 'target', 'requests', '429s', 'exit', 'ok'];
  const body = rows.map((r) => [
    r.shape,
    String(r.n),
    String(r.rate),
    String(r.other),
    `${(r.wallMs / 1000).toFixed(1)} s`,
    `${(r.floorMs / 1000).toFixed(1)} s`,
    r.ratio.toFixed(2),
    `${(r.targetMs / 1000).toFixed(1)} s`,
    String(r.requests),
    String(r.throttled429),
    String(r.exit),
    r.ok ? 'pass' : `FAIL: ${r.reason ?? ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((c) => (i === head.length - 1 ? 4 : (c[i] ?? '').length))));
  const line = (c: readonly string[]): string =>
    c.map((v, i) => (i === 0 || i === head.length - 1 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

/** Every shape in turn (set BENCH_RATELIMIT_SHAPES=1,3 to run some). Prints each row and the table. */
export async function benchRatelimit(): Promise<RateLimitRow[]> {
  const pick = process.env['BENCH_RATELIMIT_SHAPES']?.split(',').map((x) => Number(x.trim()) - 1);
  const shapes = pick ? SHAPES.filter((_, i) => pick.includes(i)) : SHAPES;
  const rows: RateLimitRow[] = [];
  for (const s of shapes) {
    const row = await runShape(s);
    rows.push(row);
    process.stdout.write(
      `ratelimit ${s.name}: n=${row.n} wall=${row.wallMs}ms requests=${row.requests} 429s=${row.throttled429} ratio=${row.ratio} peakRss=${row.peakRssMb}MiB ${row.ok ? 'pass' : `FAIL ${row.reason ?? ''}`}\n  command: ${COMMAND}\n`,
    );
  }
  process.stdout.write(`\n${renderRateLimitTable(rows)}`);
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchRatelimit();
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}
