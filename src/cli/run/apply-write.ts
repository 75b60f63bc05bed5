import { resolve } from 'node:path';
import { journalPathFor, Journal } from '../../apply/journal.js';
import { buildReport } from '../../apply/report.js';
import { defaultReportPath, writeReportFiles } from '../../apply/report-file.js';
import { renderApplySummary } from '../../apply/summary.js';
import { InterruptedError } from '../../errors.js';
import type { InterruptTally } from '../../model/api.js';
import type { ApplyOptions } from '../apply.js';
import { EXIT_ERROR, EXIT_OK, type CliContext } from '../io.js';

/** The safety flags of `cxq apply`, parsed once for both dialects. */
export interface ApplySettings {
  force: boolean;
  maxChangePercent: number;
}

/**
 * Opens the journal beside the report, runs the writes (`run`), and writes the report (JSON +
 * Markdown) from the journal whatever happened; prints the summary. Exit 0, or 1 when an entry
 * failed; throws the run's fatal error (a journal failure) or InterruptedError after the report,
 * whose message counts what the client saw on the wire (`interruptTally`).
 * Shared by both dialects.
 */
export async function writeAndReport(
  ctx: CliContext,
  opts: ApplyOptions,
  updates: number,
  run: (journal: Journal) => Promise<{ interrupted: boolean }>,
  interruptTally: () => InterruptTally | undefined = () => undefined,
): Promise<number> {
  const reportPath = opts.report !== undefined ? resolve(ctx.io.cwd, opts.report) : defaultReportPath(ctx.io.cwd, new Date());
  const journal = Journal.open(journalPathFor(reportPath));
  let interrupted = false;
  let fatal: unknown;
  try {
    ({ interrupted } = await run(journal));
  } catch (err) {
    fatal = err;
  }
  await journal.close();
  // Even when the run stopped on a journal failure, leave the best report the journal allows; the
  // failure that stopped the run is what the user must see, so it wins over a report failure.
  let report;
  let files;
  try {
    report = buildReport(journal.events, journal.file);
    files = writeReportFiles(report, reportPath);
  } catch (err) {
    throw fatal ?? err;
  }
  ctx.logger.info({ ...report.summary, report: files.json }, 'apply finished');
  if (updates > 0 || report.summary.failed > 0) ctx.io.stdout.write(renderApplySummary(report));
  ctx.io.stdout.write(`Report: ${files.json}\n        ${files.markdown}\n`);
  if (fatal !== undefined) throw fatal;
  if (interrupted) {
    const timedOut = !ctx.io.signal.aborted;
    const head = timedOut ? `apply stopped at --timeout ${opts.timeout ?? ctx.io.env['CXONE_TIMEOUT'] ?? ''}`.trimEnd() : 'apply interrupted';
    throw new InterruptedError(`${head}: ${interruptCounts(interruptTally(), report.summary.skipped)}`, {
      hint: 'The report lists what was skipped; run `cxq plan` to review and `cxq apply` again to finish.',
    });
  }
  return report.summary.failed > 0 ? EXIT_ERROR : EXIT_OK;
}


/**
 * "3 writes in flight finished, 0 re-sent, 18 not started": counted by the client (writes on the
 * wire at the signal, answered since, sent after it) and the report (entries skipped).
 */
function interruptCounts(tally: InterruptTally | undefined, skipped: number): string {
  const flight = tally === undefined ? 'no writes were in flight' : `${tally.writesFinished} write(s) in flight finished`;
  const resent = tally === undefined ? 0 : tally.writesSentAfter;
  return `${flight}, ${resent} re-sent, ${skipped} not started`;
}
