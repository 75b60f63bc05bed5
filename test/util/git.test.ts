import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitCommit } from '../../src/util/git.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);
const SHA256 = '0123456789abcdef'.repeat(4);

let root: string;
/** The walk up never leaves `root`, whatever the machine holds above the temp directory. */
let env: Record<string, string>;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cxq-git-'));
  env = { GIT_CEILING_DIRECTORIES: root };
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes `files` (path relative to `root` → content) and returns the absolute path of `dir`. */
async function tree(files: Record<string, string>, dir = 'repo'): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await mkdir(join(root, dir), { recursive: true });
  return join(root, dir);
}

describe('gitCommit from the environment', () => {
  it('prefers CXQ_GIT_COMMIT over the CI variables and the repository', async () => {
    const repo = await tree({ 'repo/.git/HEAD': `${C}\n` });
    expect(await gitCommit(repo, { ...env, CXQ_GIT_COMMIT: A, GITHUB_SHA: B, CI_COMMIT_SHA: C })).toBe(A);
  });

  it('takes GITHUB_SHA, then CI_COMMIT_SHA, before reading .git', async () => {
    const repo = await tree({ 'repo/.git/HEAD': `${C}\n` });
    expect(await gitCommit(repo, { ...env, GITHUB_SHA: B, CI_COMMIT_SHA: A })).toBe(B);
    expect(await gitCommit(repo, { ...env, CI_COMMIT_SHA: A })).toBe(A);
  });

  it('accepts SHA-256 names and upper case, answering lower case', async () => {
    expect(await gitCommit(root, { ...env, CXQ_GIT_COMMIT: SHA256 })).toBe(SHA256);
    expect(await gitCommit(root, { ...env, GITHUB_SHA: ` ${A.toUpperCase()}\n` })).toBe(A);
  });

  it('ignores a value that is not a full hex sha and tries the next source', async () => {
    const repo = await tree({ 'repo/.git/HEAD': `${C}\n` });
    expect(await gitCommit(repo, { ...env, CXQ_GIT_COMMIT: 'abc123', GITHUB_SHA: '' })).toBe(C);
    expect(await gitCommit(root, { ...env, CXQ_GIT_COMMIT: 'main', CI_COMMIT_SHA: 'z'.repeat(40) })).toBeNull();
  });
});

describe('gitCommit reading .git without a git binary', () => {
  it('reads a detached HEAD, also from a subdirectory of the checkout', async () => {
    await tree({ 'repo/.git/HEAD': `${A}\n` });
    expect(await gitCommit(await tree({}, 'repo/queues/team'), env)).toBe(A);
  });

  it('follows HEAD to a loose ref', async () => {
    const repo = await tree({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.git/refs/heads/main': `${B}\n` });
    expect(await gitCommit(repo, env)).toBe(B);
  });

  it('finds a packed ref, skipping the header and the peeled lines of annotated tags', async () => {
    const packed = ['# pack-refs with: peeled fully-peeled sorted', `${A} refs/tags/v1`, `^${C}`, `${B} refs/heads/main`, ''].join('\n');
    const repo = await tree({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.git/packed-refs': packed });
    expect(await gitCommit(repo, env)).toBe(B);
  });

  it('prefers a loose ref to a stale packed one, as git does', async () => {
    const repo = await tree({
      'repo/.git/HEAD': 'ref: refs/heads/main\n',
      'repo/.git/refs/heads/main': `${A}\n`,
      'repo/.git/packed-refs': `${B} refs/heads/main\n`,
    });
    expect(await gitCommit(repo, env)).toBe(A);
  });

  it('reads a worktree: a .git file naming its gitdir, whose commondir holds the branch', async () => {
    const wt = await tree({
      'main/.git/HEAD': 'ref: refs/heads/main\n',
      'main/.git/packed-refs': `${A} refs/heads/main\n${B} refs/heads/feature\n`,
      'main/.git/worktrees/wt/HEAD': 'ref: refs/heads/feature\n',
      'main/.git/worktrees/wt/commondir': '../..\n',
      'wt/.git': `gitdir: ${join(root, 'main/.git/worktrees/wt')}\n`,
    }, 'wt');
    expect(await gitCommit(wt, env)).toBe(B);
    expect(await gitCommit(join(root, 'main'), env)).toBe(A);
  });

  it('reads a submodule: a relative gitdir and no commondir', async () => {
    const sub = await tree({
      'super/.git/modules/lib/HEAD': 'ref: refs/heads/main\n',
      'super/.git/modules/lib/refs/heads/main': `${C}\n`,
      'super/lib/.git': 'gitdir: ../.git/modules/lib\n',
    }, 'super/lib');
    expect(await gitCommit(sub, env)).toBe(C);
  });

  it('answers null outside a repository and for a missing directory', async () => {
    expect(await gitCommit(await tree({}, 'plain'), env)).toBeNull();
    expect(await gitCommit(join(root, 'missing'), env)).toBeNull();
  });

  it('answers null for damage instead of throwing', async () => {
    const cases: Record<string, string>[] = [
      { 'repo/.git/HEAD': 'not a head\n' },
      { 'repo/.git/HEAD': `${A.slice(0, 39)}\n` },
      { 'repo/.git/HEAD': 'ref: refs/heads/unborn\n' },
      { 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/.git/refs/heads/main': 'garbage\n' },
      { 'repo/.git/HEAD': 'ref: refs/heads/a\n', 'repo/.git/refs/heads/a': 'ref: refs/heads/b\n', 'repo/.git/refs/heads/b': 'ref: refs/heads/a\n' },
      { 'repo/.git/HEAD': 'ref: refs/../../outside\n', 'repo/outside': `${A}\n` },
      { 'repo/.git': 'not a gitdir line\n' },
      { 'repo/.git': `gitdir: ${join(root, 'nowhere')}\n` },
      { 'repo/.git/config': '' },
    ];
    for (const files of cases) {
      await rm(join(root, 'repo'), { recursive: true, force: true });
      expect(await gitCommit(await tree(files), env), JSON.stringify(files)).toBeNull();
    }
  });

  it('agrees with `git rev-parse HEAD` on this checkout', async () => {
    const checkout = fileURLToPath(new URL('../..', import.meta.url));
    const expected = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: checkout, encoding: 'utf8' }).trim();
    expect(await gitCommit(checkout, {})).toBe(expected);
  });
});
