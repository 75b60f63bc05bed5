import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recoverReport } from '../../src/apply/report-file.js';
import { firstK, onPutReceived, queueId, startTenant, type Tenant } from '../apply/tenant.js';
import { runCaptured } from '../helpers/cli.js';

/** The built CLI (`npm run build`; `npm test` builds first through `pretest`). */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns `node dist/cli.js apply …` against the tenant and, when the sandbox receives PUT number
 * `atPut`, sends `signals` to the child (in order, synchronously). Resolves with how it exited and
 * the number of PUTs the sandbox had received when the signals were sent.
 */
async function applyAndSignal(tenant: Tenant, argv: string[], atPut: number, signals: NodeJS.Signals[]): Promise<Exit & { putsAtSignal: number }> {
  const child = spawn(process.execPath, [CLI, '--log-level', 'info', 'apply', '--yes', ...argv], {
    cwd: tenant.cwd,
    env: { PATH: process.env['PATH'] ?? '', ...tenant.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let putsAtSignal = -1;
  onPutReceived(tenant.sb, (n) => {
    if (n !== atPut) return;
    putsAtSignal = n;
    for (const s of signals) child.kill(s);
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (c, s) => resolve({ code: c, signal: s })),
  );
  return { code, signal, stdout, stderr, putsAtSignal };
}

interface JournalLine {
  type: string;
  id?: string;
  outcome?: string;
}

function readLines(file: string): JournalLine[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as JournalLine);
}

/** Every applied queue holds the new value and was written once; every other queue is untouched. */
function expectTenantMatches(tenant: Tenant, entries: { id: string; outcome: string }[]): void {
  for (const e of entries) {
    const q = tenant.sb.state.getQueue(e.id)!;
    const written = e.outcome === 'applied' ? 1 : 0;
    expect({ id: e.id, writes: tenant.sb.state.writeCount(e.id), value: q.maxWaitTime }).toEqual({
      id: e.id,
      writes: written,
      value: written ? 600 : 300,
    });
  }
}

const NO_STACK = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

describe('real signals to the built CLI', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-run: in-flight write finishes, none starts after, report and journal agree, exit 1', async (sig) => {
    t = await startTenant(10, { latencyMs: 60 });
    t.declare(firstK(10, 600));
    const r = await applyAndSignal(t, ['--force', '--concurrency', '1', '--report', 'out/r.json'], 3, [sig]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: apply interrupted');
    expect(r.stderr).not.toMatch(NO_STACK);
    // The PUT in flight when the signal came finished; no other PUT was sent afterwards.
    expect(t.sb.stats.puts).toBe(r.putsAtSignal);
    const report = JSON.parse(readFileSync(join(t.cwd, 'out/r.json'), 'utf8'));
    expect(report).toMatchObject({ interrupted: true, summary: { applied: 3, failed: 0, skipped: 7, noop: 0 } });
    expect(report.recovered).toBeUndefined();
    expect(new Set(report.entries.map((e: { id: string }) => e.id)).size).toBe(10);
    expectTenantMatches(t, report.entries);
    const journal = readLines(join(t.cwd, 'out/r.journal.jsonl'));
    expect(journal.filter((e) => e.type === 'attempt')).toHaveLength(3);
    expect(journal.filter((e) => e.type === 'result').map((e) => e.id)).toEqual([0, 1, 2].map(queueId));
    expect(journal.at(-1)).toMatchObject({ type: 'end', interrupted: true });
    expect(r.stdout).toContain('Apply interrupted: 3 applied, 0 failed, 7 skipped, 0 unchanged.');
    expect(readFileSync(join(t.cwd, 'out/r.md'), 'utf8')).toContain('**Interrupted**');
  });

  it('a second signal exits 130 at once; the flushed journal rebuilds a consistent report', async () => {
    t = await startTenant(10, { latencyMs: 60 });
    t.declare(firstK(10, 600));
    // SIGINT then SIGTERM: two distinct signals are never merged into one by the kernel.
    const r = await applyAndSignal(t, ['--force', '--concurrency', '1', '--report', 'out/r.json'], 3, ['SIGINT', 'SIGTERM']);
    expect(r.code).toBe(130);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(existsSync(join(t.cwd, 'out/r.json'))).toBe(false);
    // Exit 130 is immediate: the PUT in flight was abandoned, whether it landed is unknown.
    expect(t.sb.stats.puts).toBe(3);
    expect(r.stderr).toContain('rebuild the report with `cxq apply --recover JOURNAL`');
    const recovered = await runCaptured(['apply', '--recover', 'out/r.journal.jsonl'], { cwd: t.cwd });
    // The rebuilt report holds an unknown outcome: written, but not ok (exit 1).
    expect(recovered.code).toBe(1);
    expect(recovered.stdout).toContain('Recovered report: ');
    const report = JSON.parse(readFileSync(join(t.cwd, 'out/r.json'), 'utf8')) as ReturnType<typeof recoverReport>['report'];
    expect(report).toMatchObject({ recovered: true, summary: { applied: 2, failed: 1, skipped: 7, noop: 0 } });
    const unknown = report.entries.find((e) => e.outcome === 'failed')!;
    expect(unknown).toMatchObject({ id: queueId(2), attempts: 1, error: { code: 'outcome.unknown' } });
    expectTenantMatches(t, report.entries.filter((e) => e.outcome !== 'failed'));
    expect(existsSync(join(t.cwd, 'out/r.json'))).toBe(true);
  });
});
