import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';

const REPO = resolve(import.meta.dirname, '../..');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cxq-cli-validate-skills-'));
  mkdirSync(join(root, 'defs'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('cxq validate with Skill definitions', () => {
  it('counts skills on the admin examples', async () => {
    const r = await runCaptured(['validate', '--dir', 'examples/admin/skills', '--log-level', 'error'], { cwd: REPO, env: {} });
    expect(r).toEqual({ code: 0, stdout: '✓ 6 skills in 5 files are valid\n', stderr: '' });
  });

  it('counts both kinds, and one skill reads in the singular', async () => {
    writeFileSync(join(root, 'defs', 'a.yaml'), 'name: Q1\n---\nkind: Queue\nname: Q2\n---\nkind: Skill\nskillName: S\n');
    expect((await runCaptured(['validate', '--dir', 'defs', '--log-level', 'error'], { cwd: root })).stdout).toBe('✓ 2 queues and 1 skill in 1 file are valid\n');
    writeFileSync(join(root, 'defs', 'a.yaml'), 'kind: Skill\nskillName: S\n');
    expect((await runCaptured(['validate', '--dir', 'defs', '--log-level', 'error'], { cwd: root })).stdout).toBe('✓ 1 skill in 1 file is valid\n');
  });

  it('prints skill problems as file:line:column field: message and exits 1', async () => {
    writeFileSync(join(root, 'defs', 's.yaml'), 'kind: Skill\nskillName: S\nserviceLevelGoal: 120\nmediaTypeName: Phone\n---\nkind: Skil\n');
    const r = await runCaptured(['validate', '--dir', 'defs', '--log-level', 'error'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'defs/s.yaml:3:19 serviceLevelGoal: must be <= 100 (got 120)',
        'defs/s.yaml:4:1 mediaTypeName: unknown field "mediaTypeName": mediaTypeName is read-only: the platform derives it from mediaTypeId; remove it from the definition',
        'defs/s.yaml:6:7 kind: unknown kind "Skil" (did you mean "Skill"?): a document is a Queue (the default when kind is left out) or a Skill',
        '✗ 3 problems in 1 file (1 file checked)',
        '',
      ].join('\n'),
    );
  });
});
