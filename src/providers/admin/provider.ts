/**
 * The admin dialect as the engine sees it: `SkillApi` (src/model/skill-api.ts) over the Admin API
 * client. Maps the wire rows onto the model (assignments, agents) and every write through the one
 * GET→PUT wire table (wire.ts), so nothing above this file knows the Admin API's spellings.
 */
import type { Logger } from '../../log.js';
import type { ClientStats, InterruptTally } from '../../model/api.js';
import type { LiveAssignment, LiveSkill, ManagedSkillValues, TenantAgent } from '../../model/skill.js';
import type {
  AssignmentWrite,
  CompletedContactRow,
  SkillActivityRow,
  SkillApi,
  SkillDateRange,
  SkillSummaryRow,
} from '../../model/skill-api.js';
import { ResponseShapeError } from '../../errors.js';
import { createAdminClient, type AdminClient } from './client.js';
import type { AdminConfig } from './config.js';
import type { AgentAssignment } from './types.js';
import { toPutBody } from './wire.js';

/** `SkillApi` over one `AdminClient`; one per run. */
export class AdminSkillApi implements SkillApi {
  readonly clientId: string;

  constructor(
    private readonly client: AdminClient,
    accessKeyId: string,
  ) {
    this.clientId = accessKeyId;
  }

  get baseUrl(): string {
    return this.client.baseUrl ?? '';
  }

  get stats(): ClientStats {
    return this.client.stats;
  }

  listSkills(): Promise<LiveSkill[]> {
    return this.client.listSkills() as Promise<LiveSkill[]>;
  }

  getSkill(skillId: number): Promise<LiveSkill> {
    return this.client.getSkill(skillId) as Promise<LiveSkill>;
  }

  /** Throws `WireMappingError` before sending when the skill as read cannot be mapped (never guessed). */
  putSkill(asRead: LiveSkill, replacements: ManagedSkillValues): Promise<void> {
    return this.client.putSkill(asRead.skillId, toPutBody(asRead, replacements));
  }

  async listAgents(): Promise<TenantAgent[]> {
    return (await this.client.listAgents()).map((a) => ({
      agentId: a.agentId,
      userName: a.userName,
      ...(typeof a.isActive === 'boolean' ? { isActive: a.isActive } : {}),
    }));
  }

  async assignments(skillIds: readonly number[]): Promise<Map<number, LiveAssignment[]>> {
    const rows = await this.client.agentsOfSkills(skillIds);
    return new Map([...rows].map(([id, list]) => [id, list.map((row) => assignmentOf(row, id))]));
  }

  assignAgents(skillId: number, agents: readonly AssignmentWrite[]): Promise<void> {
    return this.client.assignAgents(skillId, agents.map(toWire));
  }

  changeAgents(skillId: number, agents: readonly AssignmentWrite[]): Promise<void> {
    return this.client.changeAgents(skillId, agents.map(toWire));
  }

  unassignAgent(skillId: number, agentId: number): Promise<void> {
    return this.client.unassignAgent(skillId, agentId);
  }

  activity(): Promise<SkillActivityRow[]> {
    return this.client.skillsActivity();
  }

  summary(skillId: number, range: SkillDateRange): Promise<SkillSummaryRow | undefined> {
    return this.client.skillSummary(skillId, range);
  }

  completedContacts(skillId: number, range: SkillDateRange): Promise<CompletedContactRow[]> {
    return this.client.completedContacts(skillId, range);
  }

  interruptTally(): InterruptTally | undefined {
    return this.client.interruptTally();
  }
}

/** The admin provider for `config`; sends nothing until the first call, nothing at all once `signal` aborted. */
export function createAdminSkillApi(config: AdminConfig, logger: Logger, signal?: AbortSignal): AdminSkillApi {
  return new AdminSkillApi(createAdminClient(config, logger, signal), config.accessKeyId);
}

function toWire(a: AssignmentWrite): { agentId: number; isActive: boolean; proficiency: number } {
  return { agentId: a.agentId, isActive: a.active, proficiency: a.proficiency };
}

/** A wire row as the model's assignment; a row without a usable proficiency is a shape error. */
function assignmentOf(row: AgentAssignment, skillId: number): LiveAssignment {
  const proficiency = row.agentProficiencyValue;
  if (typeof proficiency !== 'number' || !Number.isInteger(proficiency)) {
    throw new ResponseShapeError('GET', '/skills/agents', [`skill ${skillId} agent ${row.agentId}: agentProficiencyValue is ${JSON.stringify(proficiency ?? null)}, not an integer`]);
  }
  return { agentId: row.agentId, proficiency, active: row.isActive !== false };
}
