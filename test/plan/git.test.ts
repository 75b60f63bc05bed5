import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitCommit } from '../../src/util/git.js';

// Self-contained: a repository made here, not the checkout's own .git (a tarball or a worktree
// must pass too), and git kept from walking up out of the scratch directory (TMPDIR may sit inside
// some repository). No global git config is needed: the identity is given on the command line.
let dir: string;
let ceiling: string | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cxq-git-'));
  ceiling = process.env['GIT_CEILING_DIRECTORIES'];
  process.env['GIT_CEILING_DIRECTORIES'] = dir;
});
afterEach(async () => {
  if (ceiling === undefined) delete process.env['GIT_CEILING_DIRECTORIES'];
  else process.env['GIT_CEILING_DIRECTORIES'] = ceiling;
  await rm(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=cxq test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();
}

describe('gitCommit', () => {
  it('returns the HEAD commit inside a repository, from a subdirectory too', async () => {
    const repo = join(dir, 'repo');
    git(dir, 'init', '-q', repo);
    await writeFile(join(repo, 'a.yaml'), 'name: A\n');
    git(repo, 'add', 'a.yaml');
    git(repo, 'commit', '-q', '-m', 'first');
    const head = git(repo, 'rev-parse', 'HEAD');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitCommit(repo)).toBe(head);
    await mkdir(join(repo, 'queues'));
    expect(await gitCommit(join(repo, 'queues'))).toBe(head);
  });

  it('returns null in a repository without a commit yet', async () => {
    git(dir, 'init', '-q', join(dir, 'empty'));
    expect(await gitCommit(join(dir, 'empty'))).toBeNull();
  });

  it('returns null outside a repository, and for a missing directory, without throwing', async () => {
    expect(await gitCommit(dir)).toBeNull();
    expect(await gitCommit(join(dir, 'missing'))).toBeNull();
  });
});
