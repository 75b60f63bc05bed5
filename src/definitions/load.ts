import type { Problem } from '../errors.js';
import { readDefinitionFile, type DefinitionFile } from './files.js';
import { parseDefinitionsText } from './parse.js';
import type { LoadedDefinition } from './types.js';

/** Files read at once: enough to hide disk latency, few enough never to run out of descriptors. */
const READ_CONCURRENCY = 16;

/**
 * What one file yields, in a form that survives a copy between threads: every mapping document
 * read as data (`documents`), the indexes of those that passed the schema (`valid`), and the
 * file's problems.
 */
export interface FileResult {
  documents: LoadedDefinition[];
  valid: number[];
  problems: Problem[];
}

/**
 * Reads and parses one file. Never throws: an unreadable or over-1-MiB file is one problem at
 * its line 1, column 1 (field `(file)`).
 */
export async function loadFile(file: DefinitionFile): Promise<FileResult> {
  const outcome = await readDefinitionFile(file.path);
  if ('error' in outcome) {
    return { documents: [], valid: [], problems: [{ file: file.display, line: 1, column: 1, field: '(file)', message: outcome.error }] };
  }
  const parsed = parseDefinitionsText(outcome.text, file.display);
  const validSet = new Set(parsed.definitions);
  const valid: number[] = [];
  parsed.documents.forEach((d, i) => {
    if (validSet.has(d)) valid.push(i);
  });
  return { documents: parsed.documents, valid, problems: parsed.problems };
}

/** Loads files in this thread, a few reads in flight at once; results in `files` order. */
export async function loadFiles(files: readonly DefinitionFile[]): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await loadFile(files[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return results;
}
