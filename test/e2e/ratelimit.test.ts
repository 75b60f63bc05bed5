import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, onPutReceived, startTenant, type Tenant } from '../apply/tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Every declared queue holds the new value and was written exactly once. */
function expectAllWrittenOnce(tenant: Tenant, n: number): void {
  const writes = tenant.sb.state.listQueues().map((q) => tenant.sb.state.writeCount(q.id));
  expect(writes).toEqual(Array.from({ length: n }, () => 1));
}

interface Summary {
  flight: number;
  resent: number;
  notStarted: number;
}

function parseSummary(stderr: string): Summary {
  const m = /(\d+) write\(s\) in flight finished, (\d+) re-sent, (\d+) not started/.exec(stderr);
  if (!m) throw new Error(`no interrupt summary in: ${stderr}`);
  return { flight: Number(m[1]), resent: Number(m[2]), notStarted: Number(m[3]) };
}

describe('apply over loopback against rate limits that are not our sandbox\'s default', () => {
  it.each([
    ['token bucket, burst 1, no Retry-After', { rateLimit: 20, rateLimitBurst: 1, retryAfter: false }],
    ['token bucket, burst 1, Retry-After', { rateLimit: 20, rateLimitBurst: 1 }],
    ['fixed one-second windows, no Retry-After', { rateLimit: 20, rateLimitMode: 'window' as const, retryAfter: false }],
  ])('%s: every change applied once, exit 0, at most one 429 per write', async (_name, limits) => {
    const n = 20;
    t = await startTenant(n, { latencyMs: 5, ...limits });
    t.declare(firstK(n, 600));
    const r = await t.run(['apply', '--force', '--yes', '--report', 'out/r.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectAllWrittenOnce(t, n);
    expect(t.sb.stats.byStatus[429] ?? 0).toBeLessThanOrEqual(n);
    const report = JSON.parse(readFileSync(join(t.cwd, 'out/r.json'), 'utf8'));
    expect(report.summary).toEqual({ applied: n, failed: 0, skipped: 0, noop: 0 });
  });
});

describe('interrupt under a rate limit (in-process CLI, AbortSignal as SIGINT)', () => {
  it('sends nothing after the signal but the writes on the wire; the summary matches the server\'s own record', async () => {
    const n = 30;
    // Burst 1 and a 1 s Retry-After: at the signal some writes wait at the gate or the pace after a 429.
    t = await startTenant(n, { latencyMs: 40, rateLimit: 10, rateLimitBurst: 1 });
    t.declare(firstK(n, 600));
    const controller = new AbortController();
    let abortedAt = Number.POSITIVE_INFINITY;
    onPutReceived(t.sb, (count) => {
      if (count !== 8) return;
      abortedAt = Date.now();
      controller.abort(new Error('received SIGINT'));
    });
    const r = await t.run(['apply', '--force', '--yes', '--report', 'out/r.json'], { signal: controller.signal });
    const finishedAt = Date.now();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: apply interrupted: ');
    const summary = parseSummary(r.stderr);
    const record = t.sb.requests;
    // Only writes on the wire at the signal reached the server after it: nothing re-sent, nothing new.
    const after = record.filter((q) => q.arrivedAt > abortedAt);
    expect(after.every((q) => q.method === 'PUT')).toBe(true);
    const answeredAfter = record.filter((q) => q.method === 'PUT' && (q.answeredAt ?? 0) >= abortedAt);
    expect(summary.flight).toBe(answeredAfter.length);
    expect(after.length).toBeLessThanOrEqual(summary.flight);
    expect(summary.resent).toBe(0);
    // The report and the server agree on what was written; "not started" is what the report skipped.
    const report = JSON.parse(readFileSync(join(t.cwd, 'out/r.json'), 'utf8'));
    const written = t.sb.state.listQueues().filter((q) => t!.sb.state.writeCount(q.id) === 1).length;
    expect(report.summary.applied).toBe(written);
    expect(report.summary.skipped).toBe(summary.notStarted);
    expect(report.summary.applied + report.summary.failed + report.summary.skipped).toBe(n);
    expect(summary.notStarted).toBeGreaterThan(0);
    // Done promptly once the last answer in flight came (no timer left to wait for).
    const lastAnswer = Math.max(...record.map((q) => q.answeredAt ?? 0));
    expect(finishedAt - lastAnswer).toBeLessThan(2000);
  });

  it('--timeout stops the run: no write starts past it, the rest is skipped, exit 1', async () => {
    const n = 80;
    t = await startTenant(n, { latencyMs: 5, rateLimit: 10, rateLimitBurst: 1 });
    t.declare(firstK(n, 600));
    const started = Date.now();
    const r = await t.run(['apply', '--force', '--yes', '--timeout', '3s', '--report', 'out/r.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: apply stopped at --timeout 3s: ');
    const summary = parseSummary(r.stderr);
    expect(summary.resent).toBe(0);
    const late = t.sb.requests.filter((q) => q.arrivedAt > started + 3000 + 50);
    expect(late.length).toBeLessThanOrEqual(summary.flight);
    const report = JSON.parse(readFileSync(join(t.cwd, 'out/r.json'), 'utf8'));
    expect(report.summary.skipped).toBe(summary.notStarted);
    expect(report.summary.skipped).toBeGreaterThan(0);
    expect(report.summary.failed).toBe(0);
  });

  it('refuses a malformed --timeout or --max-wait before sending anything', async () => {
    t = await startTenant(2, {});
    t.declare(firstK(2, 600));
    for (const flag of ['--timeout', '--max-wait']) {
      const r = await t.run(['apply', '--force', '--yes', flag, 'soon']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${flag} must be a duration such as 90s, 10m or 1h`);
    }
    expect(t.sb.stats.requests).toBe(0);
  });
});
