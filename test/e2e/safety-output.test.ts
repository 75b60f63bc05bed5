import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstK, onPutReceived, queueId, startTenant, type Tenant } from '../apply/tenant.js';
import { runCaptured } from '../helpers/cli.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const SECRET = 'S3cr3t-Value-4711-do-not-log';

describe('apply: health endpoint the token may not read', () => {
  it('403 (no health:read) refuses with the scope named and nothing written; --force applies with a warning', async () => {
    t = await startTenant(2, { grantScopes: ['routing:queues:read', 'routing:queues:write'] });
    t.declare({ 0: 600 });
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: refusing to apply: cannot check the CXone platform health (HTTP 403 missing.scope');
    expect(r.stderr).toContain('grant the API client the health:read scope, or re-run with --force');
    expect(r.stderr).toContain('hint: Nothing was written.');
    expect(t.sb.stats.puts).toBe(0);
    const forced = await t.run(['apply', '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('warning: could not check the CXone platform health (HTTP 403 missing.scope');
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
  });

  it('--force with Unhealthy applies, with the warning', async () => {
    t = await startTenant(2, { health: 'Unhealthy' });
    t.declare({ 0: 600 });
    const r = await t.run(['apply', '--yes', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: the CXone platform reports Unhealthy');
    expect(r.stderr).toContain('applying anyway because of --force');
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
  });
});

describe('apply: partial failure output and secrets', () => {
  it('at --log-level trace, through 503s, lost answers, a token expiry and a 400, no secret or token is written anywhere', async () => {
    t = await startTenant(8, { clientSecret: SECRET, seed: 3 });
    // A rename onto another queue's name is the server's 400 (with errors[]).
    t.declare(firstK(6, 600), { names: { 2: 'Queue 7' }, omit: [7] });
    t.sb.setFaults({ faultRate: 0.2, lostResponseRate: 0.3 });
    onPutReceived(t.sb, (n) => {
      if (n === 2) t!.sb.expireTokens();
    });
    const env = { ...t.env, CXONE_CLIENT_SECRET: SECRET };
    const r = await runCaptured(['--log-level', 'trace', 'apply', '--yes', '--force', '--report', 'out/r.json'], { env, cwd: t.cwd });
    expect(r.code).toBe(1);
    expect(t.sb.stats.lostResponses + (t.sb.stats.byStatus[503] ?? 0)).toBeGreaterThan(0);
    expect(t.sb.stats.tokenRequests).toBe(2);
    // The exit-1 summary names the failed queue with the server's reason and its errors[].
    expect(r.stdout).toContain(`failed: Queue 2 (${queueId(2)}): HTTP 400 bad.request`);
    expect(r.stdout).toMatch(/ {4}name: .*unique/);
    const md = readFileSync(join(t.cwd, 'out/r.md'), 'utf8');
    expect(md).toContain('## Failed: Queue 2');
    expect(md).toMatch(/- `name`: .*unique/);
    const texts = [r.stdout, r.stderr, ...readdirSync(join(t.cwd, 'out')).map((f) => readFileSync(join(t!.cwd, 'out', f), 'utf8'))];
    expect(texts).toHaveLength(5);
    expect(r.stderr).toContain('"level":20'); // the most verbose records cxq emits are debug
    for (const text of texts) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toMatch(/sbx_|Bearer|access_token|client_secret/i);
    }
  });
});
