import type { Problem } from '../errors.js';
import { readDefinitionFile, type DefinitionFile } from './files.js';
import { parseDefinitionsText } from './parse.js';
import type { LoadedDefinition } from './types.js';

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
 * its line 1, column 1 (field `(file)`); a file that is not UTF-8, one problem at its first invalid byte.
 */
export function loadFile(file: DefinitionFile): FileResult {
  const outcome = readDefinitionFile(file.path);
  if ('error' in outcome) {
    const at = outcome.line === undefined ? { line: 1, column: 1, field: '(file)' } : { line: outcome.line, column: outcome.column ?? 1, field: '(encoding)' };
    return { documents: [], valid: [], problems: [{ file: file.display, ...at, message: outcome.error }] };
  }
  const parsed = parseDefinitionsText(outcome.text, file.display);
  const validSet = new Set(parsed.definitions);
  const valid: number[] = [];
  parsed.documents.forEach((d, i) => {
    if (validSet.has(d)) valid.push(i);
  });
  return { documents: parsed.documents, valid, problems: parsed.problems };
}

/** Loads files in this thread, one after the other; results in `files` order. */
export function loadFiles(files: readonly DefinitionFile[]): FileResult[] {
  return files.map(loadFile);
}
