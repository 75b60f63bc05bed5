/**
 * Issue 12 §4: one oversized answer (a 200 MB page, an endless body) fails the call at the 32 MiB
 * cap and keeps the process's peak memory under 300 MiB. Measured on the built CLI in a child
 * process (its own maxRSS, reported by a preloaded module at exit), against the misbehaving server
 * running here. `npm test` builds dist/ first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MisbehavingServer, QUEUE_A, endlessBody, hugePage, type Misbehaviour } from './misbehaving-server.js';

const CLI = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
const PEAK_LIMIT_KIB = 300 * 1024;
const REPORT_RSS = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(2, `\\nMAXRSS_KIB=${process.resourceUsage().maxRSS}\\n`));",
)}`;

let cwd = '';
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'cxq-oversized-'));
  mkdirSync(join(cwd, 'queues'));
  writeFileSync(join(cwd, 'queues', 'a.yaml'), `id: ${QUEUE_A}\nname: Queue A\nmaxWaitTime: 600\n`);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Runs `cxq plan` on the built CLI against a server whose queue list misbehaves. */
async function planAgainst(list: Misbehaviour): Promise<{ code: number; stderr: string; peakKiB: number; ms: number }> {
  expect(existsSync(CLI), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
  const server = new MisbehavingServer({ list });
  await server.start();
  const started = Date.now();
  try {
    return await new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', REPORT_RSS, CLI, 'plan', '--log-level', 'error'],
        { cwd, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...server.env() }, timeout: 60_000 },
        (err, _stdout, stderr) => {
          if (err !== null && typeof err.code !== 'number') return reject(err);
          const peak = /MAXRSS_KIB=(\d+)/.exec(stderr)?.[1];
          if (peak === undefined) return reject(new Error(`no MAXRSS line in: ${stderr}`));
          resolve({ code: err === null ? 0 : Number(err.code), stderr, peakKiB: Number(peak), ms: Date.now() - started });
        },
      );
    });
  } finally {
    await server.stop();
  }
}

describe('oversized answers are cut off at the cap, in bounded memory', () => {
  it('a 200 MB list page: exit 1 naming the cap, peak RSS under 300 MiB', async () => {
    const r = await planAgainst(hugePage(200 * 1024 * 1024));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the answer is larger than the 32 MiB cap; the download was stopped');
    expect(r.stderr).not.toContain('Maximum call stack');
    expect(r.peakKiB).toBeLessThan(PEAK_LIMIT_KIB);
  });

  it('an endless body: exit 1 naming the cap, peak RSS under 300 MiB', async () => {
    const r = await planAgainst(endlessBody);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('larger than the 32 MiB cap');
    expect(r.peakKiB).toBeLessThan(PEAK_LIMIT_KIB);
  });
});
