/**
 * The admin dialect (skills): (1) `cxq plan` of 1,000 skills with agents declared, at 20 ms
 * latency per request (target < 3 s; list reads only: skills pages, agents pages, multi-skill
 * assignment pages, never one request per skill); (2) `cxq apply` of 1,000 skill changes at 20 ms
 * (target < 10 s); (3) N skill changes under a rate limit of R requests/s (target ≤ 1.3 × the
 * floor, the requests sent / R). Each run is the real CLI in-process against an admin sandbox on
 * 127.0.0.1 in this process (so peak memory includes the sandbox's).
 * Run alone: `npm run build && npm run build:bench && node build/bench/bench/admin.js`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { runCli } from '../src/cli/program.js';
import { startAdminSandbox, type AdminSandboxHandle, type AdminSandboxOptions } from '../src/sandbox/admin/server.js';
import { measure, type BenchRow } from './lib.js';

const COMMAND = 'npm run build && npm run build:bench && node build/bench/bench/admin.js';

/** Definitions of every skill: serviceLevelGoal (99 where `changed(i)`), and agents when `agents`. */
function writeDefs(sb: AdminSandboxHandle, dir: string, changed: (i: number) => boolean, agents: boolean): number {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  let docs: string[] = [];
  const skills = sb.state.listSkills();
  skills.forEach((s, i) => {
    const goal = changed(i) ? 99 : s.serviceLevelGoal;
    const lines = ['kind: Skill', `skillName: ${JSON.stringify(s.skillName)}`, `serviceLevelGoal: ${goal}`];
    if (agents) {
      lines.push('agents:');
      sb.state.assignments(s.skillId).forEach((a, k) => {
        const p = changed(i) && k === 0 ? (a.proficiency % 20) + 1 : a.proficiency;
        lines.push(`  ${a.userName}: { proficiency: ${p} }`);
      });
    }
    if (changed(i)) n += 1;
    docs.push(lines.join('\n'));
    if (docs.length === 100 || i === skills.length - 1) {
      writeFileSync(join(dir, `skills-${String(i).padStart(5, '0')}.yaml`), `${docs.join('\n---\n')}\n`);
      docs = [];
    }
  });
  return n;
}

async function runOnce(argv: string[], options: AdminSandboxOptions, changed: (i: number) => boolean, agents: boolean) {
  const sb = await startAdminSandbox({ sample: false, ...options });
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-bench-admin-'));
  const expected = writeDefs(sb, join(cwd, 'skills'), changed, agents);
  let stdout = '';
  let stderr = '';
  try {
    const before = sb.stats.requests;
    const started = Date.now();
    const code = await runCli(['--log-level', 'warn', ...argv, '--dir', 'skills'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Object.assign(Readable.from([]), { isTTY: false }),
      env: { CXONE_PROVIDER: 'admin', CXONE_AUTH_URL: sb.baseUrl, CXONE_API_BASE_URL: sb.baseUrl, CXONE_ACCESS_KEY_ID: 'sandbox', CXONE_ACCESS_KEY_SECRET: 'sandbox' },
      cwd,
      signal: new AbortController().signal,
    });
    const cliMs = Date.now() - started;
    if (code !== 0) throw new Error(`cxq ${argv[0]} exited ${code}: ${stderr.slice(0, 500)}`);
    const requests = sb.stats.requests - before;
    return { cliMs, requests, throttled: sb.stats.byStatus[429] ?? 0, expected, stdout, sb };
  } finally {
    await sb.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** The three admin benches; see the file comment for the targets. */
export async function benchAdmin(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  rows.push(await measure('admin-plan-1000-skills-at-20ms', COMMAND, 1000, async () => {
    const r = await runOnce(['plan', '--format', 'json'], { skills: 1000, latencyMs: 20 }, (i) => i % 10 === 0, true);
    const summary = (JSON.parse(r.stdout) as { summary: { update: number } }).summary;
    const ok = summary.update === r.expected && r.cliMs < 3000 && r.requests < 100;
    return { requests: r.requests, extra: { cliMs: r.cliMs, targetMs: 3000, update: summary.update, perSkillRequests: r.requests / 1000, ok } };
  }));
  rows.push(await measure('admin-apply-1000-skills-at-20ms', COMMAND, 1000, async () => {
    const r = await runOnce(['apply', '--yes', '--force', '--report', 'r.json'], { skills: 1000, latencyMs: 20 }, () => true, false);
    return { requests: r.requests, extra: { cliMs: r.cliMs, targetMs: 10_000, ok: r.cliMs < 10_000 } };
  }));
  const n = 300;
  const rate = 50;
  rows.push(await measure(`admin-apply-${n}-skills-at-${rate}rps`, COMMAND, n, async () => {
    const r = await runOnce(['apply', '--yes', '--force', '--report', 'r.json'], { skills: n, rateLimit: rate }, () => true, false);
    const floorMs = Math.round((r.requests / rate) * 1000);
    const ratio = Math.round((r.cliMs / floorMs) * 100) / 100;
    return { requests: r.requests, extra: { cliMs: r.cliMs, rateLimit: rate, floorMs, ratio, target: 1.3, throttled429: r.throttled, ok: ratio <= 1.3 } };
  }));
  return rows;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAdmin();
}
