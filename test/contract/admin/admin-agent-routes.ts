/**
 * Agent routes of the second admin server. Assignment rows carry no `userName` (a client joins
 * with `/agents`); writes take `{ agents: [ { agentId, isActive, proficiency } ] }` and answer 200
 * with `resultSet: { errorCount, agentResults }`, an item failing inside the 200 when its agent is
 * unknown, already (POST) or not (PUT, DELETE) assigned, its proficiency is outside 1..20, or the
 * skill is configured to fail. `_links`: `/agents` has `next` (null on the last page), a skill's
 * assignments only `self`, the multi-skill list none.
 */
import type { Json } from './admin-fields.js';
import { fail, intId, isReply, nextLink, ok, page, pageLink, type Ctx, type Reply } from './admin-http.js';
import type { Agent, Assignment } from './admin-seed.js';

export function listAgents(ctx: Ctx): Reply {
  const search = (ctx.query.get('searchString') ?? '').toLowerCase();
  const all = [...ctx.state.agents]
    .sort((a, b) => a.agentId - b.agentId)
    .filter((a) => [a.userName, a.firstName, a.lastName, a.emailAddress].some((v) => v.toLowerCase().includes(search)))
    .map((a) => ({ ...a, teamName: `Team ${a.teamId}`, profile: { locale: 'en-US', timeZone: 'UTC' }, location: 'remote' }));
  const p = page(ctx.query, all);
  if (isReply(p)) return p;
  const self = pageLink(ctx, p.skip, p.top);
  return ok({ totalRecords: all.length, agents: p.rows, _links: { self, next: p.more ? nextLink(ctx, p) : null } });
}

function row(ctx: Ctx, skillId: number, a: Assignment): Json {
  const agent = ctx.state.agents.find((x) => x.agentId === a.agentId);
  const skill = ctx.state.visibleSkill(skillId);
  const name = a.proficiency <= 5 ? 'High' : a.proficiency <= 15 ? 'Medium' : 'Low';
  return {
    agentId: a.agentId, firstName: agent?.firstName, lastName: agent?.lastName, skillId,
    skillName: skill?.['skillName'], mediaTypeId: skill?.['mediaTypeId'], agentProficiencyValue: a.proficiency,
    agentProficiencyName: `${a.proficiency} - ${name}`, isActive: a.isActive, isSkillActive: skill?.['isActive'],
    lastUpdateTime: a.lastUpdateTime, teamInfo: { teamId: agent?.teamId, teamName: `Team ${agent?.teamId}` }, routingRank: 100 - a.proficiency,
  };
}

function rowsOf(ctx: Ctx, skillId: number): Json[] {
  return ctx.state.visibleAssignments(skillId).map((a) => row(ctx, skillId, a))
    .sort((x, y) => String(x['lastName']).localeCompare(String(y['lastName'])));
}

export function skillAgents(ctx: Ctx, skillId: number): Reply {
  if (ctx.state.visibleSkill(skillId) === undefined) return fail(404, 'NotFound', `skill ${skillId} not found`);
  const all = rowsOf(ctx, skillId);
  const p = page(ctx.query, all);
  if (isReply(p)) return p;
  return ok({ totalRecords: all.length, agentSkillAssignments: p.rows, _links: { self: `${ctx.base}${ctx.path}` } });
}

/** `GET /skills/agents?skills=1,2`; without `skills`, every skill. Unknown ids give no rows. */
export function manySkillAgents(ctx: Ctx): Reply {
  const raw = ctx.query.get('skills');
  const ids = raw === null ? ctx.state.visibleSkills().map((s) => Number(s['skillId'])) : raw.split(',').map((s) => intId(s.trim()));
  if (ids.some((i) => i === undefined)) return fail(400, 'InvalidParameter', 'skills must be a comma-separated list of skill ids');
  const all = (ids as number[]).flatMap((id) => rowsOf(ctx, id));
  const p = page(ctx.query, all);
  if (isReply(p)) return p;
  return ok({ totalRecords: all.length, agentSkillAssignments: p.rows });
}

