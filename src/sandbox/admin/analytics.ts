/**
 * Deterministic contact history and live numbers per skill (pure). Completed contacts are
 * generated per skill and UTC hour from a seeded PRNG and the skill's current settings; the
 * summary and the activity's inSLA/outSLA are counted from those same contacts, so every number
 * agrees with `/contacts/completed`. Waits are drawn so that a stable per-skill share of contacts
 * is answered within the skill's serviceLevelThreshold.
 */
import { hashString, mulberry32 } from '../prng.js';
import type { GetSkill } from './skill-shape.js';

/** One row of `GET /contacts/completed`. */
export interface CompletedContact {
  contactId: number;
  masterContactId: number;
  skillId: number;
  skillName: string;
  mediaTypeId: number;
  agentId: number | null;
  contactStart: string;
  inQueueSeconds: number;
  agentSeconds: number;
  ACWSeconds: number;
  totalDurationSeconds: number;
  abandoned: boolean;
  abandonSeconds: number;
  isShortAbandon: boolean;
  /** 1 within the service level, 0 outside, -1 not counted (a short abandon that does not count). */
  serviceLevelFlag: 1 | 0 | -1;
}

/** One skill's summary over a window (`/skills/{id}/summary`). */
export interface SkillSummary {
  skillId: number;
  skillName: string;
  contactsOffered: number;
  contactsHandled: number;
  abandonCount: number;
  abandonRate: number;
  averageSpeedToAnswer: number;
  averageHandleTime: number;
  contactsWithinSLA: number;
  contactsOutOfSLA: number;
  serviceLevel: number;
}

const HOUR = 3_600_000;

/** The stable load profile of a skill: contacts per hour, share answered in SLA, handle time. */
export function skillProfile(skillId: number, seed: number): { perHour: number; slShare: number; aht: number } {
  const h = hashString(`${seed}:${skillId}`);
  return { perHour: 2 + (h % 30), slShare: 0.55 + ((h >>> 8) % 43) / 100, aht: 120 + ((h >>> 16) % 480) };
}

/** The contacts of one skill that started in UTC hour `hour` (epoch hours), in start order. */
function hourContacts(skill: Readonly<GetSkill>, hour: number, seed: number, agents: readonly number[]): CompletedContact[] {
  const { perHour, slShare, aht } = skillProfile(skill.skillId, seed);
  const rng = mulberry32(hashString(`${seed}:${skill.skillId}:${hour}`));
  const threshold = skill['serviceLevelThreshold'] as number;
  const count = Math.floor(perHour * (0.5 + rng()));
  const offsets = Array.from({ length: count }, () => Math.floor(rng() * 3600)).sort((a, b) => a - b);
  return offsets.map((offset, i) => {
    // Six draws per contact whatever the branch, so one setting never reshuffles the others.
    const [inSla, within, tail, quit, talk, acw] = [rng(), rng(), rng(), rng(), rng(), rng()] as [number, number, number, number, number, number];
    const wait = inSla < slShare ? Math.floor(within * (threshold + 1)) : threshold + 1 + Math.floor(-Math.log(1 - tail) * Math.max(threshold, 10));
    const abandoned = wait > threshold ? quit < 0.35 : quit < 0.08;
    const isShortAbandon = abandoned && skill['enableShortAbandon'] === true && wait < (skill['shortAbandonThreshold'] as number);
    const agentSeconds = abandoned ? 0 : Math.round(aht * (0.5 + talk));
    const ACWSeconds = abandoned ? 0 : Math.min(skill['maxSecondsACW'] as number, Math.floor(acw * 40));
    const id = Number(`${hour % 100_000}${String(skill.skillId % 100_000).padStart(5, '0')}${String(i).padStart(3, '0')}`);
    return {
      contactId: id,
      masterContactId: id,
      skillId: skill.skillId,
      skillName: skill.skillName,
      mediaTypeId: skill.mediaTypeId,
      agentId: abandoned || agents.length === 0 ? null : agents[Math.floor(talk * agents.length) % agents.length]!,
      contactStart: new Date(hour * HOUR + offset * 1000).toISOString(),
      inQueueSeconds: wait,
      agentSeconds,
      ACWSeconds,
      totalDurationSeconds: wait + agentSeconds + ACWSeconds,
      abandoned,
      abandonSeconds: abandoned ? wait : 0,
      isShortAbandon,
      serviceLevelFlag: isShortAbandon && skill['countShortAbandons'] !== true ? -1 : wait <= threshold ? 1 : 0,
    };
  });
}

