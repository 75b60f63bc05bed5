/**
 * Worker-thread entry of the parallel loader (see parallel.ts): loads each batch of files it is
 * sent and answers with their results. Holds no state and touches nothing but those files; the
 * parent terminates it when the work runs out.
 */
import { parentPort } from 'node:worker_threads';
import type { DefinitionFile } from './files.js';
import { loadFiles } from './load.js';

parentPort?.on('message', (batch: DefinitionFile[]) => {
  parentPort?.postMessage(loadFiles(batch));
});
