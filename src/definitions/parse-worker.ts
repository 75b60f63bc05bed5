/**
 * Worker-thread entry of the parallel loader (see parallel.ts): loads the files it is given and
 * posts their results back in one message. Holds no state and touches nothing but those files.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DefinitionFile } from './files.js';
import { loadFiles } from './load.js';

const files = (workerData as { files: DefinitionFile[] }).files;
parentPort?.postMessage(loadFiles(files));
