import { join } from 'node:path';
import { writeFileAtomicSync } from '../util/write-atomic.js';
import { readJournal } from './journal.js';
import { renderReportMarkdown } from './markdown.js';
import { buildReport } from './report.js';
import type { ApplyReport } from './types.js';

const REPORT_HINT = 'Choose a writable place with --report FILE; the journal next to it still holds the record.';

/** `./cxq-reports/apply-<UTC timestamp>.json` with `:` and `.` replaced so every filesystem takes it. */
export function defaultReportPath(cwd: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(cwd, 'cxq-reports', `apply-${stamp}.json`);
}

/** `apply-X.json` → `apply-X.md`. */
export function markdownPathFor(reportPath: string): string {
  return `${reportPath.replace(/\.json$/i, '')}.md`;
}

/**
 * Writes the JSON report and its Markdown rendering, each atomically (temp file in the same
 * directory, then rename), so a reader never sees half a report. Throws `FileError`.
 */
export function writeReportFiles(report: ApplyReport, reportPath: string): { json: string; markdown: string } {
  const markdown = markdownPathFor(reportPath);
  writeFileAtomicSync(reportPath, `${JSON.stringify(report, null, 2)}\n`, REPORT_HINT);
  writeFileAtomicSync(markdown, renderReportMarkdown(report), REPORT_HINT);
  return { json: reportPath, markdown };
}

/**
 * Rebuilds the report of a run that crashed from its journal and writes it (to `reportPath`,
 * by default the journal's name with `.json`). Queues whose PUT was sent but never answered are
 * `failed` with code `outcome.unknown`; queues never started are `skipped`.
 */
export function recoverReport(journalFile: string, reportPath?: string): { report: ApplyReport; json: string; markdown: string } {
  const report = buildReport(readJournal(journalFile), journalFile);
  const target = reportPath ?? `${journalFile.replace(/\.journal\.jsonl$/i, '')}.json`;
  return { report, ...writeReportFiles(report, target) };
}
