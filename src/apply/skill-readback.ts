/**
 * Reading a skill (and its assignments) right before and after writing it, and judging the read
 * after: the Admin API has no versions, so a value is believed only when a read shows it. A read
 * after the write that still shows the value from before may be read lag (reads can trail writes):
 * it is re-read with bounded backoff. A value that is neither the one before nor ours shows
 * another writer: reported, never written over again.
 */
import type { LiveAssignment, LiveSkill, ManagedSkillField } from '../model/skill.js';
import type { SkillApi } from '../model/skill-api.js';
import { fingerprintOf, skillSnapshot } from '../plan/fingerprint.js';
import { normaliseInteger, normaliseSkillValue } from '../plan/skill-normalise.js';
import { agentChangesNotHeld, checkSkillWrite } from '../plan/skill-verify.js';
import type { AgentChange, SkillDesired, SkillSnapshot } from '../plan/types.js';
import { canonicalJson } from '../util/canonical-json.js';
import type { Sleep } from './propagation.js';

/** Why a read-back did not confirm a write, as the report's `unconfirmedReason` says it. */
export function unconfirmedReason(verdict: ReadbackVerdict): string | undefined {
  if (verdict.state === 'lagging') return `written, not confirmed: reads still show the old value of ${verdict.paths.join(', ')} (read lag?)`;
  if (verdict.state === 'other-writer') return `written, then another writer changed ${verdict.paths.join(', ')}; not written again`;
  return undefined;
}

/** Pauses between read-backs while a write may not be visible yet (≈ 3 s in all). */
export const READBACK_DELAYS_MS: readonly number[] = [100, 200, 400, 800, 1500];

/** One read of a skill as apply needs it. */
export interface SkillRead {
  skill: LiveSkill;
  /** Present when the definition declares agents. */
  assignments?: LiveAssignment[];
  snapshot: SkillSnapshot;
  fingerprint: string;
}

/** GET the skill, and its assignments (multi-skill endpoint) when agents are declared; snapshot as the plan took it. */
export async function readSkill(api: SkillApi, skillId: number, desired: SkillDesired, declaredIds: readonly number[]): Promise<SkillRead> {
  const withAgents = desired.agents !== undefined;
  const [skill, assigned] = await Promise.all([api.getSkill(skillId), withAgents ? api.assignments([skillId]) : Promise.resolve(undefined)]);
  const fields = Object.keys(desired.fields) as ManagedSkillField[];
  const assignments = assigned === undefined ? undefined : (assigned.get(skillId) ?? []);
  const snapshot = skillSnapshot(skill, fields, assignments === undefined ? undefined : { assignments, declaredIds, exclusive: desired.agentsExclusive });
  return { skill, ...(assignments === undefined ? {} : { assignments }), snapshot, fingerprint: fingerprintOf(snapshot) };
}

/** What a read after the write shows. */
export type ReadbackVerdict =
  | { state: 'held' }
  | { state: 'lagging'; paths: string[] }
  | { state: 'other-writer'; paths: string[] };

/**
 * Judges `after` against the read before the write and what was written (pure): every declared
 * field holds its desired value, every other field is unchanged and every agent change shows →
 * `held`; only values from before → `lagging`; anything else → `other-writer`, naming the paths.
 */
export function judgeReadback(before: SkillRead, after: Pick<SkillRead, 'skill' | 'assignments'>, desired: SkillDesired, agents: readonly AgentChange[]): ReadbackVerdict {
  const check = checkSkillWrite(before.skill, after.skill, desired.fields);
  const lagging: string[] = [];
  const other: string[] = check.disturbed.map((d) => d.path);
  for (const m of check.notHeld) {
    const f = m.path.slice(1) as ManagedSkillField;
    const same = canonicalJson(normaliseSkillValue(f, before.skill[f]) ?? null) === canonicalJson(normaliseSkillValue(f, after.skill[f]) ?? null);
    (same ? lagging : other).push(m.path);
  }
  const byId = new Map((after.assignments ?? []).map((a) => [a.agentId, a]));
  for (const change of agentChangesNotHeld(agents, after.assignments ?? [])) {
    const now = byId.get(change.agentId);
    const atBefore = change.old === null ? now === undefined
      : now !== undefined && normaliseInteger(now.proficiency) === change.old.proficiency && now.active === change.old.active;
    (atBefore ? lagging : other).push(`/agents/${change.userName ?? change.agentId}`);
  }
  if (other.length > 0) return { state: 'other-writer', paths: other.sort() };
  if (lagging.length > 0) return { state: 'lagging', paths: lagging.sort() };
  return { state: 'held' };
}

/**
 * Reads back until `held` or `other-writer`, pausing `delays` between reads while `lagging`;
 * returns the last verdict. API errors propagate.
 */
export async function readBack(
  read: () => Promise<SkillRead>,
  judge: (after: Pick<SkillRead, 'skill' | 'assignments'>) => ReadbackVerdict,
  sleep: Sleep,
  delays: readonly number[] = READBACK_DELAYS_MS,
): Promise<ReadbackVerdict> {
  let verdict = judge(await read());
  for (const delay of delays) {
    if (verdict.state !== 'lagging') break;
    await sleep(delay);
    verdict = judge(await read());
  }
  return verdict;
}
