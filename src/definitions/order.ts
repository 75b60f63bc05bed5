import type { Problem } from '../errors.js';

/** Orders two problems by file (code-point order), line, column, then field: stable on every machine. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}

/** The problems in reading order (a sorted copy; equal keys keep their order). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}
