/**
 * Checking a skill write by reading it back (pure; for apply). The Admin API answers a PUT with
 * `{success, skillId}` only, and a 200 is no proof [S], so apply re-reads and asks two questions:
 * do the declared fields hold the desired values, and did every other field stay as it was?
 */
import { READ_ONLY_SKILL_FIELDS, type LiveAssignment, type LiveSkill, type ManagedSkillField, type ManagedSkillValues } from '../model/skill.js';
import { canonicalJson } from '../util/canonical-json.js';
import { normaliseInteger, normaliseSkillValue } from './skill-normalise.js';
import type { AgentChange } from './types.js';

/** A field whose value is not what it should be after the write. */
export interface FieldMismatch {
  path: string;
  expected: unknown;
  got: unknown;
}

/** What reading a skill back after its write found; both lists empty = the write is proven. */
export interface SkillWriteCheck {
  /** Declared fields that do not hold the desired value (compared as the diff compares). */
  notHeld: FieldMismatch[];
  /** Other fields that changed (`expected` = before, `got` = after), read-only/derived ones excepted. */
  disturbed: FieldMismatch[];
}

/**
 * Compares the skill read right before the write (`before`), the one read after it (`after`) and
 * the declared fields (`desired`). Read-only and derived fields (model/skill.ts) are not compared
 * among the others: the platform may move them (`isRunning`). `null` and absent are the same.
 * Paths sorted. Pure; never throws.
 */
export function checkSkillWrite(before: LiveSkill, after: LiveSkill, desired: ManagedSkillValues): SkillWriteCheck {
  const want = desired as Record<string, unknown>;
  const notHeld: FieldMismatch[] = [];
  for (const [field, value] of Object.entries(want)) {
    if (value === undefined) continue;
    const f = field as ManagedSkillField;
    if (canonicalJson(normaliseSkillValue(f, after[f])) !== canonicalJson(normaliseSkillValue(f, value))) {
      notHeld.push({ path: `/${field}`, expected: value, got: after[f] ?? null });
    }
  }
  const disturbed: FieldMismatch[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort()) {
    if (Object.hasOwn(want, key) && want[key] !== undefined) continue;
    if (Object.hasOwn(READ_ONLY_SKILL_FIELDS, key)) continue;
    const was = before[key] ?? null;
    const is = after[key] ?? null;
    if (canonicalJson(was) !== canonicalJson(is)) disturbed.push({ path: `/${key}`, expected: was, got: is });
  }
  notHeld.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { notHeld, disturbed };
}

/**
 * The planned agent changes that the assignments read after the write do not show: an assigned or
 * updated agent missing or with other values, an unassigned agent still there. [] = proven. Pure.
 */
export function agentChangesNotHeld(planned: readonly AgentChange[], after: readonly LiveAssignment[]): AgentChange[] {
  const byId = new Map(after.map((a) => [a.agentId, a]));
  return planned.filter((change) => {
    const now = byId.get(change.agentId);
    if (change.action === 'unassign') return now !== undefined;
    return now === undefined || normaliseInteger(now.proficiency) !== change.new!.proficiency || now.active !== change.new!.active;
  });
}
