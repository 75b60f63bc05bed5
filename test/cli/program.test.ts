import { describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';
import { VERSION } from '../../src/version.js';

describe('cxq program', () => {
  it('prints the version from package.json', async () => {
    const r = await runCaptured(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it('lists every command in --help', async () => {
    const r = await runCaptured(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['validate', 'plan', 'apply', 'drift', 'export', 'status', 'report', 'audit', 'sandbox']) {
      expect(r.stdout).toContain(c);
    }
  });

  it('exits 1 with a usage message on an unknown command', async () => {
    const r = await runCaptured(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
