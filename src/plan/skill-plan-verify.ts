/**
 * Checks a saved skills plan against what it may write (pure): the skill schema and the managed
 * field list, and the definitions it claims to come from. As for queues (src/plan/verify.ts), the
 * checksum only detects accidents; these checks are what stop a crafted plan.
 */
import { MANAGED_SKILL_FIELDS } from '../model/skill.js';
import { canonicalJson } from '../util/canonical-json.js';
import type { DefinitionValidator, PlanMismatch } from './verify.js';
import type { SkillChange } from './types.js';

const MANAGED: ReadonlySet<string> = new Set(MANAGED_SKILL_FIELDS);
const DESIRED_KEYS: ReadonlySet<string> = new Set(['fields', 'agents', 'agentsExclusive']);

/**
 * The planned writes no Skill definition could declare: a `desired.fields` key outside
 * MANAGED_SKILL_FIELDS (`skillId`, `mediaTypeId`, anything unmanaged), an unknown key of
 * `desired`, or values the skill schema refuses (checked as the definition they would come from).
 * Never throws.
 */
export function verifySkillPlanFields(changes: readonly SkillChange[], validate: DefinitionValidator): PlanMismatch[] {
  const out: PlanMismatch[] = [];
  for (const c of changes) {
    const id = String(c.skillId);
    const bad = [
      ...Object.keys(c.desired).filter((k) => !DESIRED_KEYS.has(k)),
      ...Object.keys(c.desired.fields).filter((k) => !MANAGED.has(k)),
    ];
    for (const field of bad) out.push({ id, name: c.skillName, field, reason: 'is not a field the skill schema declares; cxq never writes it' });
    if (bad.length > 0) continue;
    const definition: Record<string, unknown> = { kind: 'Skill', skillName: c.skillName, ...c.desired.fields };
    if (c.desired.agents !== undefined) definition['agents'] = c.desired.agents;
    if (c.desired.agentsExclusive === true) definition['agentsExclusive'] = true;
    if (validate(definition)) continue;
    for (const e of validate.errors ?? []) {
      const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
      const path = e.instancePath.replace(/^\//, '');
      const field = typeof extra === 'string' ? (path === '' ? extra : `${path}/${extra}`) : path === '' ? '(skill)' : path;
      out.push({ id, name: c.skillName, field, reason: `is refused by the skill schema: ${e.message ?? e.keyword}` });
    }
  }
  return out;
}

/**
 * Compares a saved plan's skill changes with those re-derived now from the definitions: a planned
 * skill no definition manages, a desired value (field, agents, agentsExclusive) unlike the
 * definitions', and a change the definitions hold that the plan omits or marks `noop`. Empty when
 * the plan writes exactly what the definitions say. Never throws.
 */
export function compareSkillPlanWithDefinitions(saved: readonly SkillChange[], derived: readonly SkillChange[]): PlanMismatch[] {
  const byId = new Map(derived.map((c) => [c.skillId, c]));
  const out: PlanMismatch[] = [];
  for (const c of saved) {
    const d = byId.get(c.skillId);
    const id = String(c.skillId);
    if (d === undefined) {
      out.push({ id, name: c.skillName, field: '*', reason: 'is in the plan but no definition manages this skill' });
      continue;
    }
    const plan = { ...c.desired.fields, agents: c.desired.agents, agentsExclusive: c.desired.agentsExclusive } as Record<string, unknown>;
    const defs = { ...d.desired.fields, agents: d.desired.agents, agentsExclusive: d.desired.agentsExclusive } as Record<string, unknown>;
    for (const field of [...new Set([...Object.keys(plan), ...Object.keys(defs)])].sort()) {
      const p = plan[field];
      const q = defs[field];
      if (canonicalJson(p ?? null) === canonicalJson(q ?? null)) continue;
      const reason =
        q === undefined ? `the plan writes ${show(p)}, but no definition declares this field`
        : p === undefined ? `the definitions declare ${show(q)}, but the plan does not write it`
        : `the plan writes ${show(p)}, the definitions say ${show(q)}`;
      out.push({ id, name: c.skillName, field, reason });
    }
  }
  const planned = new Map(saved.map((c) => [c.skillId, c]));
  for (const d of derived) {
    if (d.action !== 'update' || planned.get(d.skillId)?.action === 'update') continue;
    const what = planned.has(d.skillId) ? 'marks it unchanged' : 'omits it';
    const paths = [...d.fields.map((f) => f.path.slice(1)), ...d.agents.map((a) => `agents/${a.userName ?? a.agentId}`)];
    for (const field of paths) out.push({ id: String(d.skillId), name: d.skillName, field, reason: `differs from the live skill in the definitions, but the plan ${what}` });
  }
  return out;
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
