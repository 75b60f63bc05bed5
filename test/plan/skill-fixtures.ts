import { parseDefinitionsText } from '../../src/definitions/parse.js';
import type { LoadedSkillDefinition } from '../../src/definitions/types.js';
import type { LiveAssignment, LiveSkill, TenantAgent } from '../../src/model/skill.js';

/** A live skill as the Admin API reads it, with fields cxq does not manage. */
export function liveSkill(over: Partial<LiveSkill> = {}): LiveSkill {
  return {
    skillId: 11,
    skillName: 'Support Voice',
    mediaTypeId: 4,
    mediaTypeName: 'Phone Call',
    isActive: true,
    serviceLevelThreshold: 30,
    serviceLevelGoal: 80,
    initialPriority: 0,
    acceleration: 1,
    maxPriority: 1000,
    priorityBlending: false,
    enableShortAbandon: true,
    shortAbandonThreshold: 15,
    countShortAbandons: false,
    requireDisposition: true,
    maxSecondsACW: 120,
    agentRestTime: 0,
    requireManualAccept: false,
    notes: 'First line',
    campaignId: 3,
    screenPopTriggerEvent: 'LINKED',
    ...over,
  };
}

export const DIRECTORY: TenantAgent[] = [
  { agentId: 101, userName: 'ana.garcia' },
  { agentId: 102, userName: 'ben.okafor' },
  { agentId: 103, userName: 'chloe.martin' },
  { agentId: 104, userName: 'david.kim' },
];

export const ASSIGNED: LiveAssignment[] = [
  { agentId: 101, proficiency: 1, active: true },
  { agentId: 102, proficiency: 5, active: true },
  { agentId: 104, proficiency: 2, active: false },
];

/** The single valid skill definition in `yaml` (a test error otherwise). */
export function skillDef(yaml: string, file = 'skills/voice.yaml'): LoadedSkillDefinition {
  const r = parseDefinitionsText(yaml, file);
  const def = r.skills?.definitions[0];
  if (def === undefined || r.problems.length > 0) throw new Error(`not a valid skill: ${JSON.stringify(r.problems)}`);
  return def;
}
