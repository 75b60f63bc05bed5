import { loadManagedSkills } from '../../insight/managed-skills.js';
import { resolveInstant } from '../../insight/range.js';
import { renderAbandonment } from '../../insight/render/abandonment.js';
import { skillAbandonment } from '../../insight/skill-abandonment.js';
import type { SkillApi } from '../../model/skill-api.js';
import type { AbandonmentOptions } from '../report.js';
import { EXIT_OK, type CliContext } from '../io.js';

/**
 * `cxq report abandonment` on the admin dialect: the completed contacts of each managed skill
 * since `since` (every page), bucketed by wait here (the API serves no buckets). Exit 0.
 * See docs/insight.md for how short abandons count.
 */
export async function abandonmentSkills(ctx: CliContext, api: SkillApi, opts: AbandonmentOptions, since: string): Promise<number> {
  const now = new Date();
  // parseSince already accepted it, so it resolves; the Admin API takes absolute ISO instants.
  const range = { startDate: new Date(resolveInstant(since, now)!).toISOString(), endDate: now.toISOString() };
  const skills = await loadManagedSkills(api, { dir: opts.dir, cwd: ctx.io.cwd, logger: ctx.logger });
  const lists = await Promise.all(skills.map((s) => api.completedContacts(s.skillId, range)));
  const report = skillAbandonment(skills, new Map(skills.map((s, i) => [s.skillId, lists[i] ?? []])), range.startDate);
  ctx.logger.info({ skills: skills.length, contacts: lists.reduce((n, l) => n + l.length, 0), offered: report.total.offered }, 'abandonment report built');
  ctx.io.stdout.write(renderAbandonment(report, opts.format, 'skill'));
  if (opts.format === 'text') {
    for (const q of report.queues.filter((x) => x.shortAbandons > 0)) {
      const how = q.shortAbandonsCounted ? 'counted as abandoned (countShortAbandons: true)' : 'left out of the buckets (countShortAbandons is not true)';
      ctx.io.stdout.write(`note: ${q.name}: ${q.shortAbandons} short abandon(s) ${how}\n`);
    }
    ctx.io.stdout.write('note: buckets computed from completed contacts (/contacts/completed); the Admin API serves none\n');
  }
  return EXIT_OK;
}
