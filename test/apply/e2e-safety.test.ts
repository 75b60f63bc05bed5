import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, onPutReceived, queueId, startTenant, type Tenant } from './tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('cxq apply: safety checks', () => {
  it('applies exactly 30% of 10 managed queues', async () => {
    t = await startTenant(10);
    t.declare(firstK(3, 600));
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(2))!.maxWaitTime).toBe(600);
  });

  it('refuses 40% of 10 managed queues, nothing written, no report; --force applies', async () => {
    t = await startTenant(10);
    t.declare(firstK(4, 600));
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to update 4 of 10 managed queues (40% > 30%)');
    expect(r.stderr).toContain('--force');
    expect(t.sb.stats.puts).toBe(0);
    expect(existsSync(`${t.cwd}/cxq-reports`)).toBe(false);
    const forced = await t.run(['apply', '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(3))!.maxWaitTime).toBe(600);
  });

  it('--max-change-percent raises the limit, and a bad value is a usage error', async () => {
    t = await startTenant(10);
    t.declare(firstK(4, 600));
    expect((await t.run(['apply', '--yes', '--max-change-percent', '40'])).code).toBe(0);
    const bad = await t.run(['apply', '--yes', '--max-change-percent', 'lots']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--max-change-percent must be a number from 0 to 100');
  });

  it('refuses an Unhealthy platform unless --force; Degraded only warns', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    t.sb.state.setHealth('Unhealthy');
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to apply: the CXone platform reports Unhealthy');
    expect(t.sb.stats.puts).toBe(0);
    t.sb.state.setHealth('Degraded');
    const degraded = await t.run(['apply', '--yes']);
    expect(degraded.code).toBe(0);
    expect(degraded.stderr).toContain('warning: the CXone platform reports Degraded');
  });
});

describe('cxq apply: interrupt and confirmation', () => {
  it('SIGINT mid-run: in-flight write finishes, no new one starts, journal and report complete, exit 1', async () => {
    t = await startTenant(10);
    t.declare(firstK(10, 600));
    const controller = new AbortController();
    onPutReceived(t.sb, (n) => {
      if (n === 2) controller.abort();
    });
    const r = await t.run(['apply', '--yes', '--force', '--concurrency', '1', '--report', 'out/r.json'], { signal: controller.signal });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('apply interrupted');
    expect(t.sb.stats.puts).toBe(2);
    expect([0, 1, 2].map((i) => t!.sb.state.getQueue(queueId(i))!.maxWaitTime)).toEqual([600, 600, 300]);
    const report = JSON.parse(readFileSync(`${t.cwd}/out/r.json`, 'utf8'));
    expect(report).toMatchObject({ interrupted: true, summary: { applied: 2, failed: 0, skipped: 8, noop: 0 } });
    const journal = readFileSync(`${t.cwd}/out/r.journal.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal.map((e: { type: string }) => e.type)).toEqual(['start', 'attempt', 'result', 'attempt', 'result', 'end']);
    expect(readdirSync(`${t.cwd}/out`).sort()).toEqual(['r.journal.jsonl', 'r.json', 'r.md']);
  });

  it('never puts a token or secret in the report or journal', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    expect((await t.run(['apply', '--yes', '--report', 'r.json'])).code).toBe(0);
    for (const f of ['r.json', 'r.md', 'r.journal.jsonl']) {
      const text = readFileSync(`${t.cwd}/${f}`, 'utf8');
      expect(text).not.toMatch(/Bearer|access_token|secret/i);
    }
  });

  it('without a terminal and without --yes, apply --dir refuses: exit 1, nothing written, names --yes', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    const r = await t.run(['apply']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: refusing to apply 1 change(s) without confirmation: stdin is not a terminal');
    expect(r.stderr).toContain('Pass --yes to apply without asking');
    expect(r.stdout).not.toContain('[y/N]');
    expect(t.sb.stats.puts).toBe(0);
    expect(existsSync(join(t.cwd, 'cxq-reports'))).toBe(false);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(300);
  });

  it('without a terminal, nothing to change needs no --yes (exit 0, "No changes.")', async () => {
    t = await startTenant(2);
    t.declare({});
    const r = await t.run(['apply', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes.');
    expect(t.sb.stats.puts).toBe(0);
  });

  it('apply --plan does not ask, even on a terminal: the plan was reviewed', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const r = await t.run(['apply', '--plan', 'plan.json', '--report', 'r.json'], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('[y/N]');
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
  });

  it('on a TTY without --yes, anything but y cancels with nothing written', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    const r = await t.run(['apply'], { tty: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Apply 1 changes? [y/N] ');
    expect(r.stdout).toContain('Apply cancelled; nothing was written.');
    expect(t.sb.stats.puts).toBe(0);
    const yes = await t.run(['apply', '--yes'], { tty: true });
    expect(yes.code).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
  });

  it('default report path is ./cxq-reports/apply-<UTC timestamp>.json with the .md beside it', async () => {
    t = await startTenant(1);
    t.declare({ 0: 600 });
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(0);
    const files = readdirSync(`${t.cwd}/cxq-reports`).sort();
    expect(files).toHaveLength(3);
    expect(files[0]).toMatch(/^apply-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.journal\.jsonl$/);
    expect(r.stdout).toContain(`Report: ${t.cwd}/cxq-reports/apply-`);
  });
});
