import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS_READY } from '../../src/demo/admin.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEMO = fileURLToPath(new URL('../../dist/demo/run.js', import.meta.url));

/**
 * The README's main command must never silently break: run the built demo as a subprocess, exactly
 * as `npm run demo` does after its build (`npm test` builds first through `pretest`).
 */
describe('npm run demo', () => {
  it('runs validate → plan → apply → drift → status against the sandbox, then the admin part, and exits 0', async () => {
    expect(existsSync(DEMO), 'dist/demo/run.js is missing: run `npm run build` (npm test does)').toBe(true);
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, [DEMO], { cwd: ROOT, timeout: 60_000, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } },
        (err, out) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: out }));
    });
    expect(stdout).toContain('step 5/5');
    expect(stdout).toMatch(/Plan: 2 to update/);
    expect(stdout).toMatch(/Apply finished: 2 applied, 0 failed/);
    expect(stdout).toMatch(/maxWaitTime: live 90, desired 60/);
    // The console edit went over HTTP with the console client: drift names the console user.
    expect(stdout).toMatch(/VIP Concierge \(e1d2c3b4…\) last changed by Dana Admin \(console\)/);
    // The admin dialect's part comes after the v2 part, against its own sandbox, env vars only.
    const admin = stdout.slice(stdout.indexOf('═══ the admin dialect'));
    expect(stdout.indexOf('═══ the admin dialect')).toBeGreaterThan(stdout.indexOf('step 5/5'));
    expect(admin).toMatch(/admin sandbox: http:\/\/127\.0\.0\.1:\d+ \(13 skills, 13 agents/);
    expect(admin).toContain('✓ 6 skills in 5 files are valid');
    if (ADMIN_COMMANDS_READY) {
      expect(admin).toContain('admin step 4/4: cxq --log-level warn drift --dir skills');
      expect(admin).toMatch(/Support Voice[\s\S]*serviceLevelGoal[\s\S]*85/);
      expect(admin).toMatch(/chloe\.martin/);
      expect(admin).toMatch(/serviceLevelThreshold/);
      expect(admin.match(/→ exit \d+ \(as expected\)/g)).toHaveLength(4);
    } else {
      expect(admin).toContain('admin step 1/1: cxq --log-level warn validate --dir skills');
      expect(admin).toContain('plan → apply → console edit → drift on the admin dialect: skipped.');
    }
    expect(stdout).not.toContain('(expected');
    expect(stdout).toMatch(/cxq demo finished in [\d.]+ s/);
    expect(code).toBe(0);
  });
});
