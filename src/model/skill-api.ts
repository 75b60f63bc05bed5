/**
 * What the engine asks of a tenant that serves skills (the admin dialect). The admin provider
 * (src/providers/admin/provider.ts) implements it over the Admin API client; tests may pass a fake.
 *
 * Contract shared by every method: transient failures (429, 503, resets, timeouts on reads) are
 * retried with bounded backoff by the shared transport; a write whose answer was lost or ambiguous
 * throws `OutcomeUnknownError` and is never re-sent; a 2xx whose body reports failure throws
 * `WriteRejectedError`; an answer of the wrong shape throws `ResponseShapeError`. Lists follow every
 * page before returning and never return part of the tenant.
 */
import type { ClientStats, InterruptTally } from './api.js';
import type { LiveAssignment, LiveSkill, ManagedSkillValues, TenantAgent } from './skill.js';

/** `startDate`/`endDate` of the summary and completed-contacts queries (ISO 8601 instants). */
export interface SkillDateRange {
  startDate: string;
  endDate: string;
}

/** One agent of an assign or change write. */
export interface AssignmentWrite {
  agentId: number;
  proficiency: number;
  active: boolean;
}

/** Per skill now (`/skills/activity`). Absent numbers were not served. */
export interface SkillActivityRow {
  skillId: number;
  queueCount?: number;
  agentsLoggedIn?: number;
  agentsAvailable?: number;
  [other: string]: unknown;
}

/** Per skill over a range (`/skills/{id}/summary`). Absent numbers were not served. */
export interface SkillSummaryRow {
  skillId: number;
  contactsOffered?: number;
  contactsHandled?: number;
  abandonCount?: number;
  averageHandleTime?: number;
  averageSpeedToAnswer?: number;
  [other: string]: unknown;
}

/** One finished contact (`/contacts/completed`). */
export interface CompletedContactRow {
  inQueueSeconds?: number;
  abandoned?: boolean;
  isShortAbandon?: boolean;
  [other: string]: unknown;
}

export interface SkillApi {
  /** `{api_endpoint}/inContactAPI/services/{version}`; known after the first call when discovered. */
  readonly baseUrl: string;
  /** The access key id the run authenticates with (never the secret): the report's `clientId`. */
  readonly clientId: string;
  readonly stats: ClientStats;

  /** Every skill, read with the list endpoint (`top` 100), never one GET per skill. */
  listSkills(): Promise<LiveSkill[]>;
  /** One skill as read now; `ApiError` 404 when it does not exist. */
  getSkill(skillId: number): Promise<LiveSkill>;
  /**
   * PUT the skill as read (`asRead`, mapped to the PUT shape through the one wire table) with only
   * `replacements` changed. Resolves when the server reports success; see the file comment.
   */
  putSkill(asRead: LiveSkill, replacements: ManagedSkillValues): Promise<void>;
  /** Every agent of the tenant (to resolve user names). */
  listAgents(): Promise<TenantAgent[]>;
  /** Agent assignments of the given skills (multi-skill endpoint, batched), by skill id; every id present. */
  assignments(skillIds: readonly number[]): Promise<Map<number, LiveAssignment[]>>;
  assignAgents(skillId: number, agents: readonly AssignmentWrite[]): Promise<void>;
  changeAgents(skillId: number, agents: readonly AssignmentWrite[]): Promise<void>;
  unassignAgent(skillId: number, agentId: number): Promise<void>;
  activity(): Promise<SkillActivityRow[]>;
  summary(skillId: number, range: SkillDateRange): Promise<SkillSummaryRow | undefined>;
  completedContacts(skillId: number, range: SkillDateRange): Promise<CompletedContactRow[]>;
  /** After the run's signal: the writes on the wire then, how many finished, how many were sent after (0). */
  interruptTally?(): InterruptTally | undefined;
}
