import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FileError } from '../errors.js';
import { readJournal } from './journal.js';
import { renderReportMarkdown } from './markdown.js';
import { buildReport } from './report.js';
/** `./cxq-reports/apply-<UTC timestamp>.json` with `:` and `.` replaced so every filesystem takes it. */
export function defaultReportPath(cwd, now) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    return join(cwd, 'cxq-reports', `apply-${stamp}.json`);
}
/** `apply-X.json` → `apply-X.md`. */
export function markdownPathFor(reportPath) {
    return `${reportPath.replace(/\.json$/i, '')}.md`;
}
/**
 * Writes the JSON report and its Markdown rendering, each atomically (temp file in the same
 * directory, then rename), so a reader never sees half a report. Throws `FileError`.
 */
export function writeReportFiles(report, reportPath) {
    const markdown = markdownPathFor(reportPath);
    writeAtomic(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    writeAtomic(markdown, renderReportMarkdown(report));
    return { json: reportPath, markdown };
}
/**
 * Rebuilds the report of a run that crashed from its journal and writes it (to `reportPath`,
 * by default the journal's name with `.json`). Queues whose PUT was sent but never answered are
 * `failed` with code `outcome.unknown`; queues never started are `skipped`.
 */
export function recoverReport(journalFile, reportPath) {
    const report = buildReport(readJournal(journalFile), journalFile);
    const target = reportPath ?? `${journalFile.replace(/\.journal\.jsonl$/i, '')}.json`;
    return { report, ...writeReportFiles(report, target) };
}
function writeAtomic(file, text) {
    const temp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
    try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(temp, text, { flush: true });
        renameSync(temp, file);
    }
    catch (err) {
        removeQuietly(temp);
        const reason = err instanceof Error ? err.message : String(err);
        throw new FileError(file, `cannot write the apply report ${file}: ${reason}`, {
            hint: 'Choose a writable place with --report FILE; the journal next to it still holds the record.',
            cause: err,
        });
    }
}
function removeQuietly(file) {
    try {
        rmSync(file, { force: true });
    }
    catch {
        // The temp file never existed (its directory could not be made): nothing to clean.
    }
}
//# sourceMappingURL=report-file.js.map