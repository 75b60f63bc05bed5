import { resolve } from 'node:path';
import { listDefinitionFiles, readDefinitionFile } from './files.js';
import { parseDefinitionsText } from './parse.js';
import { checkRules } from './rules.js';
/** Files read at once: enough to hide disk latency, few enough never to run out of descriptors. */
const READ_CONCURRENCY = 16;
/**
 * Loads and validates every definition under `dir` (resolved against `options.cwd`): each
 * `*.yaml`/`*.yml` file recursively in sorted path order, each YAML document one queue, then the
 * cross-file rules. Returns the valid definitions (in file order) and every problem, sorted by
 * file, line and column, with paths relative to `options.cwd`. Offline and read-only.
 * Throws FileError only when `dir` itself is missing or unreadable; an unreadable or over-1-MiB
 * file is a problem at its line 1, column 1.
 */
export async function validateDirectory(dir, options) {
    const files = await listDefinitionFiles(resolve(options.cwd, dir), options.cwd);
    const texts = await mapLimited(files, READ_CONCURRENCY, (f) => readDefinitionFile(f.path));
    const valid = new Set();
    const documents = [];
    const problems = [];
    files.forEach((file, i) => {
        const outcome = texts[i];
        if ('error' in outcome) {
            problems.push({ file: file.display, line: 1, column: 1, field: '(file)', message: outcome.error });
            return;
        }
        const parsed = parseDefinitionsText(outcome.text, file.display);
        parsed.definitions.forEach((d) => valid.add(d));
        documents.push(...parsed.documents);
        problems.push(...parsed.problems);
    });
    const rules = checkRules(documents);
    problems.push(...rules.problems);
    return {
        definitions: documents.filter((d) => valid.has(d) && !rules.invalid.has(d)),
        problems: sortProblems(problems),
        files: files.length,
    };
}
/** Problems in reading order: by file (code-point order), line, column, then field. */
export function sortProblems(problems) {
    return [...problems].sort(compareProblems);
}
/** Orders two problems by file, line, column, then field (a stable, machine-independent order). */
export function compareProblems(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    if (a.line !== b.line)
        return a.line - b.line;
    if (a.column !== b.column)
        return a.column - b.column;
    return a.field < b.field ? -1 : a.field > b.field ? 1 : 0;
}
async function mapLimited(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
//# sourceMappingURL=validate.js.map