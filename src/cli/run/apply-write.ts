import { resolve } from 'node:path';
import { journalPathFor, Journal } from '../../apply/journal.js';
import { buildReport } from '../../apply/report.js';
import { defaultReportPath, writeReportFiles } from '../../apply/report-file.js';
import { renderApplySummary } from '../../apply/summary.js';
import { askYesNo } from '../../apply/prompt.js';
import { checkChangeThreshold } from '../../apply/safety.js';
import type { ApplyMode } from '../../apply/types.js';
import { InterruptedError, SafetyError, UsageError } from '../../errors.js';
import type { InterruptTally } from '../../model/api.js';
import type { ApplyOptions } from '../apply.js';
import { EXIT_ERROR, EXIT_OK, type CliContext } from '../io.js';

/** The safety flags of `cxq apply`, parsed once for both dialects. */
export interface ApplySettings {
  force: boolean;
  maxChangePercent: number;
}

/** What the gates before any write need to know of a run, whichever dialect. */
export interface ApplyGate {
  mode: ApplyMode;
  managed: number;
  updates: number;
  /** What is managed, for the threshold's message (default `queues`). */
  noun?: string;
  /** The plan as text, shown before asking on a terminal. */
  planText: () => string;
}

/**
 * The gates before any write, for both dialects, in order: the change threshold (computed from the
 * changes themselves; `SafetyError`), then approval. Nothing to change prints "No changes.". From
 * `--dir` without `--yes`: no terminal is not a yes (Terraform's rule: cron, ssh, </dev/null) and
 * throws `UsageError` naming `--yes`; on a terminal the plan is shown and the user asked. A saved
 * plan (`--plan`) was reviewed and is never asked about. Resolves false when the user declined.
 */
export async function approveWrites(ctx: CliContext, opts: ApplyOptions, settings: ApplySettings, gate: ApplyGate): Promise<boolean> {
  const { updates } = gate;
  const threshold = checkChangeThreshold(
    { managed: gate.managed, update: updates },
    { maxChangePercent: settings.maxChangePercent, force: settings.force, ...(gate.noun === undefined ? {} : { noun: gate.noun }) },
  );
  if (!threshold.ok) throw new SafetyError(threshold.message, { hint: 'Nothing was written.' });
  if (updates === 0) {
    ctx.io.stdout.write('No changes.\n');
    return true;
  }
  if (gate.mode !== 'dir' || opts.yes === true) return true;
  if (!ctx.io.stdin.isTTY) {
    throw new UsageError(`refusing to apply ${updates} change(s) without confirmation: stdin is not a terminal`, {
      hint: 'Nothing was written. Pass --yes to apply without asking, or apply a reviewed plan with --plan FILE.',
    });
  }
  ctx.io.stdout.write(gate.planText());
  const yes = await askYesNo(ctx.io.stdin, ctx.io.stdout, `Apply ${updates} changes? [y/N] `, ctx.io.signal);
  if (!yes) ctx.io.stdout.write('Apply cancelled; nothing was written.\n');
  return yes;
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
