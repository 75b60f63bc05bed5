import type { Problem } from '../errors.js';
import type { AnyLoadedDefinition } from '../definitions/types.js';
import { fieldName, pointerSegments } from '../definitions/positions.js';
import { compareStrings } from '../util/canonical-json.js';

/**
 * A Problem located at `pointer` in the definition's file (`/skills/0/id`), falling back to the
 * start of the definition's document when the field has no recorded location. `field` is in the
 * notation `cxq validate` prints (`skills[0].id`, `(document)` for the empty pointer).
 */
export function problemAt(def: AnyLoadedDefinition, pointer: string, message: string): Problem {
  const loc = def.fieldLocations.at(pointer) ?? def.location;
  return { file: loc.file, line: loc.line, column: loc.column, field: fieldName(pointerSegments(pointer)), message };
}

/** Problems in reading order: file, line, column, then message. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.message, b.message),
  );
}

/** `file:line:column` of a definition, for messages that point at another definition. */
export function where(def: AnyLoadedDefinition): string {
  return `${def.location.file}:${def.location.line}:${def.location.column}`;
}
