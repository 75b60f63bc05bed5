import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../src/apply/types.js';
import { runCaptured } from '../helpers/cli.js';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cxq-cli-apply-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('cxq apply flags', () => {
  it('documents every flag in --help, --concurrency once', async () => {
    const r = await runCaptured(['apply', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--dir', '--plan', '--allow-empty', '--report', '--concurrency', '--force', '--max-change-percent', '--yes', '--base-url']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout.match(/--concurrency/g)).toHaveLength(1);
  });

  it('takes --dir together with --plan (the definitions the plan is checked against)', async () => {
    const r = await runCaptured(['apply', '--dir', 'queues', '--plan', 'p.json'], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('cannot be used together');
    expect(r.stderr).toMatch(/CXONE_CLIENT_ID/);
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
    const r = await runCaptured(['apply', '--recover', 'missing.journal.jsonl'], { cwd: scratch });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot read the apply journal ${join(scratch, 'missing.journal.jsonl')}`);
  });

  const field = { path: '/maxWaitTime', old: 300, new: 600 };
  const start: JournalEvent = {
    type: 'start', at: '2026-11-20T09:00:00.000Z', command: 'apply', mode: 'dir', baseUrl: 'u', clientId: 'c', gitCommit: null, planChecksum: null,
    queues: [{ id: 'a', name: 'A', action: 'update', version: 1, fields: [field] }, { id: 'b', name: 'B', action: 'update', version: 1, fields: [field] }],
  };
  const applied = (id: string, name: string): JournalEvent[] => [
    { type: 'attempt', at: '2026-11-20T09:00:01.000Z', id, attempt: 1, version: 1, reason: 'initial' },
    { type: 'result', at: '2026-11-20T09:00:02.000Z', id, name, outcome: 'applied', fromVersion: 1, toVersion: 2, attempts: 1, fields: [field] },
  ];
  const recover = async (events: JournalEvent[]) => {
    writeFileSync(join(scratch, 'r.journal.jsonl'), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    return runCaptured(['apply', '--recover', 'r.journal.jsonl'], { cwd: scratch });
  };

  it('exits 0 when the rebuilt report holds only applied entries', async () => {
    const r = await recover([start, ...applied('a', 'A'), ...applied('b', 'B'), { type: 'end', at: '2026-11-20T09:00:03.000Z', interrupted: false }]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 applied, 0 failed');
    expect(r.stdout).toContain(`Recovered report: ${join(scratch, 'r.json')}`);
  });

  it('exits 1 when the rebuilt report holds an unknown outcome (sent, never answered)', async () => {
    const r = await recover([start, ...applied('a', 'A'), { type: 'attempt', at: '2026-11-20T09:00:03.000Z', id: 'b', attempt: 1, version: 1, reason: 'initial' }]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('failed: B (b)');
    expect(r.stdout).toContain('outcome.unknown');
    expect(r.stdout).toContain('Recovered report: ');
  });

  it('exits 1 when the rebuilt report holds a failed entry', async () => {
    const failed: JournalEvent = {
      type: 'result', at: '2026-11-20T09:00:04.000Z', id: 'b', name: 'B', outcome: 'failed', fromVersion: 1, toVersion: 1, attempts: 1, fields: [field],
      error: { status: 400, code: 'validation.failed', message: 'maxWaitTime out of range', errors: [] },
    };
    const r = await recover([start, ...applied('a', 'A'), { type: 'attempt', at: '2026-11-20T09:00:03.000Z', id: 'b', attempt: 1, version: 1, reason: 'initial' }, failed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1 applied, 1 failed');
  });
});
