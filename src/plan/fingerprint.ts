/**
 * The live fingerprint of a skill, for the optimistic-concurrency emulation (the Admin API has no
 * version or ETag on skills): the plan records what it saw (a {@link SkillSnapshot}) and its
 * hash; apply re-reads right before writing and compares. Pure: canonical JSON and SHA-256 only.
 */
import { createHash } from 'node:crypto';
import type { LiveAssignment, LiveSkill, ManagedSkillField } from '../model/skill.js';
import { canonicalJson } from '../util/canonical-json.js';
import { normaliseInteger, normaliseSkillValue } from './skill-normalise.js';
import type { SkillSnapshot } from './types.js';

/** Which agent assignments a snapshot covers. */
export interface SnapshotAgents {
  assignments: readonly LiveAssignment[];
  /** The agentIds of the declared agents (resolved from user names). */
  declaredIds: readonly number[];
  /** true: every live assignment matters (agentsExclusive); false: only the declared agents'. */
  exclusive: boolean;
}

/**
 * What a plan saw of a skill: `skillName` and the `fields` the definition declares (normalised as
 * the diff compares them, so a live `"90"` and `90` are the same; absent live = null), and, when
 * `agents` is given, the assignments that matter by agentId (declared agents not assigned are
 * null, so an assignment made in between is seen too). Undeclared fields are left out on purpose:
 * apply re-reads and carries them as they are then, so their moving is no conflict. Pure.
 */
export function skillSnapshot(live: LiveSkill, fields: readonly ManagedSkillField[], agents?: SnapshotAgents): SkillSnapshot {
  const seen: Record<string, unknown> = { skillName: live.skillName };
  for (const field of fields) seen[field] = normaliseSkillValue(field, live[field]) ?? null;
  const snapshot: SkillSnapshot = { fields: seen };
  if (agents !== undefined) {
    const byId: Record<string, { proficiency: number; active: boolean } | null> = {};
    for (const id of agents.declaredIds) byId[String(id)] = null;
    for (const a of agents.assignments) {
      if (!agents.exclusive && !Object.hasOwn(byId, String(a.agentId))) continue;
      byId[String(a.agentId)] = { proficiency: normaliseInteger(a.proficiency) as number, active: a.active };
    }
    snapshot.agents = byId;
  }
  return snapshot;
}

/** `sha256:` + the hex SHA-256 of the snapshot's canonical JSON: key order never matters. */
export function fingerprintOf(snapshot: SkillSnapshot): string {
  return `sha256:${createHash('sha256').update(canonicalJson(snapshot)).digest('hex')}`;
}

/**
 * The paths that moved between what the plan saw and a fresh snapshot taken the same way:
 * `/serviceLevelGoal`, `/skillName`, `/agents/1234` (by agentId), in sorted order; [] when
 * nothing did. A field or agent present in only one snapshot counts as moved. Pure.
 */
export function movedPaths(seen: SkillSnapshot, fresh: SkillSnapshot): string[] {
  const moved = [...differingKeys(seen.fields, fresh.fields).map((k) => `/${k}`)];
  if (seen.agents !== undefined || fresh.agents !== undefined) {
    moved.push(...differingKeys(seen.agents ?? {}, fresh.agents ?? {}).map((k) => `/agents/${k}`));
  }
  return moved.sort();
}

function differingKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !Object.hasOwn(a, k) || !Object.hasOwn(b, k) || canonicalJson(a[k]) !== canonicalJson(b[k]));
}
