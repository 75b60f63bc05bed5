import { describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';

describe('cxq apply flags', () => {
  it('documents every flag in --help, --concurrency once', async () => {
    const r = await runCaptured(['apply', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--dir', '--plan', '--report', '--concurrency', '--force', '--max-change-percent', '--yes', '--base-url']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout.match(/--concurrency/g)).toHaveLength(1);
  });

  it('refuses --dir together with --plan before touching the network', async () => {
    const r = await runCaptured(['apply', '--dir', 'queues', '--plan', 'p.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: --dir and --plan cannot be used together');
    expect(r.stderr).toContain('hint: Use --dir');
  });

  it.each(['-1', '101', 'abc'])('refuses --max-change-percent %s', async (value) => {
    const r = await runCaptured(['apply', '--max-change-percent', value]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--max-change-percent must be a number from 0 to 100, got "${value}"`);
  });

  it('needs credentials before anything else happens', async () => {
    const r = await runCaptured(['apply', '--yes'], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CXONE_CLIENT_ID/);
  });
});
