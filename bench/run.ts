/**
 * `npm run bench`: validate, plan and apply at 100, 1,000 and 10,000 queues against the sandbox
 * (latency and rate limit from scaleSettings()), each case in a fresh child process; the seed's own
 * strategy side by side (measured where affordable, extrapolated per queue beyond, labelled); then
 * the other benches (bench/validate.ts, plan.ts, apply.ts) when present. Prints the table, writes
 * bench/results.json, exits 1 if any row is not ok.
 *
 * Environment: BENCH_SIZES=100,1000 (subset), BENCH_PARTS=cxq,seed,extra (default all three),
 * BENCH_MARKDOWN=1 (also print the Markdown table), BENCH_LATENCY_MS / BENCH_RATE_LIMIT (settings).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runJsonChild } from './child.js';
import { EXTRA_BENCHES, type ExtraBench, type ExtraRow } from './extra.js';
import { SCALE_COMMANDS, type ScaleCommand, type ScaleRow } from './rows.js';
import { caseCommand } from './scale.js';
import { scaleSettings } from './scale-setup.js';
import { extrapolate } from './seed-case.js';
import { renderMarkdown, renderOtherRows, renderTable, speedups } from './table.js';

const SCALE_JS = fileURLToPath(new URL('./scale.js', import.meta.url));
const EXTRA_JS = fileURLToPath(new URL('./extra.js', import.meta.url));
/** build/bench/bench/run.js → <repo>/bench/results.json */
const RESULTS = fileURLToPath(new URL('../../../bench/results.json', import.meta.url));
/** The seed without polling is measured up to this N (1,000 takes ~45 s); beyond, extrapolated. */
const SEED_MAX_MEASURED = 1000;
/** The seed with polling sleeps 2 s per queue: measured at a handful of queues only. */
const SEED_POLL_N = 5;
/** A case that has not finished after this long is killed and reported as failed. */
const CASE_TIMEOUT_MS = 10 * 60_000;

function sizes(raw: string | undefined): number[] {
  if (raw === undefined || raw.trim() === '') return [100, 1000, 10_000];
  const out = raw.split(',').map((s) => Number(s.trim()));
  if (out.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers separated by commas, got "${raw}"`);
  return out;
}

function failedRow(command: ScaleCommand, n: number, reason: string): ScaleRow {
  return {
    bench: command, command: caseCommand(command, n), n, wallMs: 0, requests: null, peakRssMb: Number.NaN,
    suite: command.startsWith('seed') ? 'seed' : 'cxq', case: command, requestsPerQueue: null, floorS: null,
    ratio: null, throttled429: null, rssBeforeMb: null, ok: false, reason, extrapolated: false,
  };
}

/** Runs one case as `node scale.js <command> <n>`; its stdout's last line is the row. Never throws. */
async function runCase(command: ScaleCommand, n: number): Promise<ScaleRow> {
  process.stdout.write(`running ${caseCommand(command, n)}\n`);
  const result = await runJsonChild(SCALE_JS, [command, String(n)], CASE_TIMEOUT_MS);
  return result.ok ? (result.value as ScaleRow) : failedRow(command, n, result.reason);
}

async function seedRows(ns: readonly number[]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  const measured = ns.filter((n) => n <= SEED_MAX_MEASURED);
  for (const n of measured) rows.push(await runCase('seed', n));
  const larger = ns.filter((n) => n > SEED_MAX_MEASURED);
  if (larger.length > 0) {
    let base = rows.filter((r) => r.ok).sort((a, b) => b.n - a.n)[0];
    if (base === undefined) rows.push((base = await runCase('seed', 100)));
    for (const n of larger) rows.push(base.ok ? extrapolate(base, n) : failedRow('seed', n, `no ok measurement to extrapolate from`));
  }
  const poll = await runCase('seed-poll', SEED_POLL_N);
  rows.push(poll);
  for (const n of ns) rows.push(poll.ok ? extrapolate(poll, n) : failedRow('seed-poll', n, 'the measured polling run failed'));
  return rows;
}

/** bench/validate.ts, plan.ts, apply.ts when their source exists, each in its own child process. */
async function otherBenches(): Promise<ExtraRow[]> {
  const rows: ExtraRow[] = [];
  for (const name of Object.keys(EXTRA_BENCHES) as ExtraBench[]) {
    if (!existsSync(fileURLToPath(new URL(`../../../bench/${name}.ts`, import.meta.url)))) {
      process.stdout.write(`bench/${name}.ts: not present, skipped\n`);
      continue;
    }
    process.stdout.write(`running node build/bench/bench/extra.js ${name}\n`);
      const result = await runJsonChild(EXTRA_JS, [name], CASE_TIMEOUT_MS);
    if (result.ok) rows.push(...(result.value as ExtraRow[]));
    else rows.push({ bench: EXTRA_BENCHES[name], command: `node build/bench/bench/extra.js ${name}`, n: 0, wallMs: 0, requests: null, peakRssMb: Number.NaN, ok: false, reason: result.reason });
  }
  return rows;
}

async function main(): Promise<number> {
  const settings = scaleSettings();
  // The load other processes put on the machine explains noisy wall times: recorded, not hidden.
  const loadAtStart = loadavg()[0] ?? 0;
  let ns: number[];
  try {
    ns = sizes(process.env['BENCH_SIZES']);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  const parts = new Set((process.env['BENCH_PARTS'] ?? 'cxq,seed,extra').split(',').map((s) => s.trim()));
  process.stdout.write(
    `cxq bench: N=${ns.join(', ')}; sandbox latency ${settings.latencyMs} ms, rate limit R=${settings.rateLimit} req/s (burst ${settings.rateLimit}); ${cpus().length} CPUs, load ${loadAtStart.toFixed(2)}\n`,
  );
  const rows: ScaleRow[] = [];
  if (parts.has('cxq')) for (const command of ['validate', 'plan', 'apply'] as const) for (const n of ns) rows.push(await runCase(command, n));
  if (parts.has('seed')) rows.push(...(await seedRows(ns)));
  const others = parts.has('extra') ? await otherBenches() : [];

  const results = {
    generatedAt: new Date().toISOString(),
    command: process.env['BENCH_SIZES'] ? `BENCH_SIZES=${process.env['BENCH_SIZES']} npm run bench` : 'npm run bench',
    machine: {
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
      loadAverage1m: { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
    },
    settings,
    rows,
    otherBenches: others,
  };
  process.stdout.write(`\n${renderTable(rows)}`);
  if (rows.some((r) => r.extrapolated)) process.stdout.write('* extrapolated linearly per queue from the measured row (see measuredN in results.json)\n');
  for (const l of speedups(rows)) process.stdout.write(`${l}\n`);
  if (others.length > 0) process.stdout.write(`\nother benches:\n${renderOtherRows(others)}`);
  if (process.env['BENCH_MARKDOWN'] === '1') process.stdout.write(`\n${renderMarkdown(rows)}`);
  process.stdout.write(
    `\nreproduce: ${results.command}; one case (after it compiled): node build/bench/bench/scale.js <${SCALE_COMMANDS.join('|')}> <N>, e.g. node build/bench/bench/scale.js apply 1000\n`,
  );

  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`wrote ${RESULTS}\n`);
  const failed = [...rows, ...others].filter((r) => !r.ok);
  if (failed.length > 0) process.stderr.write(`${failed.length} row(s) not ok\n`);
  return failed.length > 0 ? 1 : 0;
}

process.exit(await main());
