/**
 * One scale case per process, so peak RSS is the case's own:
 * `node build/bench/bench/scale.js <validate|plan|apply|seed|seed-poll> <N>` prints measure()'s
 * human line, then the case's row as one JSON line (the last line of stdout); exit 1 if not ok.
 * The sandbox runs in this process (N generated queues, `scaleSettings()` latency and rate limit),
 * so peak RSS includes it; `rssBeforeMb` is what it and the definitions took before the timed part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox, type SandboxHandle } from '../src/sandbox/server.js';
import { measure } from './lib.js';
import { firstLine, runCliCaptured, SCALE_COMMANDS, type CliRun, type ScaleCommand, type ScaleRow } from './rows.js';
import { round, scaleSettings, verifyApplied, writeDefinitions, type ScaleSettings } from './scale-setup.js';
import { runSeedCase } from './seed-case.js';

/** The command that reproduces one case (after `npm run bench` has compiled it). */
export function caseCommand(command: ScaleCommand, n: number): string {
  return `node build/bench/bench/scale.js ${command} ${n}`;
}

type CxqCommand = 'validate' | 'plan' | 'apply';

/** validate: nothing changed; plan: every 10th queue; apply: every queue. */
const CHANGE_EVERY: Record<CxqCommand, number> = { validate: 0, plan: 10, apply: 1 };

function argvFor(command: CxqCommand, dir: string, cwd: string): string[] {
  const base = ['--log-level', 'warn', command, '--dir', dir];
  if (command === 'plan') return [...base, '--format', 'json'];
  if (command === 'apply') return [...base, '--yes', '--force', '--report', join(cwd, 'apply-report.json')];
  return base;
}

/** Null when the command did what it should, else why not. */
function check(
  command: CxqCommand,
  run: CliRun,
  sb: SandboxHandle,
  expected: { desired: Map<string, number>; changed: number },
): string | null {
  if (run.code !== 0) return `exit ${run.code}: ${firstLine(run.stderr)}`;
  if (command === 'validate') return sb.stats.requests === 0 ? null : `validate sent ${sb.stats.requests} requests`;
  if (command === 'apply') return verifyApplied(sb.state, expected.desired);
  if (sb.stats.puts !== 0) return `plan sent ${sb.stats.puts} PUTs`;
  try {
    const update = (JSON.parse(run.stdout) as { summary?: { update?: unknown } }).summary?.update;
    return update === expected.changed ? null : `plan summary.update ${String(update)} != ${expected.changed} changed`;
  } catch {
    return `plan --format json printed no JSON: ${firstLine(run.stdout)}`;
  }
}

/**
 * Runs one cxq case: a sandbox with `n` queues, definitions written from them, then the timed CLI
 * command. Never throws for a failing command: the row says `ok: false` and why.
 */
export async function runCxqCase(command: CxqCommand, n: number, settings: ScaleSettings): Promise<ScaleRow> {
  const cwd = mkdtempSync(join(tmpdir(), `cxq-bench-${command}-`));
  const sb = await startSandbox({ queues: n, latencyMs: settings.latencyMs, rateLimit: settings.rateLimit });
  try {
    const dir = join(cwd, 'queues');
    const expected = writeDefinitions(dir, sb.state.listQueues(), CHANGE_EVERY[command]);
    const env = { CXONE_BASE_URL: sb.baseUrl, CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox' };
    const rssBeforeMb = round(process.memoryUsage().rss / 2 ** 20, 1);
    const before = sb.stats.requests;
    const before429 = sb.stats.byStatus[429] ?? 0;
    let run: CliRun = { code: -1, stdout: '', stderr: '' };
    const row = await measure(`cxq ${command}`, caseCommand(command, n), n, async () => {
      run = await runCliCaptured(argvFor(command, dir, cwd), env, cwd);
      return { requests: sb.stats.requests - before };
    });
    const reason = check(command, run, sb, expected);
    const online = command !== 'validate';
    const floorS = online && settings.rateLimit > 0 ? n / settings.rateLimit : null;
    return {
      ...row,
      suite: 'cxq',
      case: command,
      requestsPerQueue: row.requests === null ? null : round(row.requests / n, 3),
      floorS,
      ratio: floorS === null ? null : round(row.wallMs / 1000 / floorS, 2),
      throttled429: (sb.stats.byStatus[429] ?? 0) - before429,
      rssBeforeMb,
      changed: expected.changed,
      definitionFiles: expected.files,
      ok: reason === null,
      ...(reason === null ? {} : { reason }),
      extrapolated: false,
    };
  } finally {
    await sb.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Runs any case in this process (see the file comment). */
export async function runScaleCase(command: ScaleCommand, n: number, settings = scaleSettings()): Promise<ScaleRow> {
  if (command === 'seed' || command === 'seed-poll') return runSeedCase(n, command === 'seed-poll', settings);
  return runCxqCase(command, n, settings);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, nRaw] = argv;
  const n = Number(nRaw);
  if (!SCALE_COMMANDS.includes(command as ScaleCommand) || !Number.isInteger(n) || n < 1) {
    process.stderr.write(`usage: node build/bench/bench/scale.js <${SCALE_COMMANDS.join('|')}> <N>\n`);
    return 1;
  }
  const row = await runScaleCase(command as ScaleCommand, n);
  process.stdout.write(`${JSON.stringify(row)}\n`);
  return row.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Exit explicitly: keep-alive sockets of the in-process client must not hold the process open.
  process.exit(await main(process.argv.slice(2)));
}
