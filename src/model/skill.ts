/**
 * The skill model shared by the admin provider, definitions and plan: what the engine sees of a
 * live CXone ACD skill (the Admin API's GET shape, docs/admin-api.md), the table of fields
 * cxq manages, the table of read-only and derived fields (with the reason a definition may not
 * set them), and agent assignments by user name. docs/skills.md explains every choice.
 *
 * Named `LiveSkill` because `Skill` in ./tenant.ts is the v2 dialect's `{id, name}` skill ref.
 */

/** Media types as the Admin API numbers them (`mediaTypeId`). Informational: cxq never writes it. */
export const MEDIA_TYPES: Readonly<Record<number, string>> = {
  1: 'email',
  3: 'chat',
  4: 'phone',
  5: 'voicemail',
  6: 'work item',
  7: 'SMS',
  9: 'digital',
};

/** The routing-relevant fields a Skill definition may declare, in canonical (output) order. */
export const MANAGED_SKILL_FIELDS = [
  'isActive',
  'serviceLevelThreshold',
  'serviceLevelGoal',
  'initialPriority',
  'acceleration',
  'maxPriority',
  'priorityBlending',
  'enableShortAbandon',
  'shortAbandonThreshold',
  'countShortAbandons',
  'requireDisposition',
  'maxSecondsACW',
  'agentRestTime',
  'requireManualAccept',
  'notes',
] as const;
export type ManagedSkillField = (typeof MANAGED_SKILL_FIELDS)[number];

/** The JSON type of each managed field (the schema holds the ranges). */
export const MANAGED_SKILL_FIELD_TYPES: Readonly<Record<ManagedSkillField, 'boolean' | 'integer' | 'string'>> = {
  isActive: 'boolean',
  serviceLevelThreshold: 'integer',
  serviceLevelGoal: 'integer',
  initialPriority: 'integer',
  acceleration: 'integer',
  maxPriority: 'integer',
  priorityBlending: 'boolean',
  enableShortAbandon: 'boolean',
  shortAbandonThreshold: 'integer',
  countShortAbandons: 'boolean',
  requireDisposition: 'boolean',
  maxSecondsACW: 'integer',
  agentRestTime: 'integer',
  requireManualAccept: 'boolean',
  notes: 'string',
};

/**
 * Fields a GET returns that no PUT writes: the platform assigns or derives them. Each carries the
 * hint a definition declaring it gets. `skillId` is here because the platform assigns it, but a
 * definition MAY declare it (to pin the identity, checked against the live skill).
 */
export const READ_ONLY_SKILL_FIELDS: Readonly<Record<string, string>> = {
  skillId: 'the platform assigns it',
  mediaTypeName: 'the platform derives it from mediaTypeId',
  campaignName: 'the platform derives it from campaignId',
  scriptName: 'the platform derives it from scriptId',
  isOutbound: 'the platform derives it from the media type and campaign',
  outboundStrategy: 'the platform derives it from the campaign and dialer settings',
  isRunning: 'it is live state of the skill, not a setting',
  isNaturalCalling: 'the platform derives it from the dialer settings',
  emailFromEditableName: 'the platform derives it from the email settings',
  lastUpdateTime: 'the platform stamps it on every change',
};

/** A live skill: the Admin API's GET shape. Every field the server sends is kept, so a PUT can carry it back. */
export interface LiveSkill {
  skillId: number;
  skillName: string;
  mediaTypeId: number;
  mediaTypeName?: string;
  isActive?: boolean;
  serviceLevelThreshold?: number;
  serviceLevelGoal?: number;
  initialPriority?: number;
  acceleration?: number;
  maxPriority?: number;
  priorityBlending?: boolean;
  enableShortAbandon?: boolean;
  shortAbandonThreshold?: number;
  countShortAbandons?: boolean;
  requireDisposition?: boolean;
  maxSecondsACW?: number;
  agentRestTime?: number;
  requireManualAccept?: boolean;
  notes?: string | null;
  [otherField: string]: unknown;
}

/** The managed fields as a definition declares them (every one optional: undeclared = unmanaged). */
export type ManagedSkillValues = Partial<Pick<LiveSkill, Exclude<ManagedSkillField, 'notes'>>> & { notes?: string };

/** Lowest and highest proficiency; lower is better (1 is the most proficient). */
export const PROFICIENCY_MIN = 1;
export const PROFICIENCY_MAX = 20;

/** How a definition declares one agent on a skill. `active` left out is unmanaged (true for a new assignment). */
export interface DeclaredAgent {
  proficiency: number;
  active?: boolean;
}

/** Declared agents by user name (user names travel between tenants; numeric agent ids do not). */
export type DeclaredAgents = Record<string, DeclaredAgent>;

/** An agent of the tenant (`GET /agents`), as the plan needs it to resolve user names. */
export interface TenantAgent {
  agentId: number;
  userName: string;
  isActive?: boolean;
}

/** One live assignment of an agent to a skill (`GET /skills/{id}/agents`, `GET /skills/agents`). */
export interface LiveAssignment {
  agentId: number;
  /** `agentProficiencyValue` on the wire: 1..20, lower is better. */
  proficiency: number;
  /** `isActive` on the wire: whether the assignment is active. */
  active: boolean;
}

/** An assignment's settings, as compared and shown by the plan. */
export interface AssignmentValues {
  proficiency: number;
  active: boolean;
}
