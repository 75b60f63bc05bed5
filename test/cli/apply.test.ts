import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it.each(['', ' ', '0x10', '1e1', '12.5.1', '+5'])('refuses --max-change-percent %j (not a plain decimal number)', async (value) => {
    const r = await runCaptured(['apply', '--max-change-percent', value]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`--max-change-percent must be a number from 0 to 100, got ${JSON.stringify(value)}`);
  });

  it.each(['0', '12.5', '100', '30.25'])('accepts --max-change-percent %s (then needs credentials)', async (value) => {
    const r = await runCaptured(['apply', '--max-change-percent', value], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('--max-change-percent');
    expect(r.stderr).toMatch(/CXONE_CLIENT_ID/);
  });

  it('needs credentials before anything else happens', async () => {
    const r = await runCaptured(['apply', '--yes'], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/CXONE_CLIENT_ID/);
  });
});

describe('cxq apply --recover', () => {
  it('refuses to combine --recover with --dir or --plan', async () => {
    const r = await runCaptured(['apply', '--recover', 'x.journal.jsonl', '--plan', 'p.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--recover reads a journal only; it cannot be combined with --dir or --plan');
  });

  it('names the journal it cannot read', async () => {
    const r = await runCaptured(['apply', '--recover', 'missing.journal.jsonl'], { cwd: tmpdir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read the apply journal ${join(tmpdir(), 'missing.journal.jsonl')}`);
  });
});
