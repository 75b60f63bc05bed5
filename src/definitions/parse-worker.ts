/**
 * Worker-thread entry of the parallel loader (see parallel.ts): claims batches of files from the
 * shared counter until none are left, loading each and sending its results in the compact wire
 * form, then says `done`. Holds no state and touches nothing but those files; the parent
 * terminates it after `done`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFiles } from './load.js';
import { claimBatch, type WorkerJob, type WorkerMessage } from './parallel.js';
import { encodeResults, transferList } from './wire.js';

const { files, next } = workerData as WorkerJob;
const counter = new Int32Array(next);
for (let batch = claimBatch(counter, files.length); batch; batch = claimBatch(counter, files.length)) {
  const wire = encodeResults(batch[0], loadFiles(files.slice(batch[0], batch[1])));
  parentPort?.postMessage(wire satisfies WorkerMessage, transferList(wire));
}
parentPort?.postMessage('done' satisfies WorkerMessage);
