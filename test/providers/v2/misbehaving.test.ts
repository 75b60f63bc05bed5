/**
 * Issue 12, black-box: the real CLI (in-process) against a server that misbehaves in one way per
 * test. Each test asserts the exit code and what the report or the output says.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCaptured, type CliResult } from '../../helpers/cli.js';
import { MisbehavingServer, QUEUE_A, QUEUE_B, json, redirect, type Misbehaviour, type Route } from './misbehaving-server.js';

let server: MisbehavingServer | undefined;
let cwd = '';
afterEach(async () => {
  await server?.stop();
  server = undefined;
  if (cwd !== '') rmSync(cwd, { recursive: true, force: true });
  cwd = '';
});

/** Starts the server with `misbehave`, declares Queue A at maxWaitTime 600 (a change) and Queue B as is. */
async function start(misbehave: Partial<Record<Route, Misbehaviour>>): Promise<MisbehavingServer> {
  server = new MisbehavingServer(misbehave);
  await server.start();
  cwd = mkdtempSync(join(tmpdir(), 'cxq-misbehaving-'));
  mkdirSync(join(cwd, 'queues'));
  writeFileSync(join(cwd, 'queues', 'a.yaml'), `id: ${QUEUE_A}\nname: Queue A\nmaxWaitTime: 600\n`);
  writeFileSync(join(cwd, 'queues', 'b.yaml'), `id: ${QUEUE_B}\nname: Queue B\nmaxWaitTime: 300\n`);
  return server;
}

function run(args: string[]): Promise<CliResult> {
  return runCaptured(['--log-level', 'error', ...args], { env: server!.env(), cwd });
}

interface Entry { id: string; outcome: string; toVersion: number; attempts: number; confirmed?: boolean; unprovenAnswer?: string; error?: { status: number; code: string; message: string } }
function reportEntry(): Entry {
  const report = JSON.parse(readFileSync(join(cwd, 'r.json'), 'utf8')) as { entries: Entry[] };
  return report.entries.find((e) => e.id === QUEUE_A)!;
}

const apply = ['apply', '--yes', '--force', '--report', 'r.json'];

