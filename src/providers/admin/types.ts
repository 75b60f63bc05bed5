/**
 * Wire-only types of the admin dialect's answers (docs/admin-api.md). Local until the lead unifies
 * them with the Skill model (src/model/skill.ts) and wire mapping (wire.ts) built alongside.
 */

/** A skill as GET answers it: every field kept, so a write can carry what cxq does not manage. */
export type LiveSkill = Record<string, unknown> & { skillId: number; skillName: string };

export interface SkillFilter {
  mediaTypeId?: number;
  isActive?: boolean;
  searchString?: string;
}

export type AdminAgent = Record<string, unknown> & { agentId: number; userName: string; isActive?: boolean };

/** One agent-on-skill row; `skillId` is present on the multi-skill endpoint's rows. */
export type AgentAssignment = Record<string, unknown> & {
  agentId: number;
  skillId?: number;
  agentProficiencyValue?: number | null;
  isActive?: boolean;
};

/** One agent of an assign/change body: lower proficiency is better (1..20). */
export interface AgentSkillWrite {
  agentId: number;
  isActive: boolean;
  proficiency: number;
}

export type SkillActivity = Record<string, unknown> & { skillId: number; queueCount?: number; agentsLoggedIn?: number; agentsAvailable?: number };

export type SkillSummary = Record<string, unknown> & { skillId: number; contactsOffered?: number; averageHandleTime?: number; abandonCount?: number };

export type CompletedContact = Record<string, unknown> & { contactId: number | string; inQueueSeconds?: number; abandoned?: boolean; isShortAbandon?: boolean };

/** ISO 8601 instants, as the summary and completed-contacts endpoints take them. */
export interface AdminDateRange {
  startDate: string;
  endDate: string;
}
