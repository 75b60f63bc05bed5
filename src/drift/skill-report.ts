/**
 * `cxq drift` on the admin dialect as a value, pure: every skill the plan would update is drift,
 * each drifted value attributed only where cxq's own apply reports can (the Admin API keeps no
 * author for skills; see src/insight/skill-reports.ts).
 */
import type { AssignmentValues } from '../model/skill.js';
import type { SkillPlan } from '../plan/skill-plan.js';
import { attributeAgent, attributeField, type Attribution, type SkillWrite } from '../insight/skill-reports.js';
import { driftFingerprint } from './report.js';

/** Always in the report's notes: what the platform does not tell, and what cxq does instead. */
export const NO_AUTHOR_NOTE =
  'the Admin API keeps no author (modifiedBy) and no audit history for skills: a drifted value is attributed only when it is what a cxq apply report in ./cxq-reports wrote';

export interface DriftedSkillField {
  path: string;
  live: unknown;
  desired: unknown;
  lastWrite: Attribution;
}

export interface DriftedSkillAgent {
  /** What apply would do to converge: assign (missing live), update, unassign (agentsExclusive). */
  action: 'assign' | 'update' | 'unassign';
  userName: string | null;
  agentId: number;
  live: AssignmentValues | null;
  desired: AssignmentValues | null;
  lastWrite: Attribution;
}

export interface DriftedSkill {
  skillId: number;
  skillName: string;
  /** Always null: skills carry no author. Kept so consumers of the queue report find the key. */
  modifiedBy: null;
  fields: DriftedSkillField[];
  agents: DriftedSkillAgent[];
}

/** The drift report of the admin dialect (`formatVersion: 1`, `kind: "Skill"`). */
export interface SkillDriftReport {
  formatVersion: 1;
  kind: 'Skill';
  generatedAt: string;
  inSync: boolean;
  /** sha256 (hex) of the drift itself, as for queues (see {@link skillDriftFingerprint}). */
  fingerprint: string;
  summary: { managed: number; drifted: number; unmanaged: number };
  drifted: DriftedSkill[];
  unmanaged: { skillId: number; skillName: string }[];
  notes: string[];
}

/** The agent key of the fingerprint: the user name, or `#agentId` when the tenant does not name it. */
export function agentPath(a: { userName: string | null; agentId: number }): string {
  return `/agents/${a.userName ?? `#${a.agentId}`}`;
}

/**
 * sha256 of the sorted `[skillId, path, live, desired]` tuples (fields and agents, agents under
 * `/agents/<user name>`), through the queue report's `driftFingerprint`: time, attribution and
 * order never enter it, so the same drift always has the same fingerprint. Pure.
 */
export function skillDriftFingerprint(drifted: readonly DriftedSkill[]): string {
  return driftFingerprint(
    drifted.map((s) => ({
      id: String(s.skillId),
      fields: [
        ...s.fields.map((f) => ({ path: f.path, live: f.live, desired: f.desired })),
        ...s.agents.map((a) => ({ path: agentPath(a), live: a.live, desired: a.desired })),
      ],
    })),
  );
}

/**
 * Turns a skills plan into a drift report. `writes` are the tenant's skill writes from cxq's apply
 * reports, oldest first. Unmanaged skills are listed, never drift. Pure; never throws.
 */
export function buildSkillDriftReport(input: { plan: SkillPlan; writes: readonly SkillWrite[]; generatedAt: string; notes?: readonly string[] }): SkillDriftReport {
  const { plan, writes } = input;
  const drifted: DriftedSkill[] = plan.changes
    .filter((c) => c.action === 'update')
    .map((c) => ({
      skillId: c.skillId,
      skillName: c.skillName,
      modifiedBy: null,
      fields: c.fields.map((f) => ({ path: f.path, live: f.old, desired: f.new, lastWrite: attributeField(writes, c.skillId, f.path, f.old) })),
      agents: c.agents.map((a) => ({
        action: a.action,
        userName: a.userName,
        agentId: a.agentId,
        live: a.old,
        desired: a.new,
        lastWrite: attributeAgent(writes, c.skillId, a, a.old),
      })),
    }));
  return {
    formatVersion: 1,
    kind: 'Skill',
    generatedAt: input.generatedAt,
    inSync: drifted.length === 0,
    fingerprint: skillDriftFingerprint(drifted),
    summary: { managed: plan.changes.length, drifted: drifted.length, unmanaged: plan.unmanaged.length },
    drifted,
    unmanaged: plan.unmanaged.map((u) => ({ ...u })),
    notes: [NO_AUTHOR_NOTE, ...(input.notes ?? [])],
  };
}
