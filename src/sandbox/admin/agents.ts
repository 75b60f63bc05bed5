/**
 * Agents and their skill assignments (proficiency 1..20, lower is better). Writes are per item:
 * one request may assign some agents and fail others, as the admin API's result sets report.
 */

import { SEED_TIME } from '../seed.js';

/** An agent as `GET /agents` shows it. */
export interface Agent {
  agentId: number;
  userName: string;
  firstName: string;
  lastName: string;
  emailAddress: string;
  isActive: boolean;
  teamId: number;
  teamName: string;
}

/** One assignment as stored. */
export interface Assignment {
  agentId: number;
  proficiency: number;
  isActive: boolean;
  lastUpdateTime: string;
}

/** One item of an agents write body. */
export interface AgentItem {
  agentId?: unknown;
  isActive?: unknown;
  proficiency?: unknown;
}

/** The per-item outcome in `resultSet.agentResults`. */
export interface AgentResult {
  agentId: unknown;
  success: boolean;
  error?: string;
}

export const MIN_PROFICIENCY = 1;
export const MAX_PROFICIENCY = 20;

/** The label a proficiency value carries (`agentProficiencyName`). */
export function proficiencyName(value: number): string {
  const band = value <= 3 ? 'High' : value <= 10 ? 'Medium' : 'Low';
  return `${value} - ${band}`;
}

/** Agents of one tenant and every skill's assignments. Reads return copies. */
export class AgentStore {
  readonly #agents = new Map<number, Agent>();
  readonly #byUser = new Map<string, number>();
  /** skillId → agentId → assignment (insertion order is kept; lists sort by agentId). */
  readonly #assignments = new Map<number, Map<number, Assignment>>();
  readonly #writes = new Map<number, number>();
  #nextId = 2_000_001;

  constructor(private readonly now: () => Date) {}

  /** Adds an agent; returns it with its id. Throws on a taken user name. */
  addAgent(a: Omit<Agent, 'agentId'>): Agent {
    if (this.#byUser.has(a.userName.toLowerCase())) throw new Error(`user name ${a.userName} already exists`);
    const agent = { agentId: this.#nextId++, ...a };
    this.#agents.set(agent.agentId, agent);
    this.#byUser.set(agent.userName.toLowerCase(), agent.agentId);
    return { ...agent };
  }

  agent(id: number): Agent | undefined {
    const a = this.#agents.get(id);
    return a ? { ...a } : undefined;
  }

  /** The agent with this user name (case-insensitive), or undefined. */
  agentByUserName(userName: string): Agent | undefined {
    const id = this.#byUser.get(userName.toLowerCase());
    return id === undefined ? undefined : this.agent(id);
  }

  /** Agents in id order whose user name, first/last name or email contains `search` (case-insensitive). */
  agents(search?: string): Agent[] {
    const s = search?.toLowerCase();
    const all = [...this.#agents.values()];
    const hit = (a: Agent): boolean => [a.userName, a.firstName, a.lastName, a.emailAddress].some((x) => x.toLowerCase().includes(s!));
    return (s ? all.filter(hit) : all).map((a) => ({ ...a }));
  }

  /** Assignments of one skill, by agentId (copies). */
  assignments(skillId: number): Assignment[] {
    return [...(this.#assignments.get(skillId)?.values() ?? [])].sort((a, b) => a.agentId - b.agentId).map((x) => ({ ...x }));
  }

  /** Successful assignment writes (items assigned, changed or unassigned) on the skill since start. */
  writeCount(skillId: number): number {
    return this.#writes.get(skillId) ?? 0;
  }

  /** Sets an assignment directly (seeding, console edits); counted as a write unless `seeding`. */
  set(skillId: number, agentId: number, value: { proficiency: number; isActive: boolean }, seeding = false): void {
    const map = this.#assignments.get(skillId) ?? new Map<number, Assignment>();
    this.#assignments.set(skillId, map);
    map.set(agentId, { agentId, ...value, lastUpdateTime: seeding ? SEED_TIME : this.now().toISOString() });
    if (!seeding) this.#bump(skillId);
  }

  /** Removes an assignment directly; false when there was none. Counted as a write. */
  unset(skillId: number, agentId: number): boolean {
    const gone = this.#assignments.get(skillId)?.delete(agentId) ?? false;
    if (gone) this.#bump(skillId);
    return gone;
  }

  /**
   * Applies agent items to `skillId`: `assign` needs the agent unassigned, `change` needs it
   * assigned. Each item succeeds or fails alone; a failed item changes nothing.
   */
  write(skillId: number, items: readonly AgentItem[], mode: 'assign' | 'change'): AgentResult[] {
    return items.map((item) => {
      const error = this.#itemError(skillId, item, mode);
      if (error) return { agentId: item.agentId, success: false, error };
      const id = item.agentId as number;
      const current = this.#assignments.get(skillId)?.get(id);
      this.set(skillId, id, {
        proficiency: (item.proficiency as number | undefined) ?? current?.proficiency ?? MIN_PROFICIENCY,
        isActive: (item.isActive as boolean | undefined) ?? current?.isActive ?? true,
      });
      return { agentId: id, success: true };
    });
  }

  #itemError(skillId: number, item: AgentItem, mode: 'assign' | 'change'): string | undefined {
    const { agentId, proficiency, isActive } = item;
    if (!Number.isInteger(agentId)) return 'agentId must be an integer';
    if (!this.#agents.has(agentId as number)) return `agent ${String(agentId)} does not exist`;
    const inRange = Number.isInteger(proficiency) && (proficiency as number) >= MIN_PROFICIENCY && (proficiency as number) <= MAX_PROFICIENCY;
    if (proficiency !== undefined && !inRange) {
      return `proficiency must be an integer from ${MIN_PROFICIENCY} to ${MAX_PROFICIENCY}`;
    }
    if (isActive !== undefined && typeof isActive !== 'boolean') return 'isActive must be true or false';
    const assigned = this.#assignments.get(skillId)?.has(agentId as number) ?? false;
    if (mode === 'assign' && assigned) return `agent ${String(agentId)} is already assigned to skill ${skillId}; use PUT to change it`;
    if (mode === 'assign' && proficiency === undefined) return 'proficiency is required to assign an agent';
    if (mode === 'change' && !assigned) return `agent ${String(agentId)} is not assigned to skill ${skillId}; use POST to assign it`;
    if (mode === 'change' && proficiency === undefined && isActive === undefined) return 'nothing to change: give proficiency or isActive';
    return undefined;
  }

  #bump(skillId: number): void {
    this.#writes.set(skillId, (this.#writes.get(skillId) ?? 0) + 1);
  }
}
