import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DefinitionFile } from './files.js';
import { loadFile, loadFiles, type FileResult } from './load.js';
import { decodeResults, type WireResults } from './wire.js';

/** Below this many files, starting a worker costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;
/** Most threads used, the calling thread included. */
const MAX_THREADS = 4;
/** Files claimed at a time: small enough to balance threads, big enough to amortise messages. */
export const BATCH = 16;

const WORKER_URL = new URL('./parse-worker.js', import.meta.url);

/** What a worker is started with (its `workerData`). */
export interface WorkerJob {
  files: readonly DefinitionFile[];
  /** One Int32: the index of the next file nobody has claimed yet, shared by every thread. */
  next: SharedArrayBuffer;
}

/** A worker's messages: results of a run of files, then `done` once the list is exhausted. */
export type WorkerMessage = WireResults | 'done';

/**
 * How many threads to parse with: 1 for small directories, and 1 when running from TypeScript
 * sources (tests), where no compiled worker script exists; otherwise one per core, at most 4.
 */
export function defaultParallelism(fileCount: number): number {
  if (fileCount < PARALLEL_MIN_FILES || !existsSync(fileURLToPath(WORKER_URL))) return 1;
  return Math.max(1, Math.min(MAX_THREADS, availableParallelism()));
}

/**
 * Takes the next {@link BATCH} files off the shared counter; undefined once all are taken.
 * Every thread claims for itself, so a worker never waits for the main thread to hand it work.
 */
export function claimBatch(next: Int32Array, total: number): [number, number] | undefined {
  const start = Atomics.add(next, 0, BATCH);
  return start < total ? [start, Math.min(total, start + BATCH)] : undefined;
}

/**
 * Loads files on `threads` threads: this one plus `threads - 1` workers, all claiming batches of
 * {@link BATCH} files from one shared counter, so a thread that starts late (a worker needs
 * ~0.25 s to load yaml and compile the schema) or runs slow simply takes fewer. YAML parsing is
 * CPU-bound, so this is what makes thousands of definitions fast on a multi-core machine.
 * Results come back in `files` order, identical to a sequential load. A file whose worker could
 * not start or died is loaded here at the end; never throws.
 */
export async function loadFilesParallel(files: readonly DefinitionFile[], threads: number): Promise<FileResult[]> {
  if (threads <= 1) return loadFiles(files);
  const results = new Array<FileResult | undefined>(files.length);
  const job: WorkerJob = { files, next: new SharedArrayBuffer(4) };
  const next = new Int32Array(job.next);
  const workers = Array.from({ length: threads - 1 }, () => runWorker(job, results));
  for (let batch = claimBatch(next, files.length); batch; batch = claimBatch(next, files.length)) {
    for (let i = batch[0]; i < batch[1]; i++) results[i] = loadFile(files[i]!);
    // Let worker answers in as they come, so that unpacking them overlaps the workers' parsing.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  // Files claimed by a worker that failed have no result yet.
  return results.map((r, i) => r ?? loadFile(files[i]!));
}

/** Runs one worker; resolves once it has sent everything, or has failed (its files stay unset). */
function runWorker(job: WorkerJob, results: (FileResult | undefined)[]): Promise<void> {
  return new Promise<void>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_URL, { workerData: job });
    } catch {
      resolve();
      return;
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message === 'done') {
        void worker.terminate();
        resolve();
        return;
      }
      const decoded = decodeResults(message, (i) => job.files[i]!.display);
      decoded.forEach((r, k) => (results[message.start + k] = r));
    });
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
}
