/**
 * Bench: 10,000 definitions in 1,000 files (10 documents a file, in 10 sub-directories), generated
 * into a temp directory. Target: under 2 s on 2 cores. Measured RUNS times, each in a fresh
 * process, alternating two ways:
 * - `validateDirectory`: the library call alone, timed inside the process (modules loaded);
 * - `cxq validate`: the real CLI (`node dist/cli.js validate`), timed from spawn to exit, so Node's
 *   start-up, module loading, output and the worker thread are all in it: what a user waits for.
 * Prints median, min and max wall and the highest peak RSS of each. This machine's timings swing
 * by tens of percent from minute to minute, hence the repeats and the median.
 * Run alone: npm run build && npm run build:bench && node build/bench/bench/validate.js
 * (BENCH_VALIDATE_RUNS=N to change the number of runs, default 5.)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateDirectory } from '../src/definitions/validate.js';
import { runJsonChild } from './child.js';
import { kibToMib, peakRssMb, type BenchRow } from './lib.js';

const COMMAND = 'npm run build && npm run build:bench && node build/bench/bench/validate.js';
const FILES = 1000;
const PER_FILE = 10;
const STRATEGIES = ['longestIdleAgent', 'mostAvailableAgent', 'leastRecentlyUsed', 'firstAvailableAgent'];
const LEVELS = ['basic', 'intermediate', 'advanced', 'expert'];
const SELF = fileURLToPath(import.meta.url);
/** A run that has not finished after this long is killed and the bench fails. */
const RUN_TIMEOUT_MS = 120_000;
const RSS_HOOK = pathToFileURL(fileURLToPath(new URL('./rss-hook.js', import.meta.url))).href;
/** build/bench/bench/validate.js → <repo>/dist/cli.js */
const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));

/** One realistic queue document (every field declared, two skills, two overflow targets). */
function queueYaml(n: number): string {
  const id = (k: number): string => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
  return [
    `# yaml-language-server: $schema=../../schemas/queue.schema.json`,
    `id: ${id(n)}`,
    `name: Bench Queue ${n}`,
    `description: Generated queue number ${n} for the validate bench`,
    `routingStrategy: ${STRATEGIES[n % STRATEGIES.length]}`,
    'waitMusic:',
    '  playMusic: true',
    `  url: https://cdn.example.com/hold/${n % 7}.mp3`,
    `maxWaitTime: ${10 + (n % 7000)}`,
    'skills:',
    `  - id: skill_${n % 50}`,
    `    level: ${LEVELS[n % LEVELS.length]}`,
    `  - id: skill_lang_${n % 5}`,
    `    level: ${LEVELS[(n + 1) % LEVELS.length]}`,
    `skillRoutingType: ${n % 2 === 0 ? 'any' : 'all'}`,
    'enableOverflow: true',
    `overflowThreshold: ${n % 101}`,
    'overflowTargets:',
    `  - id: ${id(n + 1)}`,
    `    threshold: ${n % 7201}`,
    `  - id: ${id(n + 2)}`,
    '    threshold: 600',
  ].join('\n');
}

/** Writes the corpus and returns its root directory (the caller removes it). */
export function generateCorpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'cxq-bench-validate-'));
  for (let f = 0; f < FILES; f++) {
    const dir = join(root, 'queues', `team-${String(f % 10).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    const docs = Array.from({ length: PER_FILE }, (_, d) => queueYaml(f * PER_FILE + d));
    writeFileSync(join(dir, `q${String(f).padStart(4, '0')}.yaml`), `${docs.join('\n---\n')}\n`);
  }
  return root;
}

/** One timed run: wall time and the process's peak RSS. */
interface Sample {
  wallMs: number;
  peakRssMb: number;
}

/** Child mode: validates `root/queues` once in this fresh process and prints a Sample as JSON. */
async function once(root: string): Promise<void> {
  const start = performance.now();
  const result = await validateDirectory('queues', { cwd: root });
  const wallMs = performance.now() - start;
  if (result.problems.length > 0 || result.definitions.length !== FILES * PER_FILE) {
    throw new Error(`bench corpus did not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
  }
  process.stdout.write(`${JSON.stringify({ wallMs, peakRssMb: peakRssMb() } satisfies Sample)}\n`);
}

/**
 * Runs `node ...args` in `cwd`; resolves with its wall time (spawn to exit) and stdout. Rejects on
 * a non-zero exit. (runJsonChild does not time the child or take a cwd and env, which the CLI run needs.)
 */
function timeNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ wallMs: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      if (code === 0) resolve({ wallMs, stdout });
      else reject(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr.trim()}`));
    });
  });
}

async function libraryRun(root: string): Promise<Sample> {
  const result = await runJsonChild(SELF, ['--once', root], RUN_TIMEOUT_MS);
  if (!result.ok) throw new Error(`validateDirectory run failed: ${result.reason}`);
  return result.value as Sample;
}

async function cliRun(root: string): Promise<Sample> {
  const rssFile = join(root, 'cli-rss.txt');
  const env = { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' };
  const { wallMs, stdout } = await timeNode(['--import', RSS_HOOK, CLI, 'validate', '--dir', 'queues'], root, env);
  if (!stdout.includes(`${(FILES * PER_FILE).toString()} queues in ${FILES.toString()} files are valid`)) {
    throw new Error(`cxq validate did not report the corpus valid: ${stdout.slice(0, 300)}`);
  }
  return { wallMs, peakRssMb: kibToMib(Number(readFileSync(rssFile, 'utf8'))) };
}

/** Median, min, max of the runs as one row; printed like every bench row. */
function summarise(bench: string, samples: readonly Sample[]): BenchRow {
  const walls = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  const mid = walls.length >> 1;
  const median = walls.length % 2 === 1 ? walls[mid]! : (walls[mid - 1]! + walls[mid]!) / 2;
  const row: BenchRow = {
    bench, command: COMMAND, n: FILES * PER_FILE, wallMs: Math.round(median), requests: null,
    peakRssMb: Math.max(...samples.map((s) => s.peakRssMb)), files: FILES, runs: samples.length,
    minMs: Math.round(walls[0]!), maxMs: Math.round(walls[walls.length - 1]!),
  };
  process.stdout.write(
    `${bench}: n=${row.n} wall=${row.wallMs}ms (median of ${samples.length}; min ${row['minMs'] as number}, max ${row['maxMs'] as number}) requests=- peakRss=${row.peakRssMb}MiB files=${FILES}\n  command: ${COMMAND}\n`,
  );
  return row;
}

/** Times validating 10,000 generated definitions in 1,000 files; fails loudly if any is invalid. */
export async function benchValidate(): Promise<BenchRow[]> {
  const runs = Number(process.env['BENCH_VALIDATE_RUNS'] ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_VALIDATE_RUNS must be a positive integer, got "${String(process.env['BENCH_VALIDATE_RUNS'])}"`);
  const root = generateCorpus();
  try {
    const library: Sample[] = [];
    const cli: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      library.push(await libraryRun(root));
      cli.push(await cliRun(root));
    }
    return [summarise('validateDirectory (1,000 files)', library), summarise('cxq validate (1,000 files, end to end)', cli)];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === '--once') await once(process.argv[3] ?? '.');
  else await benchValidate();
}
