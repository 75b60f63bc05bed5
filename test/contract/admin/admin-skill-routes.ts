/**
 * Skill routes of the second admin server: list (no `_links` at all, `totalRecords` always, ordered
 * by name), get (always wrapped in `skills: [ … ]`), PUT (omitted fields kept, failures inside a 200
 * on a configured skill), POST (per-item results), and the activity and summary numbers.
 */
import type { Json } from './admin-fields.js';
import { fail, intId, isReply, nextLink, ok, page, type Ctx, type Reply } from './admin-http.js';
import { activityRow, contactsIn, dateRange, summaryRow } from './admin-numbers.js';

export function listSkills(ctx: Ctx): Reply {
  const q = ctx.query;
  const media = q.get('mediaTypeId');
  const active = q.get('isActive');
  const search = (q.get('searchString') ?? '').toLowerCase();
  if (media !== null && intId(media) === undefined) return fail(400, 'InvalidParameter', 'mediaTypeId must be an integer');
  if (active !== null && active !== 'true' && active !== 'false') return fail(400, 'InvalidParameter', 'isActive must be true or false');
  const all = ctx.state.visibleSkills()
    .filter((s) => media === null || s['mediaTypeId'] === Number(media))
    .filter((s) => active === null || s['isActive'] === (active === 'true'))
    .filter((s) => String(s['skillName']).toLowerCase().includes(search));
  const p = page(q, all);
  if (isReply(p)) return p;
  return ok({ lastPollTime: new Date(ctx.now).toISOString(), totalRecords: all.length, skills: p.rows });
}

export function getSkill(ctx: Ctx, id: number): Reply {
  const s = ctx.state.visibleSkill(id);
  if (s === undefined) return fail(404, 'NotFound', `skill ${id} not found`);
  return ok({ skills: [s] });
}

export function putSkill(ctx: Ctx, id: number): Reply {
  if (!ctx.state.hasSkill(id)) return fail(404, 'NotFound', `skill ${id} not found`);
  const skill = ctx.body?.['skill'];
  if (typeof skill !== 'object' || skill === null || Array.isArray(skill)) return fail(400, 'InvalidRequest', 'the body must be { "skill": { … } }');
  if (ctx.by === 'client' && ctx.failSkillIds.has(id)) {
    return ok({ success: false, skillId: id, error: 'Skill is being updated by another process; no change was made', requestId: `r-${ctx.now}` });
  }
  const problems = ctx.state.putSkill(id, skill as Json, ctx.by);
  if (problems.length > 0) return fail(400, 'InvalidParameter', problems.join('; '), problems);
  return ok({ success: true, skillId: id, requestId: `r-${ctx.now}` });
}

export function createSkills(ctx: Ctx): Reply {
  const skills = ctx.body?.['skills'];
  if (!Array.isArray(skills) || skills.length === 0) return fail(400, 'InvalidRequest', 'the body must be { "skills": [ … ] }');
  const skillsResults = skills.map((s: unknown) => {
    if (typeof s !== 'object' || s === null) return { success: false, error: 'not an object' };
    const r = ctx.state.createSkill(s as Json, ctx.by);
    return r.skillId === undefined ? { success: false, error: r.problems.join('; ') } : { success: true, skillId: r.skillId };
  });
  return ok({ errorCount: skillsResults.filter((r) => !r.success).length, skillsResults });
}

export function activity(ctx: Ctx, id?: number): Reply {
  const skills = id === undefined ? ctx.state.visibleSkills() : [ctx.state.visibleSkill(id)];
  if (skills[0] === undefined && id !== undefined) return fail(404, 'NotFound', `skill ${id} not found`);
  const rows = skills.filter((s): s is Json => s !== undefined).map((s) => activityRow(ctx.state, s, ctx.now));
  return ok({ totalRecords: rows.length, lastPollTime: new Date(ctx.now).toISOString(), skillActivity: rows });
}

/** Summaries need `startDate` and `endDate` (this server refuses to guess a range). */
export function summary(ctx: Ctx, id?: number): Reply {
  const range = dateRange(ctx.query);
  if (range === undefined) return fail(400, 'InvalidParameter', 'startDate and endDate are required (ISO-8601, start before end)');
  const skills = id === undefined ? ctx.state.visibleSkills() : [ctx.state.visibleSkill(id)];
  if (skills[0] === undefined && id !== undefined) return fail(404, 'NotFound', `skill ${id} not found`);
  const rows = skills
    .filter((s): s is Json => s !== undefined)
    .map((s) => summaryRow(s, contactsIn(ctx.state, range.from, range.to, Number(s['skillId']))));
  return ok({ totalRecords: rows.length, skillSummaries: rows });
}

/** One row per finished contact; `_links.next` only while more pages follow. */
export function completedContacts(ctx: Ctx): Reply {
  const range = dateRange(ctx.query);
  if (range === undefined) return fail(400, 'InvalidParameter', 'startDate and endDate are required (ISO-8601, start before end)');
  const rawSkill = ctx.query.get('skillId');
  const skillId = intId(rawSkill);
  if (rawSkill !== null && skillId === undefined) return fail(400, 'InvalidParameter', 'skillId must be an integer');
  const all = contactsIn(ctx.state, range.from, range.to, skillId);
  const p = page(ctx.query, all);
  if (isReply(p)) return p;
  const next = p.more ? { next: nextLink(ctx, p) } : {};
  return ok({ totalRecords: all.length, completedContacts: p.rows, _links: next });
}
