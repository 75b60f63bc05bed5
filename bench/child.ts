/**
 * Runs a bench script in a fresh Node process (so its peak RSS is its own) and takes the last line
 * of its stdout as its JSON result; the lines before it are echoed, indented, as progress.
 */
import { spawn } from 'node:child_process';

/** What a child produced: its parsed last line, or why there is none. */
export type ChildResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Spawns `node <script> ...args`, kills it (SIGKILL) after `timeoutMs`. Never rejects: a child that
 * fails to start, is killed or prints no JSON last line gives `{ ok: false, reason }` with the tail
 * of its stderr. A child that printed its JSON row and then exited non-zero still yields the row.
 */
export function runJsonChild(script: string, args: readonly string[], timeoutMs: number): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, reason: `could not start: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = out.trim().split('\n');
      const last = lines.pop() ?? '';
      for (const l of lines) process.stdout.write(`  ${l}\n`);
      try {
        resolve({ ok: true, value: JSON.parse(last) as unknown });
      } catch {
        const why = signal !== null ? `killed (${signal}) after ${timeoutMs / 1000} s` : `exit ${String(code)}`;
        resolve({ ok: false, reason: `${why}, no result: ${err.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}
