import { OutcomeUnknownError, WriteRejectedError } from '../../src/errors.js';
import type { LiveAssignment, LiveSkill, ManagedSkillValues } from '../../src/model/skill.js';
import type { AssignmentWrite, SkillApi } from '../../src/model/skill-api.js';
import { liveSkill } from '../plan/skill-fixtures.js';

type WriteKind = 'skill' | 'assign' | 'change' | 'unassign';
/** What a write does: apply and answer, reject inside a 200, apply but lose the answer, or lose it without applying. */
export type WriteBehaviour = 'ok' | 'reject' | 'lost-applied' | 'lost-not-applied';

/** An in-memory SkillApi: one tenant, hooks for faults and for edits by "someone else". */
export class FakeSkillApi implements SkillApi {
  readonly baseUrl = 'https://api.example.test/inContactAPI/services/v33.0';
  readonly clientId = 'key-1';
  readonly stats = { requests: 0, retries: 0, rateLimited: 0, tokenRequests: 0 } as unknown as SkillApi['stats'];
  skills = new Map<number, LiveSkill>([[11, liveSkill()]]);
  assigned = new Map<number, LiveAssignment[]>([[11, [{ agentId: 101, proficiency: 1, active: true }]]]);
  writes: { kind: WriteKind; skillId: number; body: unknown }[] = [];
  behaviour: Partial<Record<WriteKind, WriteBehaviour>> = {};
  /** Reads after a write keep showing the state before it this many times (read lag). */
  lagReads = 0;
  /** Called on every getSkill before it answers. */
  beforeGet: (id: number) => void = () => undefined;
  #stale: { skill?: LiveSkill; assigned?: LiveAssignment[] } = {};
  #lagLeft = 0;

  async listSkills(): Promise<LiveSkill[]> {
    return [...this.skills.values()].map((s) => structuredClone(s));
  }

  async getSkill(id: number): Promise<LiveSkill> {
    this.beforeGet(id);
    if (this.#lagLeft > 0 && this.#stale.skill !== undefined) {
      this.#lagLeft -= 1;
      return structuredClone(this.#stale.skill);
    }
    return structuredClone(this.skills.get(id)!);
  }

  async putSkill(asRead: LiveSkill, replacements: ManagedSkillValues): Promise<void> {
    this.write('skill', asRead.skillId, { ...asRead, ...replacements }, () => this.skills.set(asRead.skillId, { ...asRead, ...replacements } as LiveSkill));
  }

  async listAgents() {
    return [{ agentId: 101, userName: 'ana.garcia' }, { agentId: 102, userName: 'ben.okafor' }];
  }

  async assignments(ids: readonly number[]): Promise<Map<number, LiveAssignment[]>> {
    const lagging = this.#lagLeft > 0 && this.#stale.assigned !== undefined;
    return new Map(ids.map((id) => [id, structuredClone(lagging ? this.#stale.assigned! : (this.assigned.get(id) ?? []))]));
  }

  async assignAgents(skillId: number, agents: readonly AssignmentWrite[]): Promise<void> {
    this.write('assign', skillId, agents, () => this.assigned.set(skillId, [...(this.assigned.get(skillId) ?? []), ...agents.map((a) => ({ ...a }))]));
  }

  async changeAgents(skillId: number, agents: readonly AssignmentWrite[]): Promise<void> {
    this.write('change', skillId, agents, () =>
      this.assigned.set(skillId, (this.assigned.get(skillId) ?? []).map((a) => ({ ...a, ...(agents.find((x) => x.agentId === a.agentId) ?? {}) }))));
  }

  async unassignAgent(skillId: number, agentId: number): Promise<void> {
    this.write('unassign', skillId, agentId, () => this.assigned.set(skillId, (this.assigned.get(skillId) ?? []).filter((a) => a.agentId !== agentId)));
  }

  async activity() {
    return [];
  }

  async summary() {
    return undefined;
  }

  async completedContacts() {
    return [];
  }

  private write(kind: WriteKind, skillId: number, body: unknown, apply: () => void): void {
    this.writes.push({ kind, skillId, body });
    const b = this.behaviour[kind] ?? 'ok';
    if (b === 'reject') throw new WriteRejectedError('PUT', `/skills/${skillId}`, ['Skill is locked']);
    if (b === 'lost-not-applied') throw new OutcomeUnknownError('PUT', `/skills/${skillId}`, 'the connection closed before the answer');
    this.#stale = { skill: structuredClone(this.skills.get(skillId)), assigned: structuredClone(this.assigned.get(skillId)) };
    this.#lagLeft = this.lagReads;
    apply();
    if (b === 'lost-applied') throw new OutcomeUnknownError('PUT', `/skills/${skillId}`, 'the connection closed before the answer');
  }
}
