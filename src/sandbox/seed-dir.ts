/**
 * Reads the seed definitions directory with the project's own loader, so the sandbox starts from
 * exactly what `cxq validate` accepts.
 */
import type { QueueDefinition } from '../definitions/types.js';
import { validateDirectory } from '../definitions/validate.js';
import { DefinitionError } from '../errors.js';

/**
 * Every valid definition under `dir` (resolved against `cwd`), in file order. Throws FileError
 * when the directory is missing or unreadable, and DefinitionError (every problem) when any
 * definition is invalid: a sandbox seeded from half a directory would mislead.
 */
export async function loadSeedDefinitions(dir: string, cwd: string): Promise<QueueDefinition[]> {
  const result = await validateDirectory(dir, { cwd });
  if (result.problems.length > 0) {
    throw new DefinitionError(result.problems, `${result.problems.length} problem(s) in the seed definitions under ${dir}`);
  }
  return result.definitions.map((d) => d.definition);
}
