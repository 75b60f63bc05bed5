/**
 * Seed data of the second admin server: six skills of mixed media types (GET shape, with fields a
 * client does not manage and fields no document names), eight agents with user names, assignments,
 * and a few completed contacts per skill. Ids are sparse and unordered on purpose.
 */
import { MEDIA_TYPES, type Json } from './admin-fields.js';

export interface Agent {
  agentId: number; userName: string; firstName: string; lastName: string;
  emailAddress: string; isActive: boolean; teamId: number;
}

export interface Assignment { agentId: number; proficiency: number; isActive: boolean; lastUpdateTime: string }

/** One finished contact; the numbers the summary is computed from. */
export interface CompletedContact {
  contactId: number; skillId: number; startMs: number; inQueueSeconds: number;
  abandoned: boolean; handleSeconds: number;
}

interface SkillSeed { id: number; name: string; media: number; active: boolean; extra: Json }

const SKILLS: SkillSeed[] = [
  { id: 3107, name: 'Sales Inbound Phone', media: 4, active: true, extra: { callerIdOverride: '+15555550100', screenPopTriggerEvent: 'CONNECT' } },
  { id: 3101, name: 'Support Chat', media: 3, active: true, extra: {
    patronTypingPreview: true, agentTypingIndicator: true, popThankYouURL: 'https://example.com/thanks',
    chatWarningThreshold: 90, screenPopTriggerEvent: 'ACTIVE',
  } },
  { id: 3333, name: 'Billing Email', media: 1, active: true, extra: {
    emailFromAddress: 'billing@example.com', emailFromEditable: false, screenPopTriggerEvent: 'LINKED',
  } },
  { id: 3200, name: 'SMS Care', media: 7, active: true, extra: { smsTransportCodeId: 77, screenPopTriggerEvent: 'LINKED' } },
  { id: 3410, name: 'returns work item', media: 6, active: false, extra: { screenPopTriggerEvent: 'ACTIVE', scriptId: null, scriptName: null } },
  { id: 3112, name: 'Digital Concierge', media: 9, active: true, extra: { popThankYouURL: 'https://example.com/bye', screenPopTriggerEvent: 'CONNECT' } },
];

/** A skill as GET shows it. `i` varies the routing numbers so no two skills look alike. */
export function seedSkill(id: number, name: string, media: number, active: boolean, i: number, extra: Json = {}): Json {
  return {
    skillId: id, skillName: name, mediaTypeId: media, mediaTypeName: MEDIA_TYPES[media] ?? 'Unknown',
    isActive: active, campaignId: 400 + (i % 3), campaignName: `Campaign ${400 + (i % 3)}`, notes: `seeded skill ${i}`,
    isOutbound: false, outboundStrategy: 'Personal Connection', priorityBlending: i % 2 === 0,
    initialPriority: i % 5, acceleration: 1 + (i % 4), maxPriority: 100 + i, serviceLevelThreshold: 20 + 10 * (i % 4),
    serviceLevelGoal: 80 + (i % 3) * 5, enableShortAbandon: i % 2 === 1, shortAbandonThreshold: 5 + (i % 3),
    countShortAbandons: i % 3 === 0, requireDisposition: i % 2 === 0, allowSecondaryDisposition: false,
    maxSecondsACW: 30 + 15 * (i % 3), acwTypeId: 1, stateIdACW: 0, agentRestTime: i % 4 === 0 ? 0 : 5,
    requireManualAccept: false, scriptId: 9000 + i, scriptName: `Script ${9000 + i}`, screenPopTriggerEvent: 'LINKED',
    dispositions: [{ dispositionId: 11, dispositionName: 'Resolved', priority: 1, isPreviewDisposition: false, colourHint: 'green' }],
    // Fields no public document names; a client must carry them or leave them, never drop them.
    isRunning: active, businessUnitId: 4_600_123, routingHints: { overflowGroup: `g${i % 2}`, weights: [i, i + 1] },
    secondServerRevision: 'r7',
    ...extra,
  };
}

export function seedSkills(extraSkills: number): Json[] {
  const skills = SKILLS.map((s, i) => seedSkill(s.id, s.name, s.media, s.active, i, s.extra));
  for (let n = 0; n < extraSkills; n++) skills.push(seedSkill(50_000 + 7 * n, `Bulk Skill ${String(n).padStart(4, '0')}`, 4, true, n));
  return skills;
}

const NAMES: [string, string, string, boolean][] = [
  ['ana.garcia', 'Ana', 'Garcia', true], ['li.wei', 'Li', 'Wei', true], ['omar.haddad', 'Omar', 'Haddad', true],
  ['sofia.rossi', 'Sofia', 'Rossi', true], ['kwame.mensah', 'Kwame', 'Mensah', true], ['priya.nair', 'Priya', 'Nair', true],
  ['jonas.berg', 'Jonas', 'Berg', true], ['mei.tanaka', 'Mei', 'Tanaka', false],
];

export function seedAgents(): Agent[] {
  return NAMES.map(([userName, firstName, lastName, isActive], i) => ({
    agentId: 118_000 + 37 * ((i * 5) % 8), userName, firstName, lastName,
    emailAddress: `${userName}@example.com`, isActive, teamId: 20 + (i % 3),
  }));
}

/** skillId → [userName, proficiency, active]; SMS Care has nobody. */
const ASSIGNED: Record<number, [string, number, boolean][]> = {
  3107: [['ana.garcia', 1, true], ['li.wei', 3, true], ['omar.haddad', 5, true]],
  3101: [['li.wei', 2, true], ['sofia.rossi', 4, true], ['priya.nair', 10, false]],
  3333: [['kwame.mensah', 7, true]],
  3410: [['jonas.berg', 12, true], ['ana.garcia', 20, true]],
  3112: [['mei.tanaka', 1, true]],
};

export function seedAssignments(agents: Agent[], at: string): Map<number, Assignment[]> {
  const id = (u: string): number => agents.find((a) => a.userName === u)?.agentId ?? -1;
  const out = new Map<number, Assignment[]>();
  for (const [skill, rows] of Object.entries(ASSIGNED)) {
    out.set(Number(skill), rows.map(([u, proficiency, isActive]) => ({ agentId: id(u), proficiency, isActive, lastUpdateTime: at })));
  }
  return out;
}

/** Five to eight finished contacts per seeded skill over the hour before `now`. */
export function seedContacts(skillIds: number[], now: number): CompletedContact[] {
  const rows: CompletedContact[] = [];
  let contactId = 7_700_001;
  for (const [s, skillId] of skillIds.entries()) {
    for (let k = 0; k < 5 + (s % 4); k++) {
      const abandoned = (k + s) % 4 === 3;
      rows.push({
        contactId: contactId++, skillId, startMs: now - 3_600_000 + (s * 8 + k) * 60_000,
        inQueueSeconds: abandoned ? 3 + 11 * (k % 3) : 4 + ((k * 13 + s * 7) % 50),
        abandoned, handleSeconds: abandoned ? 0 : 120 + ((k * 37 + s * 11) % 200),
      });
    }
  }
  return rows;
}
