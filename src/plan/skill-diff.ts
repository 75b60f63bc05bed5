import type { SkillDefinition } from '../definitions/types.js';
import { closestField } from '../definitions/suggest.js';
import {
  MANAGED_SKILL_FIELDS,
  type AssignmentValues,
  type DeclaredAgents,
  type LiveAssignment,
  type LiveSkill,
  type ManagedSkillValues,
  type TenantAgent,
} from '../model/skill.js';
import { compareStrings, jsonEqual } from '../util/canonical-json.js';
import { normaliseInteger, normaliseSkillValue } from './skill-normalise.js';
import type { AgentChange, FieldChange, SkillDesired } from './types.js';

/**
 * What a Skill definition declares, as apply must write it: the declared managed fields in
 * canonical order (fresh copies), the declared agents sorted by user name (`active` kept only
 * where declared), and `agentsExclusive` (false when left out). Pure; never throws.
 */
export function desiredSkill(def: SkillDefinition): SkillDesired {
  const fields: Record<string, unknown> = {};
  const declared = def as unknown as Record<string, unknown>;
  for (const field of MANAGED_SKILL_FIELDS) if (declared[field] !== undefined) fields[field] = declared[field];
  const out: SkillDesired = { fields: fields as ManagedSkillValues, agentsExclusive: def.agentsExclusive === true };
  if (def.agents !== undefined) {
    const agents: DeclaredAgents = {};
    for (const name of Object.keys(def.agents).sort(compareStrings)) {
      const { proficiency, active } = def.agents[name]!;
      // defineProperty: a user name `__proto__` must stay a key, never become the prototype.
      Object.defineProperty(agents, name, { value: active === undefined ? { proficiency } : { proficiency, active }, enumerable: true, writable: true, configurable: true });
    }
    out.agents = agents;
  }
  return out;
}

/**
 * The declared fields that differ from the live skill, in canonical field order, compared after
 * normalisation (src/plan/skill-normalise.ts): `{path: '/field', old, new}` with `old` the live
 * value (null when absent) and `new` the declared value. Undeclared, read-only and unknown live
 * fields are never compared. Pure; never throws; does not mutate its arguments.
 */
export function diffSkillFields(live: LiveSkill, desired: ManagedSkillValues): FieldChange[] {
  const changes: FieldChange[] = [];
  const want = desired as Record<string, unknown>;
  for (const field of MANAGED_SKILL_FIELDS) {
    const newValue = want[field];
    if (newValue === undefined) continue;
    const liveValue = live[field];
    if (jsonEqual(normaliseSkillValue(field, liveValue), normaliseSkillValue(field, newValue))) continue;
    const old = liveValue === undefined || liveValue === null ? null : field === 'notes' ? liveValue : normaliseInteger(liveValue);
    changes.push({ path: `/${field}`, old, new: newValue });
  }
  return changes;
}

/** What {@link diffAgents} compares. */
export interface AgentDiffInput {
  /** The declared agents by user name; undefined = the definition does not manage agents. */
  declared: DeclaredAgents | undefined;
  exclusive: boolean;
  /** The skill's live assignments. */
  live: readonly LiveAssignment[];
  /** The tenant's agents (to resolve user names to agentIds). */
  directory: readonly TenantAgent[];
}

/** An agent user name the tenant does not know, with a near miss when there is one. */
export interface UnknownAgent {
  userName: string;
  suggestion?: string;
}

/**
 * The agent changes a skill needs (pure; never throws):
 * - a declared agent with no live assignment → `assign` (`active` true unless declared false);
 * - a declared agent whose proficiency, or declared `active`, differs → `update`;
 * - a live assignment of an undeclared agent → `unassign` only when `exclusive`; otherwise it is
 *   left alone and not shown;
 * - a declared user name the directory does not hold (exact, case-sensitive match) → `unknown`,
 *   never a change (the caller makes it a plan problem naming it).
 * Without declared agents there are no changes. Changes are sorted by user name, then agentId.
 */
export function diffAgents(input: AgentDiffInput): { changes: AgentChange[]; unknown: UnknownAgent[] } {
  if (input.declared === undefined) return { changes: [], unknown: [] };
  const byName = new Map(input.directory.map((a) => [a.userName, a]));
  const nameOf = new Map(input.directory.map((a) => [a.agentId, a.userName]));
  const liveById = new Map(input.live.map((a) => [a.agentId, a]));
  const changes: AgentChange[] = [];
  const unknown: UnknownAgent[] = [];
  const declaredIds = new Set<number>();
  for (const [userName, want] of Object.entries(input.declared)) {
    const agent = byName.get(userName);
    if (agent === undefined) {
      unknown.push(unknownAgent(userName, input.directory));
      continue;
    }
    declaredIds.add(agent.agentId);
    const assigned = liveById.get(agent.agentId);
    if (assigned === undefined) {
      changes.push({ action: 'assign', userName, agentId: agent.agentId, old: null, new: { proficiency: want.proficiency, active: want.active ?? true } });
      continue;
    }
    const old = values(assigned);
    const next: AssignmentValues = { proficiency: want.proficiency, active: want.active ?? old.active };
    if (old.proficiency !== next.proficiency || old.active !== next.active) {
      changes.push({ action: 'update', userName, agentId: agent.agentId, old, new: next });
    }
  }
  if (input.exclusive) {
    for (const assigned of input.live) {
      if (declaredIds.has(assigned.agentId)) continue;
      changes.push({ action: 'unassign', userName: nameOf.get(assigned.agentId) ?? null, agentId: assigned.agentId, old: values(assigned), new: null });
    }
  }
  changes.sort(byAgent);
  unknown.sort((a, b) => compareStrings(a.userName, b.userName));
  return { changes, unknown };
}

/** An assignment's values as compared (a live `"5"` proficiency is 5). */
function values(a: LiveAssignment): AssignmentValues {
  return { proficiency: normaliseInteger(a.proficiency) as number, active: a.active };
}

function unknownAgent(userName: string, directory: readonly TenantAgent[]): UnknownAgent {
  const exactCase = directory.find((a) => a.userName.toLowerCase() === userName.toLowerCase());
  const suggestion = exactCase?.userName ?? closestField(userName, directory.map((a) => a.userName));
  return suggestion === undefined ? { userName } : { userName, suggestion };
}

function byAgent(a: AgentChange, b: AgentChange): number {
  if (a.userName !== null && b.userName !== null) return compareStrings(a.userName, b.userName) || a.agentId - b.agentId;
  if (a.userName !== b.userName) return a.userName === null ? 1 : -1;
  return a.agentId - b.agentId;
}