/**
 * Contacts of `skill` that started in [start, end) and had completed by `now` (epoch ms), in start
 * order. `agents` are the ids that may have handled them.
 */
export function completedContacts(
  skill: Readonly<GetSkill>,
  window: { start: number; end: number; now: number },
  seed: number,
  agents: readonly number[],
): CompletedContact[] {
  const out: CompletedContact[] = [];
  const last = Math.floor((Math.min(window.end, window.now) - 1) / HOUR);
  for (let h = Math.floor(window.start / HOUR); h <= last; h++) {
    for (const c of hourContacts(skill, h, seed, agents)) {
      const t = Date.parse(c.contactStart);
      if (t >= window.start && t < window.end && t + c.totalDurationSeconds * 1000 <= window.now) out.push(c);
    }
  }
  return out;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The summary of `contacts` (one skill's completed contacts over a window). */
export function summarise(skill: Readonly<GetSkill>, contacts: readonly CompletedContact[]): SkillSummary {
  const handled = contacts.filter((c) => !c.abandoned);
  const abandonCount = contacts.filter((c) => c.abandoned && c.serviceLevelFlag !== -1).length;
  const within = contacts.filter((c) => c.serviceLevelFlag === 1).length;
  const outside = contacts.filter((c) => c.serviceLevelFlag === 0).length;
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : Math.round(xs.reduce((a, b) => a + b, 0) / xs.length));
  return {
    skillId: skill.skillId,
    skillName: skill.skillName,
    contactsOffered: contacts.length,
    contactsHandled: handled.length,
    abandonCount,
    abandonRate: contacts.length === 0 ? 0 : round2((abandonCount / contacts.length) * 100),
    averageSpeedToAnswer: mean(handled.map((c) => c.inQueueSeconds)),
    averageHandleTime: mean(handled.map((c) => c.agentSeconds + c.ACWSeconds)),
    contactsWithinSLA: within,
    contactsOutOfSLA: outside,
    serviceLevel: within + outside === 0 ? 100 : round2((within / (within + outside)) * 100),
  };
}

/** Live numbers of one skill (`/skills/activity`). */
export interface SkillActivity {
  skillId: number;
  skillName: string;
  mediaTypeId: number;
  isActive: boolean;
  queueCount: number;
  agentsAvailable: number;
  agentsLoggedIn: number;
  agentsWorking: number;
  agentsIdle: number;
  inSLA: number;
  outSLA: number;
  serviceLevel: number;
  earliestQueueTime: string | null;
  lastPollTime: string;
}

/**
 * The skill now: agents logged in are drawn (per minute, seeded) from its active assignments,
 * split into working, available and idle (logged in, not available); contacts queue only when no
 * agent is available; inSLA/outSLA count the last hour's completed contacts.
 */
export function activity(skill: Readonly<GetSkill>, now: number, seed: number, activeAgents: readonly number[]): SkillActivity {
  const rng = mulberry32(hashString(`${seed}:${skill.skillId}:activity:${Math.floor(now / 60_000)}`));
  const on = skill['isActive'] === true;
  const loggedIn = on ? Math.round(activeAgents.length * (0.4 + 0.5 * rng())) : 0;
  const working = Math.floor(loggedIn * (0.3 + 0.6 * rng()));
  const available = Math.floor((loggedIn - working) * rng());
  const { perHour } = skillProfile(skill.skillId, seed);
  const queueCount = on && available === 0 ? Math.floor(rng() * (perHour / 6 + 1)) : 0;
  const wait = Math.floor(rng() * 2 * (skill['serviceLevelThreshold'] as number)) + 1;
  const recent = completedContacts(skill, { start: now - HOUR, end: now, now }, seed, activeAgents);
  const s = summarise(skill, recent);
  return {
    skillId: skill.skillId,
    skillName: skill.skillName,
    mediaTypeId: skill.mediaTypeId,
    isActive: on,
    queueCount,
    agentsAvailable: available,
    agentsLoggedIn: loggedIn,
    agentsWorking: working,
    agentsIdle: loggedIn - working - available,
    inSLA: s.contactsWithinSLA,
    outSLA: s.contactsOutOfSLA,
    serviceLevel: s.serviceLevel,
    earliestQueueTime: queueCount > 0 ? new Date(now - wait * 1000).toISOString() : null,
    lastPollTime: new Date(now).toISOString(),
  };
}
