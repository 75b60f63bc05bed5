/**
 * Live and historical numbers: activity, summary and completed contacts. All come from
 * analytics.ts, so a summary equals the counts of the completed contacts of the same window.
 */
import type { FieldError } from '../../errors.js';
import type { Reply } from '../http.js';
import { parseTimeExpr } from '../time.js';
import { activity, completedContacts, summarise } from './analytics.js';
import type { AdminContext } from './context.js';
import { knownSkill } from './routes-skills.js';
import { intQuery, invalid, isReply, pageOf, paging } from './replies.js';
import type { GetSkill } from './skill-shape.js';

const DAY = 86_400_000;
/** Longest window a summary or completed-contacts query may span. */
export const MAX_WINDOW_DAYS = 31;
/** Largest `top` of `/contacts/completed` (entity lists use `maxTop`). */
export const COMPLETED_MAX_TOP = 1000;

interface Window {
  start: number;
  end: number;
  now: number;
}

/** `startDate`/`endDate` (ISO-8601 or now, now-Nh, ...; default the last 24 h), or a 400. */
function window(ctx: AdminContext): Window | Reply {
  const now = ctx.state.now();
  const q = ctx.url.searchParams;
  const errors: FieldError[] = [];
  const at = (name: string, fallback: Date): number => {
    const raw = q.get(name);
    if (raw === null || raw === '') return fallback.getTime();
    const t = parseTimeExpr(raw, now);
    if (!t) errors.push({ field: name, message: 'must be an ISO-8601 date-time' });
    return t?.getTime() ?? 0;
  };
  const end = at('endDate', now);
  const start = at('startDate', new Date(end - DAY));
  if (errors.length === 0 && end <= start) errors.push({ field: 'endDate', message: 'must be after startDate' });
  if (errors.length === 0 && end - start > MAX_WINDOW_DAYS * DAY) {
    errors.push({ field: 'startDate', message: `the window may span at most ${MAX_WINDOW_DAYS} days` });
  }
  return errors.length > 0 ? invalid(errors) : { start, end, now: now.getTime() };
}

function agentIds(ctx: AdminContext, skillId: number, activeOnly: boolean): number[] {
  return ctx.state.agents
    .assignments(skillId)
    .filter((a) => !activeOnly || (a.isActive && ctx.state.agents.agent(a.agentId)?.isActive === true))
    .map((a) => a.agentId);
}

function skillsOf(ctx: AdminContext, id?: number): Readonly<GetSkill>[] {
  return id === undefined ? ctx.state.skills.list() : [ctx.state.skills.peek(id)!];
}

function activityReply(ctx: AdminContext, id?: number): Reply {
  const now = ctx.state.now().getTime();
  const rows = skillsOf(ctx, id).map((s) => activity(s, now, ctx.state.seed, agentIds(ctx, s.skillId, true)));
  return { status: 200, body: { lastPollTime: new Date(now).toISOString(), skillActivity: rows } };
}

/** `GET /skills/activity` (every skill; `updatedSince` is accepted and every skill returned). */
export const allActivity = (ctx: AdminContext): Reply => activityReply(ctx);

/** `GET /skills/{skillId}/activity`: `{ lastPollTime, skillActivity: [one] }`. */
export function skillActivity(ctx: AdminContext): Reply {
  const id = knownSkill(ctx);
  return isReply(id) ? id : activityReply(ctx, id);
}

function summaryReply(ctx: AdminContext, id?: number): Reply {
  const w = window(ctx);
  if (isReply(w)) return w;
  const skillSummaries = skillsOf(ctx, id).map((s) => summarise(s, completedContacts(s, w, ctx.state.seed, agentIds(ctx, s.skillId, false))));
  return { status: 200, body: { startDate: new Date(w.start).toISOString(), endDate: new Date(w.end).toISOString(), skillSummaries } };
}

/** `GET /skills/summary?startDate&endDate`: one summary per skill. */
export const allSummaries = (ctx: AdminContext): Reply => summaryReply(ctx);

/** `GET /skills/{skillId}/summary?startDate&endDate`: `{ skillSummaries: [one] }`. */
export function skillSummary(ctx: AdminContext): Reply {
  const id = knownSkill(ctx);
  return isReply(id) ? id : summaryReply(ctx, id);
}

/** `GET /contacts/completed?skillId&startDate&endDate&skip&top`: rows in start order (all skills without `skillId`). */
export function completed(ctx: AdminContext): Reply {
  const q = ctx.url.searchParams;
  let id: number | undefined;
  if (q.has('skillId')) {
    const n = intQuery(q, 'skillId', 0);
    if (typeof n === 'object') return invalid([n]);
    if (!ctx.state.skills.peek(n)) return invalid([{ field: 'skillId', message: `skill ${n} does not exist` }]);
    id = n;
  }
  const w = window(ctx);
  if (isReply(w)) return w;
  const p = paging(q, COMPLETED_MAX_TOP);
  if (isReply(p)) return p;
  const rows = skillsOf(ctx, id)
    .flatMap((s) => completedContacts(s, w, ctx.state.seed, agentIds(ctx, s.skillId, false)))
    .sort((a, b) => (a.contactStart < b.contactStart ? -1 : a.contactStart > b.contactStart ? 1 : a.contactId - b.contactId));
  return pageOf(ctx.url, ctx.settings.baseUrl, 'completedContacts', rows, p);
}
