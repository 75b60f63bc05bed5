/**
 * `cxq audit` on the admin dialect, pure. The platform keeps no audit history for skills
 * (audit-history endpoints exist for campaigns, dispositions and script schedules only), so the
 * only trail is cxq's own apply reports: every applied skill entry of this tenant's reports in
 * `./cxq-reports` (src/insight/skill-reports.ts). Changes made outside cxq cannot appear here;
 * `cxq drift` is what finds them. The result says so in `source` and `notes`.
 */
import { formatValue } from '../plan/format.js';
import { agentLine } from '../plan/skill-render.js';
import type { AssignmentValues } from '../model/skill.js';
import { compareStrings } from '../util/canonical-json.js';
import type { SkillWrite } from './skill-reports.js';

/** Always in the result: where the entries come from, and what cannot be in them. */
export const SKILL_AUDIT_NOTE =
  'the Admin API keeps no audit history for skills: these entries come from cxq apply reports in ./cxq-reports only; changes made outside cxq are not listed (cxq drift finds them)';

export interface SkillAuditRow {
  /** When the apply run finished (the report's finishedAt). */
  timestamp: string;
  skillId: number;
  skillName: string;
  madeBy: 'cxq';
  /** The access key id the run used (the report's clientId), null when the report does not say. */
  clientId: string | null;
  report: { file: string; startedAt: string; finishedAt: string };
  changes: { path: string; old: unknown; new: unknown }[];
  agents: { action: string; userName: string | null; agentId: number | null; old: unknown; new: unknown }[];
}

export interface SkillAuditResult {
  kind: 'Skill';
  source: 'cxq-apply-reports';
  since: string;
  entries: SkillAuditRow[];
  summary: { entries: number; reports: number; bySkill: { skillId: number; skillName: string; changes: number }[] };
  notes: string[];
}

/**
 * The applied writes of the managed `skills` that finished at or after `since` (ISO instant),
 * oldest first (then skill name). Skills are named as live. Never throws.
 */
export function buildSkillAudit(input: { since: string; skills: readonly { skillId: number; skillName: string }[]; writes: readonly SkillWrite[] }): SkillAuditResult {
  const names = new Map(input.skills.map((s) => [s.skillId, s.skillName]));
  const from = Date.parse(input.since);
  const entries: SkillAuditRow[] = input.writes
    .filter((w) => names.has(w.skillId) && !(Date.parse(w.finishedAt) < from))
    .map((w) => ({
      timestamp: w.finishedAt,
      skillId: w.skillId,
      skillName: names.get(w.skillId) ?? w.skillName,
      madeBy: 'cxq' as const,
      clientId: w.clientId,
      report: { file: w.file, startedAt: w.startedAt, finishedAt: w.finishedAt },
      changes: w.fields.map((f) => ({ ...f })),
      agents: w.agents.map((a) => ({ ...a })),
    }))
    .sort((a, b) => compareStrings(a.timestamp, b.timestamp) || compareStrings(a.skillName, b.skillName) || a.skillId - b.skillId);
  const bySkill = new Map<number, number>();
  for (const e of entries) bySkill.set(e.skillId, (bySkill.get(e.skillId) ?? 0) + 1);
  return {
    kind: 'Skill',
    source: 'cxq-apply-reports',
    since: input.since,
    entries,
    summary: {
      entries: entries.length,
      reports: new Set(entries.map((e) => e.report.file)).size,
      bySkill: [...bySkill].map(([skillId, changes]) => ({ skillId, skillName: names.get(skillId) ?? '', changes }))
        .sort((a, b) => compareStrings(a.skillName, b.skillName) || a.skillId - b.skillId),
    },
    notes: [SKILL_AUDIT_NOTE],
  };
}

/** `field: old → new; + agent x: proficiency 2, active; …` for one row, plain text. */
export function describeSkillChanges(row: SkillAuditRow): string {
  const fields = row.changes.map((c) => `${c.path.slice(1)}: ${formatValue(c.old)} -> ${formatValue(c.new)}`);
  const agents = row.agents.map((a) => agentText(a));
  return [...fields, ...agents].join('; ');
}

/** An agent change as the plan shows it (`+ agent ana: proficiency 2, active`), or raw when the report lacks a side. */
function agentText(a: SkillAuditRow['agents'][number]): string {
  const old = a.old as AssignmentValues | null;
  const next = a.new as AssignmentValues | null;
  const action = a.action as 'assign' | 'update' | 'unassign';
  const complete = (action === 'assign' && next !== null) || (action === 'unassign' && old !== null) || (action === 'update' && old !== null && next !== null);
  if (complete) return agentLine({ action, userName: a.userName, agentId: a.agentId ?? 0, old, new: next }, false);
  return `${a.action} agent ${a.userName ?? `#${a.agentId}`}: ${formatValue(a.old)} -> ${formatValue(a.new)}`;
}
