/**
 * `cxq status` on the admin dialect as a value, pure: one Erlang C prediction per managed skill
 * from its summary over a recent window (contacts offered, average handle time) and its activity
 * now (agents logged in; queue count shown beside it). The target time and service level come from
 * the skill's own `serviceLevelThreshold`/`serviceLevelGoal` unless `--sla`/`--target` are given.
 */
import type { SkillActivityRow, SkillSummaryRow } from '../model/skill-api.js';
import { erlangCServiceLevel } from './erlang.js';
import { confidence, DEFAULT_SLA_SECONDS, DEFAULT_TARGET } from './predict.js';

/** The summary window status reads, seconds: the last hour (enough contacts to estimate a rate). */
export const SKILL_STATUS_WINDOW_SECONDS = 3600;

/** `method` when every input was served; `no-data` (with `missing`) otherwise. */
export const SKILL_STATUS_METHOD = 'erlang-c(summary+activity)';
export type SkillStatusMethod = typeof SKILL_STATUS_METHOD | 'no-data';

export interface SkillStatusInputs {
  /** summary.contactsOffered over the window. */
  contactsOffered: number | null;
  /** summary.averageHandleTime, seconds. */
  averageHandleTime: number | null;
  /** activity.agentsLoggedIn now: the agents N of the model. */
  agentsLoggedIn: number | null;
  /** activity.queueCount now: contacts waiting (shown, not modelled: Erlang C is steady state). */
  queueCount: number | null;
  windowSeconds: number;
}

export interface SkillStatus {
  skillId: number;
  skillName: string;
  inputs: SkillStatusInputs;
  /** Answer-time target, seconds, and where it came from. */
  slaSeconds: number;
  /** Service-level target as a share 0..1. */
  target: number;
  targetSource: 'skill' | 'flags' | 'default';
  /** Share answered within the target time over the window, from the summary; null when not served. */
  observedServiceLevel: number | null;
  predictedServiceLevel: number | null;
  predictedAsa: number | null;
  breachPredicted: boolean;
  confidence: number;
  method: SkillStatusMethod;
  /** The inputs that were not served (only with method `no-data`). */
  missing: string[];
}

export interface SkillStatusReport {
  kind: 'Skill';
  window: { startDate: string; endDate: string };
  skills: SkillStatus[];
}

export interface SkillStatusOptions {
  window: { startDate: string; endDate: string };
  windowSeconds: number;
  /** `--sla`, seconds; undefined: the skill's serviceLevelThreshold. */
  slaSeconds?: number;
  /** `--target` as a share; undefined: the skill's serviceLevelGoal. */
  target?: number;
}

/**
 * Pairs each skill with its summary (by skill id) and activity row (first row per id wins) and
 * predicts. Skills come out sorted by name then id. Never throws: a missing or invalid input gives
 * `no-data` naming it, never a breach.
 */
export function buildSkillStatus(
  skills: readonly { skillId: number; skillName: string; serviceLevelThreshold?: unknown; serviceLevelGoal?: unknown }[],
  summaries: ReadonlyMap<number, SkillSummaryRow | undefined>,
  activity: readonly SkillActivityRow[],
  options: SkillStatusOptions,
): SkillStatusReport {
  const now = new Map<number, SkillActivityRow>();
  for (const row of activity) if (typeof row?.skillId === 'number' && !now.has(row.skillId)) now.set(row.skillId, row);
  const sorted = [...skills].sort((a, b) => a.skillName.localeCompare(b.skillName, 'en') || a.skillId - b.skillId);
  return { kind: 'Skill', window: { ...options.window }, skills: sorted.map((s) => skillStatus(s, summaries.get(s.skillId), now.get(s.skillId), options)) };
}

function skillStatus(
  s: { skillId: number; skillName: string; serviceLevelThreshold?: unknown; serviceLevelGoal?: unknown },
  summary: SkillSummaryRow | undefined,
  activity: SkillActivityRow | undefined,
  options: SkillStatusOptions,
): SkillStatus {
  const inputs: SkillStatusInputs = {
    contactsOffered: count(summary?.contactsOffered),
    averageHandleTime: count(summary?.averageHandleTime),
    agentsLoggedIn: count(activity?.agentsLoggedIn),
    queueCount: count(activity?.queueCount),
    windowSeconds: options.windowSeconds,
  };
  const targets = targetsOf(s, options);
  const within = count(summary?.['contactsWithinSLA']);
  const observed = within !== null && inputs.contactsOffered !== null && inputs.contactsOffered > 0 ? round(within / inputs.contactsOffered, 4) : null;
  const base = { skillId: s.skillId, skillName: s.skillName, inputs, ...targets, observedServiceLevel: observed };
  const missing = (['contactsOffered', 'averageHandleTime', 'agentsLoggedIn'] as const).filter((k) => inputs[k] === null);
  const { contactsOffered: offered, averageHandleTime: aht, agentsLoggedIn: agents } = inputs;
  if (offered === null || aht === null || agents === null || (aht === 0 && offered > 0) || options.windowSeconds <= 0) {
    if (missing.length === 0) missing.push('averageHandleTime');
    return { ...base, predictedServiceLevel: null, predictedAsa: null, breachPredicted: false, confidence: 0, method: 'no-data', missing };
  }
  const load = (offered * aht) / options.windowSeconds;
  const c = erlangCServiceLevel({ load, agents: Math.floor(agents), handleTime: aht, targetSeconds: targets.slaSeconds });
  return {
    ...base,
    predictedServiceLevel: round(c.serviceLevel, 4),
    predictedAsa: Number.isFinite(c.asa) ? round(c.asa, 2) : null,
    breachPredicted: c.overloaded || c.serviceLevel < targets.target,
    confidence: confidence('erlang-c', offered),
    method: SKILL_STATUS_METHOD,
    missing: [],
  };
}

/** Flags win; else the skill's own settings (both must be valid numbers); else the defaults. */
function targetsOf(
  s: { serviceLevelThreshold?: unknown; serviceLevelGoal?: unknown },
  o: SkillStatusOptions,
): { slaSeconds: number; target: number; targetSource: SkillStatus['targetSource'] } {
  const threshold = count(s.serviceLevelThreshold);
  const goal = count(s.serviceLevelGoal);
  const fromSkill = threshold !== null && goal !== null && goal <= 100;
  const slaSeconds = o.slaSeconds ?? (fromSkill ? threshold : DEFAULT_SLA_SECONDS);
  const target = o.target ?? (fromSkill ? goal / 100 : DEFAULT_TARGET);
  const source = o.slaSeconds !== undefined || o.target !== undefined ? 'flags' : fromSkill ? 'skill' : 'default';
  return { slaSeconds, target, targetSource: source };
}

/** Whether any skill is predicted to breach (`--fail-on-breach`). */
export function anySkillBreach(report: SkillStatusReport): boolean {
  return report.skills.some((s) => s.breachPredicted);
}

/** A finite non-negative number (a decimal string too, as some API versions may send [I]); else null. */
function count(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
