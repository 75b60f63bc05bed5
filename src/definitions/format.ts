import type { Problem } from '../errors.js';

/** Output formats of `cxq validate --format`. */
export const PROBLEM_FORMATS = ['text', 'json', 'github'] as const;
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** One problem as a line: `queues/tier1.yaml:12:3 maxWaitTime: must be <= 7200 (got 9000)`. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`;
}

/** The problems as a JSON array of `{file, line, column, field, message}` (`[]` when none). */
export function formatProblemsJson(problems: readonly Problem[]): string {
  const rows = problems.map(({ file, line, column, field, message }) => ({ file, line, column, field, message }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/**
 * One problem as a GitHub Actions workflow command, so the problem shows on the pull request's
 * diff: `::error file=…,line=…,col=…,title=…::message`.
 */
export function formatGithubAnnotation(p: Problem): string {
  const props = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.line}`,
    `col=${p.column}`,
    `title=${escapeProperty(`cxq validate: ${p.field}`)}`,
  ].join(',');
  return `::error ${props}::${escapeData(`${p.field}: ${p.message}`)}`;
}

/** Escapes a workflow command's message (GitHub's rules: `%`, CR, LF). */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command property value: as data, plus `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
