/**
 * The second admin server's routes below the API base (`/inContactAPI/services/v33.0` or `v30.0`).
 */
import { createSkills, activity, completedContacts, getSkill, listSkills, putSkill, summary } from './admin-skill-routes.js';
import { listAgents, manySkillAgents, skillAgents, unassign, writeSkillAgents } from './admin-agent-routes.js';
import { fail, intId, type Ctx, type Reply } from './admin-http.js';

/** The API versions this server serves. */
export const API_VERSIONS = ['v33.0', 'v30.0'];

export function route(ctx: Ctx): Reply {
  const parts = ctx.path.split('/').filter((p) => p !== '');
  const m = ctx.method;
  const [head, second, third, fourth] = parts;
  if (head === 'agents' && parts.length === 1 && m === 'GET') return listAgents(ctx);
  if (head === 'contacts' && second === 'completed' && parts.length === 2 && m === 'GET') return completedContacts(ctx);
  if (head !== 'skills') return notFound(ctx);
  if (parts.length === 1) return m === 'GET' ? listSkills(ctx) : m === 'POST' ? createSkills(ctx) : notAllowed(ctx);
  if (parts.length === 2 && m === 'GET') {
    if (second === 'activity') return activity(ctx);
    if (second === 'summary') return summary(ctx);
    if (second === 'agents') return manySkillAgents(ctx);
  }
  const id = intId(second);
  if (id === undefined) return notFound(ctx);
  if (parts.length === 2) return m === 'GET' ? getSkill(ctx, id) : m === 'PUT' ? putSkill(ctx, id) : notAllowed(ctx);
  if (parts.length === 3 && third === 'agents') {
    if (m === 'GET') return skillAgents(ctx, id);
    if (m === 'POST' || m === 'PUT') return writeSkillAgents(ctx, id);
    return notAllowed(ctx);
  }
  if (parts.length === 3 && m === 'GET' && third === 'activity') return activity(ctx, id);
  if (parts.length === 3 && m === 'GET' && third === 'summary') return summary(ctx, id);
  const agentId = intId(fourth);
  if (parts.length === 4 && third === 'agents' && agentId !== undefined) return m === 'DELETE' ? unassign(ctx, id, agentId) : notAllowed(ctx);
  return notFound(ctx);
}

function notFound(ctx: Ctx): Reply {
  return fail(404, 'NotFound', `no resource at ${ctx.path}`);
}

function notAllowed(ctx: Ctx): Reply {
  return fail(405, 'MethodNotAllowed', `${ctx.method} is not supported on ${ctx.path}`);
}
