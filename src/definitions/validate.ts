import { resolve } from 'node:path';
import type { Problem } from '../errors.js';
import { listDefinitionFiles } from './files.js';
import { defaultParallelism, loadFilesParallel } from './parallel.js';
import { sortProblems } from './order.js';
import { checkRules, checkSkillRules } from './rules.js';
import type { LoadedDefinition, LoadedSkillDefinition, ValidationResult } from './types.js';
import { unicodeWarnings } from './warnings.js';

export { compareProblems, sortProblems } from './order.js';

/** Options of {@link validateDirectory}. */
export interface ValidateOptions {
  /** Directory that `dir` and every reported path are relative to. */
  cwd: string;
  /** Threads to parse with; default: one per core for 200+ files, else 1. */
  parallelism?: number;
}

/**
 * Loads and validates every definition under `dir` (resolved against `options.cwd`): each
 * `*.yaml`/`*.yml` file recursively in sorted path order, each YAML document one queue (or one
 * skill with `kind: Skill`), then the cross-file rules of each kind. Returns the valid definitions
 * of each kind (in file order: `definitions` queues, `skills` skills) and every problem, sorted by
 * file, line and column, with paths relative to `options.cwd`, and every warning (invisible or
 * confusable characters; see warnings.ts), which never make the result invalid. Offline and read-only.
 * Throws FileError only when `dir` itself is missing or unreadable; an unreadable or over-1-MiB
 * file is a problem at its line 1, column 1.
 */
export async function validateDirectory(dir: string, options: ValidateOptions): Promise<ValidationResult> {
  const files = await listDefinitionFiles(resolve(options.cwd, dir), options.cwd);
  const threads = options.parallelism ?? defaultParallelism(files.length);
  const results = await loadFilesParallel(files, threads);
  const valid = new Set<LoadedDefinition | LoadedSkillDefinition>();
  const documents: LoadedDefinition[] = [];
  const skillDocuments: LoadedSkillDefinition[] = [];
  const problems: Problem[] = [];
  for (const result of results) {
    for (const i of result.valid) valid.add(result.documents[i]!);
    for (const d of result.documents) documents.push(d);
    for (const p of result.problems) problems.push(p);
    if (result.skills === undefined) continue;
    for (const i of result.skills.valid) valid.add(result.skills.documents[i]!);
    for (const d of result.skills.documents) skillDocuments.push(d);
  }
  const rules = checkRules(documents);
  const skillRules = checkSkillRules(skillDocuments);
  for (const p of rules.problems) problems.push(p);
  for (const p of skillRules.problems) problems.push(p);
  return {
    definitions: documents.filter((d) => valid.has(d) && !rules.invalid.has(d)),
    skills: skillDocuments.filter((d) => valid.has(d) && !skillRules.invalid.has(d)),
    problems: sortProblems(problems),
    warnings: unicodeWarnings([...documents, ...skillDocuments]),
    files: files.length,
  };
}
