import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';

const REPO = resolve(import.meta.dirname, '../..');
const BAD = 'name: Support Tier 1\nmaxWaitTime: 9000\nmaxWaitTme: 300\n';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cxq-cli-validate-'));
  mkdirSync(join(root, 'queues'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('cxq validate', () => {
  it('exits 0 on the sample set with a one-line summary, offline and without credentials', async () => {
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: REPO, env: {} });
    expect(r).toEqual({ code: 0, stdout: '✓ 8 queues in 7 files are valid\n', stderr: '' });
  });

  it('prints each problem as file:line:column field: message and exits 1', async () => {
    writeFileSync(join(root, 'queues', 'tier1.yaml'), BAD);
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'queues/tier1.yaml:2:14 maxWaitTime: must be <= 7200 (got 9000)',
        'queues/tier1.yaml:3:1 maxWaitTme: unknown field "maxWaitTme" (did you mean "maxWaitTime"?)',
        '✗ 2 problems in 1 file (1 file checked)',
        '',
      ].join('\n'),
    );
  });

  it('--dir points at another directory, relative to the working directory', async () => {
    mkdirSync(join(root, 'defs', 'team'), { recursive: true });
    writeFileSync(join(root, 'defs', 'team', 'a.yml'), 'name: A\n---\nname: B\n');
    const r = await runCaptured(['validate', '--dir', 'defs', '--log-level', 'error'], { cwd: root });
    expect(r).toMatchObject({ code: 0, stdout: '✓ 2 queues in 1 file are valid\n' });
  });

  it('--format json prints the problems as a JSON array, [] when valid', async () => {
    writeFileSync(join(root, 'queues', 'tier1.yaml'), BAD);
    const bad = await runCaptured(['validate', '--format', 'json', '--log-level', 'error'], { cwd: root });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual([
      { severity: 'error', file: 'queues/tier1.yaml', line: 2, column: 14, field: 'maxWaitTime', message: 'must be <= 7200 (got 9000)' },
      { severity: 'error', file: 'queues/tier1.yaml', line: 3, column: 1, field: 'maxWaitTme', message: 'unknown field "maxWaitTme" (did you mean "maxWaitTime"?)' },
    ]);
    const good = await runCaptured(['validate', '--format', 'json', '--log-level', 'error'], { cwd: REPO });
    expect(good).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('--format github prints workflow annotations', async () => {
    writeFileSync(join(root, 'queues', 'tier1.yaml'), BAD);
    const r = await runCaptured(['validate', '--format', 'github', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      '::error file=queues/tier1.yaml,line=2,col=14,title=cxq validate%3A maxWaitTime::maxWaitTime: must be <= 7200 (got 9000)',
      '::error file=queues/tier1.yaml,line=3,col=1,title=cxq validate%3A maxWaitTme::maxWaitTme: unknown field "maxWaitTme" (did you mean "maxWaitTime"?)',
      '✗ 2 problems in 1 file (1 file checked)',
      '',
    ]);
  });

  it('rejects an unknown --format with a usage error (exit 1)', async () => {
    const r = await runCaptured(['validate', '--format', 'xml'], { cwd: REPO });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: unknown --format "xml": use one of text, json, github');
  });

  it('exits 1 with a clear message, and no stack trace, for a missing directory', async () => {
    const r = await runCaptured(['validate', '--dir', 'nowhere', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: definitions directory nowhere does not exist');
    expect(r.stderr).toContain('hint: ');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('warns when the directory holds no definition files, and exits 0', async () => {
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: root });
    expect(r).toEqual({ code: 0, stdout: '✓ 0 queues in 0 files are valid\n', stderr: 'warning: no *.yaml or *.yml files under queues\n' });
  });

  it('colours the summary mark only on a TTY without NO_COLOR', async () => {
    const tty = await runCaptured(['validate', '--log-level', 'error'], { cwd: REPO, tty: true });
    expect(tty.stdout).toBe('\u001b[32m✓\u001b[0m 8 queues in 7 files are valid\n');
    const noColor = await runCaptured(['validate', '--log-level', 'error'], { cwd: REPO, tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toBe('✓ 8 queues in 7 files are valid\n');
  });

  it('logs the counts at info on stderr as JSON', async () => {
    const r = await runCaptured(['validate'], { cwd: REPO });
    const line = JSON.parse(r.stderr.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: 'validated definitions', files: 7, definitions: 8, problems: 0 });
  });
});

describe('cxq validate: invisible and confusable characters are warnings', () => {
  const WARN = [
    'id: q-1',
    'name: "Support\\u200b Tier 1"',
    'description: "Billing Sеrvice"',
    'skills:',
    '  - id: "skill_\\u202Eenglish"',
    '    level: basic',
    '',
  ].join('\n');

  it('text: one warning per string at file:line:column, exit 0', async () => {
    writeFileSync(join(root, 'queues', 'tier1.yaml'), WARN);
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'queues/tier1.yaml:2:7 warning: name: contains an invisible zero-width character U+200B at character 8: it reads as ordinary text in a review; remove it unless it is meant (cxq plan shows it escaped)',
    );
    expect(lines[1]).toMatch(/^queues\/tier1\.yaml:3:14 warning: description: contains the word "S\\u0435rvice" at character 9, which mixes Latin with Cyrillic/);
    expect(lines[2]).toMatch(/^queues\/tier1\.yaml:5:9 warning: skills\[0\]\.id: contains a bidirectional control character U\+202E at character 7/);
    expect(lines[3]).toBe('✓ 1 queue in 1 file is valid, 3 warnings');
  });

  it('json: warnings with severity "warning"; github: ::warning annotations', async () => {
    writeFileSync(join(root, 'queues', 'tier1.yaml'), WARN);
    const json = await runCaptured(['validate', '--format', 'json', '--log-level', 'error'], { cwd: root });
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as { severity: string; field: string; line: number }[];
    expect(rows.map((w) => [w.severity, w.field, w.line])).toEqual([
      ['warning', 'name', 2],
      ['warning', 'description', 3],
      ['warning', 'skills[0].id', 5],
    ]);
    const gh = await runCaptured(['validate', '--format', 'github', '--log-level', 'error'], { cwd: root });
    expect(gh.code).toBe(0);
    expect(gh.stdout.split('\n').filter((l) => l.startsWith('::warning file=queues/tier1.yaml,line='))).toHaveLength(3);
    expect(gh.stdout).not.toContain('::error');
  });

  it('a warning does not hide an error: exit 1 with both', async () => {
    writeFileSync(join(root, 'queues', 'tier1.yaml'), `${WARN}maxWaitTime: 9000\n`);
    const r = await runCaptured(['validate', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('maxWaitTime: must be <= 7200');
    expect(r.stdout).toContain('✗ 1 problem in 1 file (1 file checked), 3 warnings');
  });
});
