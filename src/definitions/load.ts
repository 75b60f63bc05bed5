import type { Problem } from '../errors.js';
import { readDefinitionFile, type DefinitionFile } from './files.js';
import { parseDefinitionsText } from './parse.js';
import type { LoadedDefinition, LoadedSkillDefinition } from './types.js';

/**
 * What one file yields, in a form that survives a copy between threads: every mapping document
 * read as data (`documents`), the indexes of those that passed the schema (`valid`), and the
 * file's problems.
 */
export interface FileResult {
  documents: LoadedDefinition[];
  valid: number[];
  problems: Problem[];
  /** The file's `kind: Skill` documents and the indexes of the valid ones; only when it has any. */
  skills?: { documents: LoadedSkillDefinition[]; valid: number[] };
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
  const result: FileResult = { documents: parsed.documents, valid: validIndexes(parsed.documents, parsed.definitions), problems: parsed.problems };
  if (parsed.skills) {
    const { documents, definitions } = parsed.skills;
    result.skills = { documents, valid: validIndexes(documents, definitions) };
  }
  return result;
}

/** Indexes in `documents` of the ones in `valid`. */
function validIndexes<T>(documents: readonly T[], valid: readonly T[]): number[] {
  const validSet = new Set(valid);
  const out: number[] = [];
  documents.forEach((d, i) => {
    if (validSet.has(d)) out.push(i);
  });
  return out;
}

/** Loads files in this thread, one after the other; results in `files` order. */
export function loadFiles(files: readonly DefinitionFile[]): FileResult[] {
  return files.map(loadFile);
}
