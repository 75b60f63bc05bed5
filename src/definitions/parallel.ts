import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DefinitionFile } from './files.js';
import { loadFile, loadFiles, type FileResult } from './load.js';

/** Below this many files, starting a worker costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;
/** Most threads used, the calling thread included. */
const MAX_THREADS = 4;
/** Files handed out at a time: small enough to balance threads, big enough to amortise messages. */
const BATCH = 20;

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
 * Loads files on `threads` threads: this one plus `threads - 1` workers, all taking batches of
 * {@link BATCH} files from one queue, so a thread that starts late or runs slow simply takes
 * fewer. YAML parsing is CPU-bound, so this is what makes thousands of definitions fast on a
 * multi-core machine. Results come back in `files` order, identical to a sequential load. A
 * worker that cannot start or dies has its batch loaded here instead; never throws.
 */
export async function loadFilesParallel(files: readonly DefinitionFile[], threads: number): Promise<FileResult[]> {
  if (threads <= 1) return loadFiles(files);
  const results = new Array<FileResult>(files.length);
  let next = 0;
  const take = (): [number, number] | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + BATCH);
    return [start, next];
  };
  const workers = Array.from({ length: threads - 1 }, () => runWorker(files, take, results));
  for (let batch = take(); batch; batch = take()) {
    for (let i = batch[0]; i < batch[1]; i++) results[i] = loadFile(files[i]!);
    // Let worker answers in, so that idle workers get their next batch.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return results;
}

/** Feeds one worker batches until the queue is empty; resolves when it has nothing in flight. */
function runWorker(
  files: readonly DefinitionFile[],
  take: () => [number, number] | undefined,
  results: FileResult[],
): Promise<void> {
  return new Promise<void>((resolve) => {
    let inFlight = take();
    if (inFlight === undefined) return resolve();
    let worker: Worker;
    const finish = (): void => {
      inFlight = undefined;
      void worker.terminate();
      resolve();
    };
    const fallback = (): void => {
      // The worker failed: load its batch here; the queue's remaining batches go to the others.
      if (inFlight) for (let i = inFlight[0]; i < inFlight[1]; i++) results[i] = loadFile(files[i]!);
      inFlight = undefined;
      resolve();
    };
    try {
      worker = new Worker(WORKER_URL);
    } catch {
      fallback();
      return;
    }
    worker.on('message', (batchResults: FileResult[]) => {
      if (!inFlight) return;
      batchResults.forEach((r, k) => (results[inFlight![0] + k] = r));
      inFlight = take();
      if (inFlight) worker.postMessage(files.slice(inFlight[0], inFlight[1]));
      else finish();
    });
    worker.once('error', fallback);
    worker.once('exit', fallback);
    worker.postMessage(files.slice(inFlight[0], inFlight[1]));
  });
}
