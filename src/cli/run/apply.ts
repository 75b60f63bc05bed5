import { resolve } from 'node:path';
import { createProgress } from '../../apply/progress.js';
import { recoverReport } from '../../apply/report-file.js';
import { DEFAULT_CONCURRENCY, runApply } from '../../apply/runner.js';
import { checkPlatformHealth } from '../../apply/health.js';
import { MAX_CHANGE_PERCENT } from '../../apply/safety.js';
import { sourceFromDirectory, sourceFromSavedPlan } from '../../apply/source.js';
import { renderApplySummary } from '../../apply/summary.js';
import { DEFAULT_DEFINITIONS_DIR } from '../../definitions/types.js';
import { SafetyError, UsageError } from '../../errors.js';
import { diffQueue } from '../../plan/diff.js';
import { renderPlanText } from '../../plan/render.js';
import type { ApplyOptions } from '../apply.js';
import { EXIT_ERROR, EXIT_OK, useColor, type CliContext } from '../io.js';
import { applySkillsCommand } from './apply-skills.js';
import { approveWrites, writeAndReport, type ApplySettings } from './apply-write.js';
import { openProvider, runSignal } from './open-api.js';
import { runTimeoutFrom } from '../../transport/settings.js';

/**
 * The action of `cxq apply`. With `--recover` it only rebuilds a report from a journal. Otherwise
 * it checks, in order: health → plan (for `--plan`: schema, stale and re-derivation checks against
 * `--dir`) → change threshold → confirmation (`--dir` only: asked on a TTY, refused without
 * `--yes` when stdin is not one) → writes. Exit 0 when every queue is applied or unchanged; 1 on any failed queue,
 * refusal, cancel or interrupt. See docs/apply.md.
 */
export async function applyCommand(ctx: CliContext, opts: ApplyOptions): Promise<number> {
  return opts.recover !== undefined ? recoverFromJournal(ctx, opts, opts.recover) : runApplyCommand(ctx, opts);
}

/**
 * `cxq apply --recover JOURNAL`: writes the report (JSON + Markdown) of a run that died before
 * writing it, from its journal alone; nothing is sent to the API. A PUT that was sent but never
 * answered is `failed` with code `outcome.unknown`. Exit 0 once the report is written, 1 when it
 * holds a failed or unknown entry.
 */
async function recoverFromJournal(ctx: CliContext, opts: ApplyOptions, journal: string): Promise<number> {
  if (opts.dir !== undefined || opts.plan !== undefined) {
    throw new UsageError('--recover reads a journal only; it cannot be combined with --dir or --plan');
  }
  const target = opts.report === undefined ? undefined : resolve(ctx.io.cwd, opts.report);
  const { report, json, markdown } = recoverReport(resolve(ctx.io.cwd, journal), target);
  ctx.io.stdout.write(renderApplySummary(report));
  ctx.io.stdout.write(`Recovered report: ${json}\n                  ${markdown}\n`);
  // A failed write, or one whose answer never came (outcome.unknown, counted as failed), is not ok.
  return report.summary.failed > 0 ? EXIT_ERROR : EXIT_OK;
}

async function runApplyCommand(ctx: CliContext, opts: ApplyOptions): Promise<number> {
  const settings = parseFlags(opts);
  // One signal for the whole run: the interrupt, or --timeout. The client sends nothing after it.
  const signal = runSignal(ctx.io.signal, runTimeoutFrom(ctx.io.env, opts));
  const provider = openProvider(ctx, opts, signal);
  if (provider.dialect === 'admin') return applySkillsCommand(ctx, provider.skills, opts, settings, signal);
  const api = provider.queues;
  const health = await checkPlatformHealth(api, settings.force);
  if (!health.ok) throw new SafetyError(health.message, { hint: 'Nothing was written.' });
  if (health.warning) ctx.io.stderr.write(`warning: ${health.warning}\n`);

  const dir = opts.dir ?? DEFAULT_DEFINITIONS_DIR;
  const planOptions = { allowEmpty: opts.allowEmpty === true };
  const source = opts.plan !== undefined
    ? await sourceFromSavedPlan(ctx, api, opts.plan, dir, planOptions)
    : await sourceFromDirectory(ctx, api, dir, planOptions);
  const updates = source.tasks.filter((t) => t.action === 'update').length;
  // From the changes themselves, never from a saved plan's `summary` (which its author controls).
  const approved = await approveWrites(ctx, opts, settings, {
    mode: source.mode,
    managed: source.tasks.length,
    updates,
    planText: () => renderPlanText(source.plan, useColor(ctx.io)),
  });
  if (!approved) return EXIT_ERROR;
  // openProvider already refused a bad --concurrency; the same number bounds the writes in flight.
  const concurrency = Number(opts.concurrency ?? DEFAULT_CONCURRENCY);
  return writeAndReport(ctx, opts, updates, (journal) =>
    runApply(source.tasks, {
      api,
      mode: source.mode,
      diff: diffQueue,
      journal,
      logger: ctx.logger,
      signal,
      concurrency,
      progress: createProgress(ctx.io.stderr, ctx.logger, updates),
      meta: { baseUrl: api.baseUrl, clientId: api.clientId, gitCommit: source.gitCommit, planChecksum: source.planChecksum },
    }),
    () => api.interruptTally?.(),
  );
}

function parseFlags(opts: ApplyOptions): ApplySettings {
  const raw = opts.maxChangePercent;
  // A plain decimal only: Number() would read "" as 0% and "0x10" as 16%.
  const percent = raw === undefined ? MAX_CHANGE_PERCENT : /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new UsageError(`--max-change-percent must be a number from 0 to 100, got ${JSON.stringify(raw)}`);
  }
  return { force: opts.force === true, maxChangePercent: percent };
}
