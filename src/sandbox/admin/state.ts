/**
 * The admin sandbox tenant: skills, agents, assignments, and the failure-inside-a-200 hooks.
 * Tests read and edit it directly (`getSkill`, `editSkill`, `setAssignment`, ...): a console edit
 * made here is what another writer would have done, and counts as a write like a PUT.
 */
import { mulberry32, type Prng } from '../prng.js';
import { AgentStore, type Agent } from './agents.js';
import type { GetSkill } from './skill-shape.js';
import { SkillStore } from './skills.js';

/** An assignment with the agent's user name (for tests). */
export interface NamedAssignment {
  agentId: number;
  userName: string;
  proficiency: number;
  isActive: boolean;
  lastUpdateTime: string;
}

/** The tenant behind one admin sandbox. */
export class AdminState {
  readonly skills = new SkillStore();
  readonly agents: AgentStore;
  /** 0..1 share of skill writes answered 200 with a failure body and not applied (seeded). */
  writeFailureRate = 0;
  readonly #failures = new Map<number, string[]>();
  readonly #failureRng: Prng;

  constructor(
    readonly now: () => Date,
    readonly seed: number,
  ) {
    this.agents = new AgentStore(now);
    this.#failureRng = mulberry32(seed ^ 0x2545f491);
  }

  /** The skill as stored (GET shape, deep copy), or undefined. */
  getSkill(id: number): GetSkill | undefined {
    return this.skills.get(id);
  }

  /** The skill with this name (case-insensitive), or undefined. */
  skillByName(name: string): GetSkill | undefined {
    const id = this.skills.idByName(name);
    return id === undefined ? undefined : this.skills.get(id);
  }

  /** Every skill in id order (deep copies). */
  listSkills(): GetSkill[] {
    return this.skills.list().map((s) => structuredClone(s) as GetSkill);
  }

  /** Successful PUTs and console edits applied to the skill's fields. */
  writeCount(skillId: number): number {
    return this.skills.writeCount(skillId);
  }

  /** Successful assignment writes (per agent item) on the skill. */
  agentWriteCount(skillId: number): number {
    return this.agents.writeCount(skillId);
  }

  /** A console edit of skill fields (GET-shape names), merged over the stored skill. Throws when invalid. */
  editSkill(skillId: number, changes: Record<string, unknown>): GetSkill {
    return this.skills.edit(skillId, changes);
  }

  /** The skill's assignments with user names, by agentId. */
  assignments(skillId: number): NamedAssignment[] {
    return this.agents.assignments(skillId).map((a) => ({ ...a, userName: this.agents.agent(a.agentId)?.userName ?? '' }));
  }

  /** A console assignment (or change) by user name. Throws for an unknown user or skill. */
  setAssignment(skillId: number, userName: string, value: { proficiency: number; isActive?: boolean }): void {
    if (!this.skills.peek(skillId)) throw new Error(`setAssignment: skill ${skillId} not found`);
    const agent = this.#agent(userName);
    this.agents.set(skillId, agent.agentId, { proficiency: value.proficiency, isActive: value.isActive ?? true });
  }

  /** A console unassignment by user name; false when it was not assigned. */
  unassign(skillId: number, userName: string): boolean {
    return this.agents.unset(skillId, this.#agent(userName).agentId);
  }

  /** The agent with this user name, or undefined. */
  agentByUserName(userName: string): Agent | undefined {
    return this.agents.agentByUserName(userName);
  }

  /** The next `count` writes on `skillId` (skill PUT or agents write) answer 200 with `message` as the failure, unapplied. */
  failWrites(skillId: number, count = 1, message = 'The skill could not be saved. Please try again later.'): void {
    const queue = this.#failures.get(skillId) ?? [];
    for (let i = 0; i < count; i++) queue.push(message);
    this.#failures.set(skillId, queue);
  }

  /** The failure a write on `skillId` meets (a hook first, else the seeded rate), or undefined. */
  takeFailure(skillId: number): string | undefined {
    const draw = this.#failureRng();
    const hooked = this.#failures.get(skillId)?.shift();
    if (hooked !== undefined) return hooked;
    return draw < this.writeFailureRate ? 'Transient error saving the skill (injected); nothing was changed' : undefined;
  }

  #agent(userName: string): Agent {
    const agent = this.agents.agentByUserName(userName);
    if (!agent) throw new Error(`unknown user name ${userName}`);
    return agent;
  }
}
