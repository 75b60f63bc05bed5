import type { Problem } from '../errors.js';

/** Output formats of `cxq validate --format`. */
export const PROBLEM_FORMATS = ['text', 'json', 'github'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** One problem as a line: `queues/tier1.yaml:12:3 maxWaitTime: must be <= 7200 (got 9000)`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`;
}

/** One warning as a line: `queues/tier1.yaml:3:7 warning: name: contains …`. */
export function formatWarning(w: Problem): string {
  return `${w.file}:${w.line}:${w.column} warning: ${w.field}: ${w.message}`;
}

/**
 * The problems, then the warnings, as one JSON array of `{severity, file, line, column, field,
 * message}` with `severity` `error` or `warning` (as `terraform validate -json` does); `[]` when
 * there is neither. Only errors fail validation.
 */
export function formatProblemsJson(problems: readonly Problem[], warnings: readonly Problem[] = []): string {
  const row = (severity: 'error' | 'warning') => ({ file, line, column, field, message }: Problem) => ({ severity, file, line, column, field, message });
  const rows = [...problems.map(row('error')), ...warnings.map(row('warning'))];
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * One problem as a GitHub Actions workflow command, so the problem shows on the pull request's
 * diff: `::error file=…,line=…,col=…,title=…::message` (`::warning …` for a warning).
 */
export function formatGithubAnnotation(p: Problem, level: 'error' | 'warning' = 'error'): string {
  const props = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.line}`,
    `col=${p.column}`,
    `title=${escapeProperty(`cxq validate: ${p.field}`)}`,
  ].join(',');
  return `::${level} ${props}::${escapeData(`${p.field}: ${p.message}`)}`;
}

/** Escapes a workflow command's message (GitHub's rules: `%`, CR, LF). */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command property value: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
