import { loadManagedSkills } from '../../insight/managed-skills.js';
import { parseSla, parseTarget } from '../../insight/options.js';
import { renderSkillStatus } from '../../insight/render/skill-status.js';
import { anySkillBreach, buildSkillStatus, SKILL_STATUS_WINDOW_SECONDS } from '../../insight/skill-status.js';
import type { SkillApi, SkillSummaryRow } from '../../model/skill-api.js';
import type { StatusOptions } from '../status.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from '../io.js';

/**
 * `cxq status` on the admin dialect: the managed skills, `/skills/activity` once, and one summary
 * per skill over the last hour; an Erlang C prediction per skill. Flags are checked before any
 * request. Exit 0, or 2 with `--fail-on-breach` when a breach is predicted. See docs/insight.md.
 */
export async function statusSkills(ctx: CliContext, api: SkillApi, opts: StatusOptions): Promise<number> {
  const slaSeconds = opts.sla === undefined ? undefined : parseSla(opts.sla);
  const target = opts.target === undefined ? undefined : parseTarget(opts.target);
  const skills = await loadManagedSkills(api, { dir: opts.dir, cwd: ctx.io.cwd, ids: opts.id, logger: ctx.logger });
  const end = new Date();
  const window = { startDate: new Date(end.getTime() - SKILL_STATUS_WINDOW_SECONDS * 1000).toISOString(), endDate: end.toISOString() };
  const [activity, summaries] = skills.length === 0
    ? [[], []]
    : await Promise.all([api.activity(), Promise.all(skills.map((s) => api.summary(s.skillId, window)))]);
  const bySkill = new Map<number, SkillSummaryRow | undefined>(skills.map((s, i) => [s.skillId, summaries[i]]));
  const report = buildSkillStatus(skills, bySkill, activity, {
    window,
    windowSeconds: SKILL_STATUS_WINDOW_SECONDS,
    ...(slaSeconds !== undefined ? { slaSeconds } : {}),
    ...(target !== undefined ? { target } : {}),
  });
  const breaches = report.skills.filter((s) => s.breachPredicted).length;
  ctx.logger.info({ skills: report.skills.length, activityRows: activity.length, breaches }, 'status computed');
  const generatedAt = end.toISOString();
  ctx.io.stdout.write(renderSkillStatus(report, opts.format, { color: useColor(ctx.io), generatedAt, tenant: new URL(api.baseUrl).host }));
  return opts.failOnBreach === true && anySkillBreach(report) ? EXIT_CHANGES : EXIT_OK;
}