describe('a 3xx is an error, never a success (issue 12 §1)', () => {
  it('PUT answered 302: failed with the status and the redirect host only, exit 1, nothing claimed', async () => {
    const s = await start({ put: redirect });
    const r = await run(apply);
    expect(r.code).toBe(1);
    const entry = reportEntry();
    expect(entry).toMatchObject({ outcome: 'failed', toVersion: 4, error: { status: 302, code: 'http.302' } });
    expect(entry.error!.message).toBe('the server answered 302 Found (redirect to login.example.com); cxq does not follow redirects');
    expect(entry.confirmed).toBeUndefined();
    expect(r.stdout).toContain('0 applied, 1 failed');
    expect(`${r.stdout}${r.stderr}${readFileSync(join(cwd, 'r.json'), 'utf8')}`).not.toContain('LEAKME');
    expect(s.log.filter((l) => l.path.includes('login'))).toEqual([]);
  });

  it('the audit GET answered 302: audit fails (exit 1) instead of exporting "entries": []', async () => {
    await start({ audit: redirect });
    const r = await run(['audit', '--format', 'json', '--out', 'audit.json']);
    expect(r.code).toBe(1);
    expect(existsSync(join(cwd, 'audit.json'))).toBe(false);
    expect(r.stderr).toContain('HTTP 302 http.302: the server answered 302 Found (redirect to login.example.com)');
    expect(r.stderr).toContain('hint: Check --base-url');
    expect(r.stdout).not.toContain('"entries"');
  });

  it('health answered 302: status fails (exit 1), never "Platform health: undefined"', async () => {
    await start({ health: redirect });
    const r = await run(['status']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('undefined');
    expect(r.stderr).toContain('GET /api/v2/health failed: HTTP 302');
  });
});

describe('a PUT 2xx is believed only when it proves the write (issue 12 §3)', () => {
  it('200 with the unchanged queue at the old version (nothing written): outcome unknown, exit 1, never confirmed', async () => {
    const s = await start({ put: (x) => json(x.res, 200, x.server.truth.get(x.id!)) });
    const r = await run(apply);
    expect(r.code).toBe(1);
    const entry = reportEntry();
    expect(entry).toMatchObject({ outcome: 'failed', error: { code: 'outcome.unknown' } });
    expect(entry.unprovenAnswer).toContain('the answer showed version 4, not 5');
    expect(entry.confirmed).toBeUndefined();
    expect(s.writes).toBe(0);
  });

  it('200 with a lower version after a real write: applied only from the fresh read, at the real version', async () => {
    await start({ put: (x) => json(x.res, 200, { ...x.server.write(x.id!, x.body), version: 2 }) });
    const r = await run(apply);
    expect(r.code).toBe(0);
    const entry = reportEntry();
    expect(entry).toMatchObject({ outcome: 'applied', toVersion: 5, attempts: 1, confirmed: true });
    expect(entry.unprovenAnswer).toContain('the answer showed version 2, not 5');
    expect(r.stdout).toContain('settled by a fresh read: Queue A');
    const journal = readFileSync(join(cwd, 'r.journal.jsonl'), 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(journal.find((e) => e['type'] === 'result' && e['id'] === QUEUE_A)).toMatchObject({ toVersion: 5, unprovenAnswer: entry.unprovenAnswer });
  });

  it('an unproven 200 whose re-read is of the wrong shape: outcome unknown, never applied', async () => {
    await start({
      put: (x) => json(x.res, 200, { ...x.server.write(x.id!, x.body), version: 2 }),
      get: (x) => json(x.res, 200, { queue: 'somewhere' }),
    });
    const r = await run(apply);
    expect(r.code).toBe(1);
    const entry = reportEntry();
    expect(entry).toMatchObject({ outcome: 'failed', error: { status: 0, code: 'outcome.unknown' } });
    expect(entry.error!.message).toContain("re-read failed: GET /api/v2/routing/queues/00000000-0000-4000-8000-00000000000a: the answer does not have the shape");
    expect(entry.confirmed).toBeUndefined();
  });

  it("200 with another queue's id after a real write: applied only from the fresh read", async () => {
    await start({ put: (x) => (x.server.write(x.id!, x.body), json(x.res, 200, { ...x.server.truth.get(QUEUE_B), version: 5 })) });
    const r = await run(apply);
    expect(r.code).toBe(0);
    const entry = reportEntry();
    expect(entry).toMatchObject({ outcome: 'applied', toVersion: 5, attempts: 1 });
    expect(entry.unprovenAnswer).toContain('another queue');
  });

  it('a real write whose 200 body is unreadable: unknown outcome settled by a re-read, not "failed: HTTP 200"', async () => {
    await start({
      put: (x) => {
        x.server.write(x.id!, x.body);
        x.res.writeHead(200, { 'content-type': 'application/json' });
        x.res.end('{"id":"00000000-0000-4000-8000-00000000000a","vers');
      },
    });
    const r = await run(apply);
    expect(r.code).toBe(0);
    const entry = reportEntry();
    expect(entry).toMatchObject({ outcome: 'applied', toVersion: 5, attempts: 1 });
    expect(entry.unprovenAnswer).toContain('is not JSON');
    expect(r.stdout).not.toContain('http.200');
  });

  it('a real write whose 200 body is cut short (connection dropped mid-body): settled by a re-read', async () => {
    await start({
      put: (x) => {
        x.server.write(x.id!, x.body);
        x.res.writeHead(200, { 'content-type': 'application/json', 'content-length': '400' });
        x.res.write('{"id":"00000000-0000-4000-8000-00000000000a"', () => x.res.destroy());
      },
    });
    const r = await run(apply);
    expect(r.code).toBe(0);
    expect(reportEntry()).toMatchObject({ outcome: 'applied', toVersion: 5, attempts: 1 });
  });
});

describe('every answer has its shape checked (issue 12 §2)', () => {
  it('health of the wrong shape: status exits 1 naming the endpoint and the mismatch', async () => {
    await start({ health: (x) => json(x.res, 200, { state: 'fine' }) });
    const r = await run(['status']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("GET /api/v2/health: the answer does not have the shape the API contract gives it: expected a health status; / must have required property 'status'");
    expect(r.stdout).not.toContain('undefined');
  });

  it('audit page without results: audit exits 1 instead of exporting no entries', async () => {
    await start({ audit: (x) => json(x.res, 200, { entries: [] }) });
    const r = await run(['audit', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/GET \/api\/v2\/audit\?\S+: the answer does not have the shape .*expected a page of audit entries; \/ must have required property 'results'/);
  });

  it('analytics rows of the wrong shape: status and report abandonment exit 1', async () => {
    await start({
      details: (x) => json(x.res, 200, { metrics: [{ queue: { id: QUEUE_A }, occupancy: 'high' }] }),
      data: (x) => json(x.res, 200, { results: [{ queue: { id: QUEUE_A }, waitTimeRange: 'forever', abandonedCount: 1, waitTime: 2 }] }),
    });
    const status = await run(['status']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('expected queue metrics; /metrics/0 must have required property');
    const report = await run(['report', 'abandonment']);
    expect(report.code).toBe(1);
    expect(report.stderr).toContain('/results/0/waitTimeRange must be one of ["0-30","30-60","60-120","120-300","300-600","600+"]');
  });

  it('skills of the wrong shape: plan exits 1', async () => {
    await start({ skills: (x) => json(x.res, 200, { results: [{ id: 7 }] }) });
    const r = await run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expected a page of skills; /results/0 must have required property');
  });

  it('a queue list of the wrong shape (version missing): plan exits 1', async () => {
    await start({ list: (x) => json(x.res, 200, { results: [{ id: QUEUE_A, name: 'Queue A' }] }) });
    const r = await run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("/results/0 must have required property 'version'");
  });
});

describe('server text is scrubbed of every form of the secret (issue 12 §7)', () => {
  it('a token endpoint echoing the form-encoded, URL-encoded and JSON-escaped secret shows none of them', async () => {
    await start({
      token: (x) => {
        x.res.writeHead(401, { 'content-type': 'text/plain' });
        const json = JSON.stringify('S3cr3t+canary/value=42').slice(1, -1).replace(/\//g, '\\/');
        x.res.end(`bad client: ${x.raw} / ${encodeURIComponent('S3cr3t+canary/value=42')} / ${json}`);
      },
    });
    const r = await run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[redacted]');
    expect(r.stderr).not.toContain('canary');
  });
});

describe('configuration from the environment (issue 12 §7, §9)', () => {
  it('a base URL ending in /api/v2/ is used without it: plan works instead of "check your credentials"', async () => {
    const s = await start({});
    const r = await runCaptured(['--log-level', 'error', 'plan'], { env: { ...s.env(), CXONE_BASE_URL: `${s.baseUrl}/api/v2/` }, cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(s.log.every((l) => !l.path.startsWith('/api/v2/api/v2'))).toBe(true);
  });

  it('a base URL that does not parse is never echoed: the variable is named and a valid one shown', async () => {
    const s = await start({});
    const r = await runCaptured(['--log-level', 'error', 'plan'], { env: { ...s.env(), CXONE_BASE_URL: 'S3cr3t canary pasted here' }, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: CXONE_BASE_URL is not a valid URL');
    expect(r.stderr).toContain('hint: Set CXONE_BASE_URL to a full URL such as https://us-1.api.cxm.nice.incontact.com');
    expect(r.stderr).not.toContain('canary');
    expect(s.log).toEqual([]);
  });

  it('CXONE_CLIENT_SECRET_FILE pointing at a FIFO: refused with a message at once, nothing sent', async () => {
    const s = await start({});
    execFileSync('mkfifo', [join(cwd, 'pipe')]);
    const env = { CXONE_BASE_URL: s.baseUrl, CXONE_CLIENT_ID: 'x', CXONE_CLIENT_SECRET_FILE: 'pipe' };
    const r = await runCaptured(['--log-level', 'error', 'plan'], { env, cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: CXONE_CLIENT_SECRET_FILE pipe is not a regular file (it is a FIFO (named pipe))');
    expect(s.log).toEqual([]);
  });
});
