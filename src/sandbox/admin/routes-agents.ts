/**
 * Agent and assignment routes: agents list, one skill's assignments, several skills' at once,
 * assign (POST), change (PUT) and unassign (DELETE), with per-item results inside a 200.
 */
import type { Reply } from '../http.js';
import { proficiencyName, type AgentItem, type AgentResult } from './agents.js';
import type { AdminContext } from './context.js';
import { knownSkill } from './routes-skills.js';
import { invalid, isReply, jsonObject, pageOf, paging } from './replies.js';

/** `GET /agents?skip&top&searchString`, in agentId order. */
export function listAgents(ctx: AdminContext): Reply {
  const p = paging(ctx.url.searchParams, ctx.settings.maxTop);
  if (isReply(p)) return p;
  const all = ctx.state.agents.agents(ctx.url.searchParams.get('searchString') ?? undefined);
  return pageOf(ctx.url, ctx.settings.baseUrl, 'agents', all, p, { lastPollTime: ctx.state.now().toISOString() });
}

/** One skill's assignment rows as the API shows them (no user name: join with `/agents`). */
function rows(ctx: AdminContext, skillId: number): Record<string, unknown>[] {
  const skill = ctx.state.skills.peek(skillId)!;
  return ctx.state.agents.assignments(skillId).map((a) => {
    const agent = ctx.state.agents.agent(a.agentId);
    return {
      skillId,
      skillName: skill.skillName,
      agentId: a.agentId,
      firstName: agent?.firstName ?? '',
      lastName: agent?.lastName ?? '',
      teamId: agent?.teamId ?? null,
      agentProficiencyValue: a.proficiency,
      agentProficiencyName: proficiencyName(a.proficiency),
      isActive: a.isActive,
      isSkillActive: skill['isActive'],
      lastUpdateTime: a.lastUpdateTime,
    };
  });
}

/** `GET /skills/{skillId}/agents?skip&top`. */
export function skillAgents(ctx: AdminContext): Reply {
  const id = knownSkill(ctx);
  if (isReply(id)) return id;
  const p = paging(ctx.url.searchParams, ctx.settings.maxTop);
  if (isReply(p)) return p;
  return pageOf(ctx.url, ctx.settings.baseUrl, 'agentSkillAssignments', rows(ctx, id), p);
}

/** `GET /skills/agents?skills=1,2&skip&top`: assignments of several skills (all without `skills`), by skill then agent. */
export function manySkillsAgents(ctx: AdminContext): Reply {
  const p = paging(ctx.url.searchParams, ctx.settings.maxTop);
  if (isReply(p)) return p;
  const raw = ctx.url.searchParams.get('skills');
  let ids: number[];
  if (raw === null || raw.trim() === '') ids = ctx.state.skills.list().map((s) => s.skillId);
  else {
    const parts = raw.split(',').map((s) => s.trim());
    if (parts.some((s) => !/^\d+$/.test(s))) return invalid([{ field: 'skills', message: 'must be comma-separated skill ids' }]);
    ids = [...new Set(parts.map(Number))].sort((a, b) => a - b).filter((id) => ctx.state.skills.peek(id) !== undefined);
  }
  return pageOf(ctx.url, ctx.settings.baseUrl, 'agentSkillAssignments', ids.flatMap((id) => rows(ctx, id)), p);
}

function resultSet(agentResults: AgentResult[]): Record<string, unknown> {
  return { resultSet: { errorCount: agentResults.filter((r) => !r.success).length, agentResults } };
}

function agentsWrite(ctx: AdminContext, mode: 'assign' | 'change'): Reply {
  const id = knownSkill(ctx);
  if (isReply(id)) return id;
  const body = jsonObject(ctx.body);
  if (isReply(body)) return body;
  const items = body['agents'];
  if (!Array.isArray(items) || items.length === 0 || items.some((x) => x === null || typeof x !== 'object' || Array.isArray(x))) {
    return invalid([{ field: 'agents', message: 'must be a non-empty array of { agentId, isActive, proficiency }' }]);
  }
  const failure = ctx.state.takeFailure(id);
  if (failure !== undefined) {
    return { status: 200, body: resultSet((items as AgentItem[]).map((x) => ({ agentId: x.agentId, success: false, error: failure }))) };
  }
  const results = ctx.state.agents.write(id, items as AgentItem[], mode);
  return { status: 200, body: resultSet(results), lose: results.some((r) => r.success) && ctx.faults.lose() };
}

/** `POST /skills/{skillId}/agents`: assign agents (each item succeeds or fails alone). */
export const assignAgents = (ctx: AdminContext): Reply => agentsWrite(ctx, 'assign');

/** `PUT /skills/{skillId}/agents`: change proficiency or active of assigned agents. */
export const changeAgents = (ctx: AdminContext): Reply => agentsWrite(ctx, 'change');

/** `DELETE /skills/{skillId}/agents/{agentId}`: 200 with a one-item result set (failed when not assigned). */
export function unassignAgent(ctx: AdminContext): Reply {
  const id = knownSkill(ctx);
  if (isReply(id)) return id;
  const raw = ctx.params['agentId']!;
  if (!/^\d+$/.test(raw)) return invalid([{ field: 'agentId', message: 'must be an integer' }]);
  const agentId = Number(raw);
  const failure = ctx.state.takeFailure(id);
  if (failure !== undefined) return { status: 200, body: resultSet([{ agentId, success: false, error: failure }]) };
  if (!ctx.state.agents.unset(id, agentId)) {
    const why = ctx.state.agents.agent(agentId) ? `agent ${agentId} is not assigned to skill ${id}` : `agent ${agentId} does not exist`;
    return { status: 200, body: resultSet([{ agentId, success: false, error: why }]) };
  }
  return { status: 200, body: resultSet([{ agentId, success: true }]), lose: ctx.faults.lose() };
}
