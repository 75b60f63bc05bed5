import { execFile } from 'node:child_process';

/**
 * The commit checked out in `cwd` (`git rev-parse HEAD`), or `null` when `cwd` is not inside a git
 * repository, the repository has no commit yet, or git is not installed. Never throws: the commit
 * is provenance for saved plans, not something a plan depends on.
 */
export function gitCommit(cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['rev-parse', 'HEAD'], { cwd, timeout: 10_000, windowsHide: true }, (err, stdout) => {
        const sha = String(stdout ?? '').trim();
        resolve(err === null && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null);
      });
    } catch {
      resolve(null);
    }
  });
}
