import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DefinitionFile } from './files.js';
import { loadFiles, type FileResult } from './load.js';

/** Below this many files, starting a worker costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;
/** Most threads used, the calling thread included. */
const MAX_THREADS = 4;

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/**
 * How many threads to parse with: 1 for small directories, and 1 when running from TypeScript
 * sources (tests), where no compiled worker script exists; otherwise one per core, at most 4.
 */
export function defaultParallelism(fileCount: number): number {
  if (fileCount < PARALLEL_MIN_FILES || !existsSync(fileURLToPath(WORKER_URL))) return 1;
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/**
 * Loads files on `threads` threads: this one plus `threads - 1` workers, files dealt out in turn.
 * YAML parsing is CPU-bound and single-threaded, so this is what makes thousands of definitions
 * fast on a multi-core machine. Results come back in `files` order, identical to a sequential
 * load. A worker that fails (cannot start, crashes) has its share loaded here instead; never throws.
 */
export async function loadFilesParallel(files: readonly DefinitionFile[], threads: number): Promise<FileResult[]> {
  if (threads <= 1) return Promise.resolve(loadFiles(files));
  const shares = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  // Workers start first, so they boot while this thread works through its own share.
  const pending = shares.slice(1).map(loadInWorker);
  const own = loadFiles(shares[0]!);
  const loaded = [own, ...(await Promise.all(pending))];
  const results = new Array<FileResult>(files.length);
  loaded.forEach((share, t) => share.forEach((r, k) => (results[k * threads + t] = r)));
  return results;
}

function loadInWorker(files: DefinitionFile[]): Promise<FileResult[]> {
  return new Promise<FileResult[]>((resolve) => {
    let settled = false;
    const fallback = (): void => {
      if (settled) return;
      settled = true;
      resolve(loadFiles(files));
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: { files } });
    } catch {
      fallback();
      return;
    }
    worker.once('message', (results: FileResult[]) => {
      settled = true;
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
  });
}
