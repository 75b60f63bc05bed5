import { resolve } from 'node:path';
import type { CxoneApi } from '../../model/api.js';
import type { AuditEntry } from '../../model/tenant.js';
import { buildDriftReport, type DriftReport } from '../../drift/report.js';
import { renderDriftJson, renderDriftMarkdown, renderDriftText, type DriftFormat } from '../../drift/render.js';
import { ApiError } from '../../errors.js';
import { writeFileAtomic } from '../../util/write-atomic.js';
import type { DriftOptions } from '../drift.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from '../io.js';
import { planFromDirectory } from '../../plan/source.js';
import { openProvider } from './open-api.js';
import { driftSkills } from './drift-skills.js';

/** How far back `cxq drift` looks for audit entries of drifted queues. */
export const AUDIT_WINDOW = 'now-30d';

/**
 * The action of `cxq drift`. Exit 0 in sync, 2 drift, 1 error (thrown). Prints the report in
 * `--format` (text by default); `--report FILE` also writes the JSON report there (atomically),
 * whatever `--format` is.
 */
export async function driftCommand(ctx: CliContext, opts: DriftOptions): Promise<number> {
  const provider = openProvider(ctx, opts);
  if (provider.dialect === 'admin') return driftSkills(ctx, provider.skills, opts);
  const api = provider.queues;
  const { plan, live } = await planFromDirectory(ctx, api, opts.dir, { allowEmpty: opts.allowEmpty === true });
  const driftedIds = new Set(plan.changes.filter((c) => c.action === 'update').map((c) => c.id));
  const { audit, notes } = driftedIds.size > 0 ? await readAudit(ctx, api, driftedIds) : { audit: [], notes: [] };
  const report = buildDriftReport({ plan, live, audit, notes });
  ctx.logger.info({ ...report.summary, fingerprint: report.fingerprint }, report.inSync ? 'no drift' : 'drift found');

  // The --report file is the machine record: always JSON, whatever --format prints on stdout.
  if (opts.report !== undefined) await writeFileAtomic(resolve(ctx.io.cwd, opts.report), renderDriftJson(report));
  ctx.io.stdout.write(render(report, opts.format, useColor(ctx.io)));
  if (opts.report !== undefined && opts.format === 'text') ctx.io.stdout.write(`Report written to ${opts.report}.\n`);
  return report.inSync ? EXIT_OK : EXIT_CHANGES;
}

function render(report: DriftReport, format: DriftFormat, color: boolean): string {
  if (format === 'markdown') return renderDriftMarkdown(report);
  if (format === 'text') return renderDriftText(report, color);
  return renderDriftJson(report);
}

/**
 * One audit query for the whole window, filtered to the drifted queues here (one request, or a
 * few pages, instead of one per queue). A token without `audit:read` (403) does not fail the drift
 * check: the report says so in `notes`. Any other failure propagates.
 */
async function readAudit(
  ctx: CliContext,
  api: CxoneApi,
  ids: ReadonlySet<string>,
): Promise<{ audit: AuditEntry[] | null; notes: string[] }> {
  try {
    const entries = await api.audit({ startTime: AUDIT_WINDOW });
    const audit = entries.filter((e) => ids.has(e.resourceId));
    ctx.logger.info({ entries: entries.length, matching: audit.length }, 'read audit entries');
    return { audit, notes: [] };
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) {
      ctx.logger.warn({ status: 403 }, 'audit entries unavailable: token lacks audit:read');
      return { audit: null, notes: ['audit entries omitted: the token lacks the audit:read scope (HTTP 403); modifiedBy/dateModified come from the live queues'] };
    }
    throw err;
  }
}
