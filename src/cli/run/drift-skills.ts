import { resolve } from 'node:path';
import { buildSkillDriftReport, type SkillDriftReport } from '../../drift/skill-report.js';
import { renderSkillDriftJson, renderSkillDriftMarkdown, renderSkillDriftText } from '../../drift/skill-render.js';
import type { DriftFormat } from '../../drift/formats.js';
import { readSkillWrites } from '../../insight/skill-reports.js';
import type { SkillApi } from '../../model/skill-api.js';
import { planSkillsFromDirectory } from '../../plan/skill-source.js';
import { writeFileAtomic } from '../../util/write-atomic.js';
import type { DriftOptions } from '../drift.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from '../io.js';

/**
 * `cxq drift` on the admin dialect (read-only): the skills plan, every update is drift, each
 * drifted value attributed from cxq's apply reports only (the Admin API keeps no author). Exit 0
 * in sync, 2 drift; `--report FILE` always JSON. See docs/plan.md.
 */
export async function driftSkills(ctx: CliContext, api: SkillApi, opts: DriftOptions): Promise<number> {
  const { plan } = await planSkillsFromDirectory(ctx, api, opts.dir, { allowEmpty: opts.allowEmpty === true });
  const writes = plan.changes.some((c) => c.action === 'update') ? await readSkillWrites(ctx.io.cwd, api.baseUrl, ctx.logger) : [];
  const report = buildSkillDriftReport({ plan, writes, generatedAt: new Date().toISOString() });
  ctx.logger.info({ ...report.summary, fingerprint: report.fingerprint, cxqWrites: writes.length }, report.inSync ? 'no drift' : 'drift found');
  if (opts.report !== undefined) await writeFileAtomic(resolve(ctx.io.cwd, opts.report), renderSkillDriftJson(report));
  ctx.io.stdout.write(render(report, opts.format, useColor(ctx.io)));
  if (opts.report !== undefined && opts.format === 'text') ctx.io.stdout.write(`Report written to ${opts.report}.\n`);
  return report.inSync ? EXIT_OK : EXIT_CHANGES;
}

function render(report: SkillDriftReport, format: DriftFormat, color: boolean): string {
  if (format === 'markdown') return renderSkillDriftMarkdown(report);
  if (format === 'text') return renderSkillDriftText(report, color);
  return renderSkillDriftJson(report);
}
