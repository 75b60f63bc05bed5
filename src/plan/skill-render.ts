import type { AssignmentValues } from '../model/skill.js';
import { fieldLabel, formatValue, paint } from './format.js';
import type { AgentChange, SkillChange } from './types.js';

/**
 * The text lines of one skill to update, Terraform-like, for the plan and drift renderers:
 * `~ Support Voice (skill 11)`, one `field: old → new` line per changed field, then one line per
 * agent change: `+ agent ana.garcia: proficiency 2, active`, `~ agent ben.okafor: proficiency 5 → 3`
 * (and/or `active true → false`), `- agent david.kim (was proficiency 2, inactive)`. An agent the
 * tenant's list does not name shows as `agent #1234`. [] for a noop. Pure.
 */
export function skillChangeLines(change: SkillChange, color: boolean): string[] {
  if (change.action !== 'update') return [];
  const lines = [`${paint(color, 'yellow', '~')} ${paint(color, 'bold', change.skillName)} (skill ${change.skillId})`];
  for (const f of change.fields) {
    lines.push(`    ${fieldLabel(f.path)}: ${paint(color, 'red', formatValue(f.old))} → ${paint(color, 'green', formatValue(f.new))}`);
  }
  for (const a of change.agents) lines.push(`    ${agentLine(a, color)}`);
  return lines;
}

/** One agent change as a line (see {@link skillChangeLines}). */
export function agentLine(a: AgentChange, color: boolean): string {
  const who = `agent ${a.userName ?? `#${a.agentId}`}`;
  if (a.action === 'assign') return `${paint(color, 'green', '+')} ${who}: ${describe(a.new!)}`;
  if (a.action === 'unassign') return `${paint(color, 'red', '-')} ${who} (was ${describe(a.old!)})`;
  const parts: string[] = [];
  if (a.old!.proficiency !== a.new!.proficiency) parts.push(`proficiency ${a.old!.proficiency} → ${a.new!.proficiency}`);
  if (a.old!.active !== a.new!.active) parts.push(`active ${a.old!.active} → ${a.new!.active}`);
  return `${paint(color, 'yellow', '~')} ${who}: ${parts.join(', ')}`;
}

function describe(v: AssignmentValues): string {
  return `proficiency ${v.proficiency}, ${v.active ? 'active' : 'inactive'}`;
}
