import { readFile, stat } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';

/** The environment `gitCommit` reads; the CLI passes `ctx.io.env`, never `process.env` directly. */
export type GitEnv = Readonly<Record<string, string | undefined>>;

/**
 * Variables that name the commit, in the order they are believed: our own override first, then
 * what CI systems set for the commit they checked out (GitHub Actions, GitLab CI).
 */
export const COMMIT_ENV_VARS = ['CXQ_GIT_COMMIT', 'GITHUB_SHA', 'CI_COMMIT_SHA'] as const;

/** A full object name: SHA-1 (40 hex) or SHA-256 (64 hex). Abbreviated names are not provenance. */
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Symbolic refs point at refs; more hops than this is a loop or damage, not a repository. */
const MAX_REF_HOPS = 5;

/**
 * The commit the run works from, or `null` when it cannot be known. In order:
 * 1. `CXQ_GIT_COMMIT`, then `GITHUB_SHA`, then `CI_COMMIT_SHA` from `env` (a value that is not a
 *    full hex sha is ignored and the next source is tried);
 * 2. the repository around `cwd`, read from `.git` directly — no git binary is run, so it works in
 *    the Docker image (no git installed) and is untouched by git's "dubious ownership" check when
 *    the checkout belongs to another uid. Handles a `.git` directory, a `.git` file (`gitdir: …`,
 *    as worktrees and submodules have, with `commondir` for worktrees), a detached HEAD, loose
 *    refs and `packed-refs`. The walk up from `cwd` stops below any `GIT_CEILING_DIRECTORIES`.
 *
 * Never throws: the commit is provenance for saved plans and reports, not something they depend
 * on. An unborn branch, a reftable repository or a damaged `.git` give `null`.
 */
export async function gitCommit(cwd: string, env: GitEnv): Promise<string | null> {
  for (const name of COMMIT_ENV_VARS) {
    const sha = asSha(env[name]);
    if (sha !== null) return sha;
  }
  try {
    const dirs = await findGitDirs(resolve(cwd), ceilings(env));
    return dirs === null ? null : await readHead(dirs);
  } catch {
    return null;
  }
}

interface GitDirs {
  /** Per-worktree files: HEAD and the worktree's own refs. */
  gitDir: string;
  /** Shared files: refs/heads, refs/tags, packed-refs (the same as gitDir outside worktrees). */
  commonDir: string;
}

function asSha(value: string | undefined): string | null {
  const sha = value?.trim().toLowerCase() ?? '';
  return FULL_SHA.test(sha) ? sha : null;
}

function ceilings(env: GitEnv): Set<string> {
  const raw = env['GIT_CEILING_DIRECTORIES'] ?? '';
  return new Set(raw.split(delimiter).filter((p) => p !== '' && isAbsolute(p)).map((p) => resolve(p)));
}

/** Walks up from `start` to the first `.git` (directory or `gitdir:` file), as git does. */
async function findGitDirs(start: string, ceiling: Set<string>): Promise<GitDirs | null> {
  for (let dir = start; ; ) {
    const dotGit = join(dir, '.git');
    const info = await stat(dotGit).catch(() => null);
    if (info?.isDirectory() === true) return withCommonDir(dotGit);
    if (info?.isFile() === true) {
      const target = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'))?.[1];
      return target === undefined ? null : withCommonDir(resolve(dir, target));
    }
    const parent = dirname(dir);
    if (parent === dir || ceiling.has(parent)) return null;
    dir = parent;
  }
}

async function withCommonDir(gitDir: string): Promise<GitDirs> {
  const common = await readSmall(join(gitDir, 'commondir'));
  return { gitDir, commonDir: common === null ? gitDir : resolve(gitDir, common) };
}

/** HEAD is a sha (detached) or `ref: refs/…`, which may point at further symbolic refs. */
async function readHead(dirs: GitDirs): Promise<string | null> {
  let content = await readSmall(join(dirs.gitDir, 'HEAD'));
  for (let hop = 0; content !== null && hop <= MAX_REF_HOPS; hop++) {
    const sha = asSha(content);
    if (sha !== null) return sha;
    const ref = /^ref:\s*(\S+)$/.exec(content)?.[1];
    if (ref === undefined || !isSafeRefName(ref)) return null;
    content = await readRef(dirs, ref);
  }
  return null;
}

/** A loose ref (the worktree's own first, then the shared one), else its line in packed-refs. */
async function readRef(dirs: GitDirs, ref: string): Promise<string | null> {
  for (const base of new Set([dirs.gitDir, dirs.commonDir])) {
    const loose = await readSmall(join(base, ref));
    if (loose !== null) return loose;
  }
  return packedRef(await readSmall(join(dirs.commonDir, 'packed-refs')), ref);
}

/**
 * `packed-refs` lines are `<sha> <refname>`; `#` starts the header and `^<sha>` is the peeled
 * commit of the annotated tag above it, neither of which names a ref.
 */
export function packedRef(text: string | null, ref: string): string | null {
  for (const line of (text ?? '').split('\n')) {
    if (line.startsWith('#') || line.startsWith('^')) continue;
    const [sha, name] = line.trim().split(/\s+/);
    if (name === ref && sha !== undefined) return sha;
  }
  return null;
}

/** Refs are read as paths below the git directory, so a name may not climb out of it. */
function isSafeRefName(ref: string): boolean {
  return ref.startsWith('refs/') && !ref.split('/').some((part) => part === '' || part === '.' || part === '..') && !ref.includes('\\');
}

/** A small text file, trimmed; `null` when it is missing or unreadable. */
async function readSmall(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return null;
  }
}
