import { loadManagedSkills } from '../../insight/managed-skills.js';
import { resolveInstant } from '../../insight/range.js';
import { renderSkillAudit } from '../../insight/render/skill-audit.js';
import { buildSkillAudit, SKILL_AUDIT_NOTE } from '../../insight/skill-audit.js';
import { readSkillWrites } from '../../insight/skill-reports.js';
import type { SkillApi } from '../../model/skill-api.js';
import { emitAudit } from './audit-output.js';
import type { AuditOptions } from '../audit.js';
import type { CliContext } from '../io.js';

/**
 * `cxq audit` on the admin dialect: the managed skills (one list read), then cxq's own apply
 * reports of this tenant, because the platform keeps no audit history for skills; the output says
 * so (csv, which has no place for it, says it on stderr). `--out FILE` as for queues. Exit 0.
 */
export async function auditSkills(ctx: CliContext, api: SkillApi, opts: AuditOptions, since: string): Promise<number> {
  const from = new Date(resolveInstant(since, new Date())!).toISOString();
  const skills = await loadManagedSkills(api, { dir: opts.dir, cwd: ctx.io.cwd, ids: opts.id, logger: ctx.logger });
  const writes = await readSkillWrites(ctx.io.cwd, api.baseUrl, ctx.logger);
  const result = buildSkillAudit({ since: from, skills, writes });
  ctx.logger.info({ entries: result.summary.entries, reports: result.summary.reports }, 'audit built');
  const output = renderSkillAudit(result, opts.format);
  if (opts.format === 'csv') ctx.io.stderr.write(`note: ${SKILL_AUDIT_NOTE}\n`);
  return emitAudit(ctx, opts, output, result.summary.entries);
}
