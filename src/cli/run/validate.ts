import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import {
  PROBLEM_FORMATS,
  formatGithubAnnotation,
  formatProblem,
  formatProblemsJson,
  formatWarning,
  type ProblemFormat,
} from '../../definitions/format.js';
import { displayPath } from '../../definitions/files.js';
import { validateDirectory } from '../../definitions/validate.js';
import type { ValidationResult } from '../../definitions/types.js';
import { EXIT_ERROR, EXIT_OK, useColor, type CliContext } from '../io.js';
import type { ValidateFlags } from '../validate.js';

/**
 * The action of `cxq validate`: checks the definitions offline (no credentials, no network).
 * Exit 0 when every definition is valid (warnings are shown and do not fail), 1 when any problem
 * is found; an unknown format is a
 * UsageError and a missing directory a FileError (both exit 1 via exit.ts).
 */
export async function validateCommand(ctx: CliContext, options: ValidateFlags): Promise<number> {
  const format = parseFormat(options.format);
  const started = performance.now();
  const result = await validateDirectory(options.dir, { cwd: ctx.io.cwd });
  ctx.logger.info(
    { files: result.files, definitions: result.definitions.length, skills: result.skills.length, problems: result.problems.length, warnings: result.warnings.length, ms: Math.round(performance.now() - started) },
    'validated definitions',
  );
  if (result.files === 0) {
    const shown = displayPath(resolve(ctx.io.cwd, options.dir), ctx.io.cwd);
    ctx.io.stderr.write(`warning: no *.yaml or *.yml files under ${shown}\n`);
  }
  ctx.io.stdout.write(render(result, format, useColor(ctx.io)));
  return result.problems.length === 0 ? EXIT_OK : EXIT_ERROR;
}

function parseFormat(value: string): ProblemFormat {
  if ((PROBLEM_FORMATS as readonly string[]).includes(value)) return value as ProblemFormat;
  throw new UsageError(`unknown --format ${JSON.stringify(value)}: use one of ${PROBLEM_FORMATS.join(', ')}`);
}

function render(result: ValidationResult, format: ProblemFormat, color: boolean): string {
  if (format === 'json') return formatProblemsJson(result.problems, result.warnings);
  const lines =
    format === 'github'
      ? [...result.problems.map((p) => formatGithubAnnotation(p)), ...result.warnings.map((w) => formatGithubAnnotation(w, 'warning'))]
      : [...result.problems.map(formatProblem), ...result.warnings.map(formatWarning)];
  lines.push(summary(result, color));
  return lines.map((l) => `${l}\n`).join('');
}

function summary(result: ValidationResult, color: boolean): string {
  const paint = (code: number, s: string): string => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const files = plural(result.files, 'file');
  const warned = result.warnings.length === 0 ? '' : `, ${paint(33, plural(result.warnings.length, 'warning'))}`;
  if (result.problems.length === 0) {
    const queues = result.definitions.length;
    const skills = result.skills.length;
    // A queue-only repository reads exactly as before skills existed.
    const what = skills === 0 ? plural(queues, 'queue') : queues === 0 ? plural(skills, 'skill') : `${plural(queues, 'queue')} and ${plural(skills, 'skill')}`;
    return `${paint(32, '✓')} ${what} in ${files} ${queues + skills === 1 ? 'is' : 'are'} valid${warned}`;
  }
  const problemFiles = new Set(result.problems.map((p) => p.file)).size;
  return `${paint(31, '✗')} ${plural(result.problems.length, 'problem')} in ${plural(problemFiles, 'file')} (${files} checked)${warned}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
