/**
 * Live and historical numbers of the second admin server, all derived from the same rows so they
 * agree: a summary is computed from the completed contacts in its range (offered = handled +
 * abandoned, within + out of SLA = offered, ASA the mean queue time of handled contacts), and
 * activity from the skill's active assignments (logged in = available + working + idle).
 */
import type { Json } from './admin-fields.js';
import type { AdminState } from './admin-state.js';
import type { CompletedContact } from './admin-seed.js';

/** One completed-contacts row as served; `serviceLevelFlag` 1 within SLA, 0 out. */
export function contactRow(c: CompletedContact, skill: Json): Json {
  const threshold = Number(skill['serviceLevelThreshold']);
  const short = c.abandoned && skill['enableShortAbandon'] === true && c.inQueueSeconds < Number(skill['shortAbandonThreshold']);
  return {
    contactId: c.contactId, masterContactId: c.contactId, skillId: c.skillId, skillName: skill['skillName'],
    mediaTypeId: skill['mediaTypeId'], contactStartDate: new Date(c.startMs).toISOString(),
    inQueueSeconds: c.inQueueSeconds, abandoned: c.abandoned, isShortAbandon: short,
    serviceLevelFlag: !c.abandoned && c.inQueueSeconds <= threshold ? 1 : 0,
    agentSeconds: c.handleSeconds, totalDurationSeconds: c.inQueueSeconds + c.handleSeconds,
    fromAddr: '+15555550199', teamInfo: { teamId: 21, origin: 'second-admin' },
  };
}

/** Completed contacts of one skill (or all) that started within [from, to]. */
export function contactsIn(state: AdminState, from: number, to: number, skillId?: number): Json[] {
  return state.contacts
    .filter((c) => (skillId === undefined || c.skillId === skillId) && c.startMs >= from && c.startMs <= to)
    .flatMap((c) => {
      const skill = state.visibleSkill(c.skillId);
      return skill === undefined ? [] : [contactRow(c, skill)];
    });
}

export function summaryRow(skill: Json, rows: Json[]): Json {
  const handled = rows.filter((r) => r['abandoned'] !== true);
  const within = rows.filter((r) => r['serviceLevelFlag'] === 1).length;
  const mean = (k: string): number => (handled.length === 0 ? 0 : Math.round(handled.reduce((s, r) => s + Number(r[k]), 0) / handled.length));
  const abandoned = rows.length - handled.length;
  return {
    skillId: skill['skillId'], skillName: skill['skillName'], businessUnitId: skill['businessUnitId'],
    contactsOffered: rows.length, contactsHandled: handled.length, abandonCount: abandoned,
    abandonRate: rows.length === 0 ? 0 : Math.round((abandoned / rows.length) * 10_000) / 100,
    averageSpeedToAnswer: mean('inQueueSeconds'), averageHandleTime: mean('agentSeconds'),
    contactsWithinSLA: within, contactsOutOfSLA: rows.length - within,
    shortAbandonCount: rows.filter((r) => r['isShortAbandon'] === true).length, holdTimeSeconds: 0,
  };
}

export function activityRow(state: AdminState, skill: Json, now: number): Json {
  const id = Number(skill['skillId']);
  const active = new Set(state.agents.filter((a) => a.isActive).map((a) => a.agentId));
  const loggedIn = skill['isActive'] === true ? state.visibleAssignments(id).filter((a) => a.isActive && active.has(a.agentId)).length : 0;
  const working = Math.floor(loggedIn / 2);
  const idle = loggedIn >= 3 ? 1 : 0;
  const queueCount = skill['isActive'] === true ? id % 4 : 0;
  const today = contactsIn(state, now - 86_400_000, now, id);
  const inSLA = today.filter((r) => r['serviceLevelFlag'] === 1).length;
  const outSLA = today.length - inSLA;
  return {
    skillId: id, skillName: skill['skillName'], mediaTypeId: skill['mediaTypeId'], isActive: skill['isActive'],
    queueCount, agentsLoggedIn: loggedIn, agentsAvailable: loggedIn - working - idle, agentsWorking: working,
    agentsIdle: idle, agentsUnavailable: idle, inSLA, outSLA,
    serviceLevel: today.length === 0 ? 0 : Math.round((inSLA / today.length) * 100),
    earliestQueueTime: queueCount > 0 ? new Date(now - 45_000 * queueCount).toISOString() : null,
    lastPollTime: new Date(now).toISOString(), campaignId: skill['campaignId'],
  };
}

/** Parses the required `startDate` and `endDate` (ISO-8601); undefined when either is missing or bad. */
export function dateRange(q: URLSearchParams): { from: number; to: number } | undefined {
  const from = Date.parse(q.get('startDate') ?? '');
  const to = Date.parse(q.get('endDate') ?? '');
  return Number.isNaN(from) || Number.isNaN(to) || from > to ? undefined : { from, to };
}