interface Item { agentId?: unknown; isActive?: unknown; proficiency?: unknown }

/** POST (assign) or PUT (change) `/skills/{id}/agents`. */
export function writeSkillAgents(ctx: Ctx, skillId: number): Reply {
  if (!ctx.state.hasSkill(skillId)) return fail(404, 'NotFound', `skill ${skillId} not found`);
  const items = ctx.body?.['agents'];
  if (!Array.isArray(items) || items.length === 0) return fail(400, 'InvalidRequest', 'the body must be { "agents": [ … ] }');
  if (items.some((i) => typeof i !== 'object' || i === null)) return fail(400, 'InvalidRequest', 'every agent must be an object');
  if (items.some((i) => 'agentProficiencyValue' in (i as Json))) {
    return fail(400, 'InvalidParameter', 'agentProficiencyValue is not accepted in a write; send proficiency');
  }
  const rows = ctx.state.assignments(skillId);
  const touched: number[] = [];
  const agentResults = (items as Item[]).map((item) => {
    const error = apply(ctx, skillId, rows, item, touched);
    return error === undefined ? { agentId: item.agentId, skillId, success: true } : { agentId: item.agentId, skillId, success: false, error };
  });
  if (touched.length > 0) ctx.state.setAssignments(skillId, rows, ctx.by, touched);
  return ok({ resultSet: { errorCount: agentResults.filter((r) => !r.success).length, agentResults }, skillId });
}

/** Applies one item to `rows` in place; answers its error, if any. */
function apply(ctx: Ctx, skillId: number, rows: Assignment[], item: Item, touched: number[]): string | undefined {
  if (ctx.by === 'client' && ctx.failSkillIds.has(skillId)) return 'Skill assignment is locked; try again later';
  const agent: Agent | undefined = ctx.state.agents.find((a) => a.agentId === item.agentId);
  if (agent === undefined) return `Agent ${String(item.agentId)} not found`;
  if (touched.includes(agent.agentId)) return 'agent listed twice in one request';
  const p = item.proficiency;
  if (p !== undefined && !(Number.isInteger(p) && (p as number) >= 1 && (p as number) <= 20)) return 'proficiency must be an integer from 1 to 20';
  if (item.isActive !== undefined && typeof item.isActive !== 'boolean') return 'isActive must be true or false';
  const existing = rows.find((r) => r.agentId === agent.agentId);
  const at = new Date(ctx.now).toISOString();
  if (ctx.method === 'POST') {
    if (existing !== undefined) return 'Agent is already assigned to this skill';
    if (p === undefined) return 'proficiency is required';
    rows.push({ agentId: agent.agentId, proficiency: p as number, isActive: item.isActive !== false, lastUpdateTime: at });
  } else {
    if (existing === undefined) return 'Agent is not assigned to this skill';
    if (p !== undefined) existing.proficiency = p as number;
    if (item.isActive !== undefined) existing.isActive = item.isActive as boolean;
    existing.lastUpdateTime = at;
  }
  touched.push(agent.agentId);
  return undefined;
}

export function unassign(ctx: Ctx, skillId: number, agentId: number): Reply {
  if (!ctx.state.hasSkill(skillId)) return fail(404, 'NotFound', `skill ${skillId} not found`);
  if (!ctx.state.agents.some((a) => a.agentId === agentId)) return fail(404, 'NotFound', `agent ${agentId} not found`);
  const rows = ctx.state.assignments(skillId);
  let error: string | undefined;
  if (ctx.by === 'client' && ctx.failSkillIds.has(skillId)) error = 'Skill assignment is locked; try again later';
  else if (!rows.some((r) => r.agentId === agentId)) error = 'Agent is not assigned to this skill';
  else ctx.state.setAssignments(skillId, rows.filter((r) => r.agentId !== agentId), ctx.by, [agentId]);
  const result = error === undefined ? { agentId, skillId, success: true } : { agentId, skillId, success: false, error };
  return ok({ resultSet: { errorCount: error === undefined ? 0 : 1, agentResults: [result] } });
}
