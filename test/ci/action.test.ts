import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTenant, type Tenant } from '../apply/tenant.js';

/** The composite action at the repository root, run step by step with bash as a runner would. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const MARKER = '<!-- cxq-plan -->';

interface Step { name?: string; id?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string> }
interface Action { inputs: Record<string, unknown>; runs: { using: string; steps: Step[] } }
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

function script(id: string): string {
  const step = action.runs.steps.find((s) => s.id === id || s.name === id);
  if (step?.run === undefined) throw new Error(`no run step ${id}`);
  return step.run;
}

let tmp: string;
let files: { out: string; summary: string; env: string };
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'cxq-action-'));
  files = { out: join(tmp, 'output'), summary: join(tmp, 'summary'), env: join(tmp, 'env') };
  for (const f of Object.values(files)) writeFileSync(f, '');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * Runs one step's script as the runner does (`bash --noprofile --norc -eo pipefail FILE`), with
 * the runner's files and only the given environment.
 */
function runStep(id: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = {
    PATH: `${join(tmp, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
    RUNNER_TEMP: tmp,
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    CXQ_BIN: CLI,
  };
  const file = join(tmp, `step-${id.replace(/\W/g, '_')}.sh`);
  writeFileSync(file, script(id));
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd, env: { ...base, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : 1, stdout, stderr });
    });
  });
}

function outputs(): Record<string, string> {
  return Object.fromEntries(readFileSync(files.out, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('action.yml', () => {
  it('is a composite action whose scripts take inputs only through env (no ${{ }} inside run:) and parse in bash', async () => {
    expect(action.runs.using).toBe('composite');
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    for (const [, name] of text.matchAll(/inputs\.([a-z-]+)/g)) expect(Object.keys(action.inputs)).toContain(name);
    const runs = action.runs.steps.filter((s) => s.run !== undefined);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (const step of runs) {
      expect(step.shell, step.name).toBe('bash');
      expect(step.run, step.name).not.toContain('${{');
      const check = await new Promise<number>((resolve) => execFile('bash', ['--noprofile', '--norc', '-n', '-c', step.run!], (err) => resolve(err === null ? 0 : 1)));
      expect(check, step.name).toBe(0);
    }
    expect(action.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual(['actions/setup-node@v4', 'actions/upload-artifact@v4']);
  });

  it('validate annotates with the repository path when working-directory is a subfolder', async () => {
    mkdirSync(join(tmp, 'ws', 'infra', 'queues'), { recursive: true });
    writeFileSync(join(tmp, 'ws', 'infra', 'queues', 'bad.yaml'), 'id: not-a-uuid\nname: Bad\nmaxWaitTime: 99999\n');
    const r = await runStep('cxq validate', join(tmp, 'ws'), { WD: './infra/', DIR: 'queues' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=infra\/queues\/bad\.yaml,line=\d+,col=\d+,/m);
  });
});

describe('action.yml plan step against the sandbox', () => {
  let t: Tenant | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('saves the plan with the commit, says changes=true, and writes the job summary', async () => {
    t = await startTenant(4);
    t.declare({ 1: 600 });
    const sha = 'e'.repeat(40);
    const r = await runStep('plan', t.cwd, { ...t.env, DIR: 'queues', PLAN_OUT: 'out/plan.json', GITHUB_SHA: sha });
    expect(r.code, r.stderr).toBe(0);
    expect(outputs()).toEqual({ changes: 'true', 'plan-file': join(t.cwd, 'out', 'plan.json') });
    expect(JSON.parse(readFileSync(join(t.cwd, 'out', 'plan.json'), 'utf8'))).toMatchObject({ gitCommit: sha, summary: { update: 1 } });
    expect(readFileSync(files.summary, 'utf8')).toContain('### cxq plan: 1 to update');
  });

  it('says changes=false when in sync, and fails the step when cxq fails', async () => {
    t = await startTenant(2);
    t.declare({});
    expect((await runStep('plan', t.cwd, { ...t.env, DIR: 'queues', PLAN_OUT: 'plan.json' })).code).toBe(0);
    expect(outputs()['changes']).toBe('false');
    const bad = await runStep('plan', t.cwd, { ...t.env, CXONE_CLIENT_SECRET: 'wrong', DIR: 'queues', PLAN_OUT: 'plan.json' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('401');
  });
});

describe('action.yml sticky comment', () => {
  /** A stand-in for `gh api` keeping the pull request's comments in a JSON file. */
  const FAKE_GH = `#!/usr/bin/env node
const fs = require('node:fs');
const state = JSON.parse(fs.readFileSync(process.env.FAKE_GH_STATE, 'utf8'));
const args = process.argv.slice(2);
state.calls.push(args.filter((a) => !a.startsWith('/')).join(' '));
const save = () => fs.writeFileSync(process.env.FAKE_GH_STATE, JSON.stringify(state));
if (args.includes('--paginate')) {
  // What the --jq filter selects: the ids of comments whose body starts with the marker.
  const marker = /startswith\\("(.*)"\\)/.exec(args[args.indexOf('--jq') + 1])[1];
  for (const c of state.comments) if (c.body.startsWith(marker)) console.log(c.id);
  save();
  process.exit(0);
}
if (process.env.FAKE_GH_FAIL) { save(); console.error('HTTP 403: Resource not accessible by integration'); process.exit(1); }
const body = JSON.parse(fs.readFileSync(args[args.indexOf('--input') + 1], 'utf8')).body;
const method = args[args.indexOf('-X') + 1];
let c;
if (method === 'POST') state.comments.push((c = { id: 100 + state.comments.length, body }));
else (c = state.comments.find((x) => String(x.id) === args[args.indexOf('-X') + 2].split('/').pop())).body = body;
save();
console.log('https://github.com/o/r/pull/7#issuecomment-' + c.id);
`;
  let state: string;
  beforeEach(() => {
    mkdirSync(join(tmp, 'bin'));
    writeFileSync(join(tmp, 'bin', 'gh'), FAKE_GH);
    chmodSync(join(tmp, 'bin', 'gh'), 0o755);
    state = join(tmp, 'gh-state.json');
    writeFileSync(state, JSON.stringify({ calls: [], comments: [{ id: 1, body: 'LGTM, but see <!-- cxq-plan --> below' }] }));
  });
  const env = (): Record<string, string> => ({ FAKE_GH_STATE: state, GITHUB_REPOSITORY: 'o/r', PR: '7', GH_TOKEN: 't' });
  const read = (): { calls: string[]; comments: { id: number; body: string }[] } => JSON.parse(readFileSync(state, 'utf8'));

  it('creates one comment starting with the marker, then edits that same comment on the next push', async () => {
    writeFileSync(join(tmp, 'cxq-plan.md'), '### cxq plan: 1 to update\n');
    expect((await runStep('comment', tmp, env())).code).toBe(0);
    expect(outputs()['url']).toBe('https://github.com/o/r/pull/7#issuecomment-101');
    writeFileSync(join(tmp, 'cxq-plan.md'), '### cxq plan: 2 to update\n');
    expect((await runStep('comment', tmp, env())).code).toBe(0);
    const s = read();
    expect(s.comments).toEqual([
      { id: 1, body: 'LGTM, but see <!-- cxq-plan --> below' },
      { id: 101, body: `${MARKER}\n### cxq plan: 2 to update\n` },
    ]);
    expect(s.calls.filter((c) => c.includes('-X'))).toEqual([
      'api -X POST repos/o/r/issues/7/comments --input --jq .html_url',
      'api -X PATCH repos/o/r/issues/comments/101 --input --jq .html_url',
    ]);
  });

  it('warns instead of failing when the token may not comment (a fork)', async () => {
    writeFileSync(join(tmp, 'cxq-plan.md'), 'plan\n');
    const r = await runStep('comment', tmp, { ...env(), FAKE_GH_FAIL: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('::warning title=cxq plan::could not post the plan comment');
    expect(outputs()).toEqual({});
  });
});
