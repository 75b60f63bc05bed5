/**
 * The outputs of `cxq plan` for a skills plan (the admin dialect): text (Terraform-like), JSON and
 * a Markdown pull-request comment. Pure. docs/plan.md ("Skill plans") shows each.
 */
import { displayText, fieldLabel, formatValue, paint, plural } from './format.js';
import { codeBlock, codeSpan, fitMarkdown, htmlText, mdText, type MarkdownItem } from './markdown.js';
import { agentLine, skillChangeLines } from './skill-render.js';
import type { SkillPlan } from './skill-plan.js';
import type { AgentChange, SkillChange } from './types.js';

/** The counts of a skills plan. */
export interface SkillPlanSummary {
  managed: number;
  update: number;
  noop: number;
  unmanaged: number;
}

/** Counts from the changes themselves (never from a saved plan's `summary`). */
export function skillPlanSummary(plan: Pick<SkillPlan, 'changes' | 'unmanaged'>): SkillPlanSummary {
  const update = plan.changes.filter((c) => c.action === 'update').length;
  return { managed: plan.changes.length, update, noop: plan.changes.length - update, unmanaged: plan.unmanaged.length };
}

/**
 * `cxq plan --format json` for skills (formatVersion 1): `formatVersion, generatedAt, dialect:
 * "admin", summary, changes[{kind, skillId, skillName, action, fields, agents, fingerprint}],
 * unmanaged[{skillId, skillName}]`. Desired values, snapshots and sources belong to the saved plan.
 */
export function renderSkillPlanJson(plan: SkillPlan, generatedAt: string): string {
  const out = {
    formatVersion: 1,
    generatedAt,
    dialect: 'admin',
    summary: skillPlanSummary(plan),
    changes: plan.changes.map((c) => ({
      kind: c.kind, skillId: c.skillId, skillName: c.skillName, action: c.action, fields: c.fields, agents: c.agents, fingerprint: c.fingerprint,
    })),
    unmanaged: plan.unmanaged,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `Plan: 2 skills to update, 6 unchanged, 3 unmanaged.` or the no-change sentence. */
export function skillPlanSummaryLine(plan: SkillPlan): string {
  const s = skillPlanSummary(plan);
  if (s.update === 0) return 'No changes. The tenant matches the skill definitions.';
  return `Plan: ${plural(s.update, 'skill')} to update, ${s.noop} unchanged, ${s.unmanaged} unmanaged.`;
}

/** Text: each skill to update (`~ Name (skill 11)`, field and `+/~/- agent` lines), then the summary. */
export function renderSkillPlanText(plan: SkillPlan, color: boolean): string {
  const lines: string[] = [];
  for (const change of plan.changes) {
    const block = skillChangeLines(change, color);
    if (block.length > 0) lines.push(...block, '');
  }
  lines.push(paint(color, 'bold', skillPlanSummaryLine(plan)));
  const s = skillPlanSummary(plan);
  if (s.update === 0 && s.unmanaged > 0) lines.push(`${plural(s.unmanaged, 'live skill')} not managed by any definition.`);
  return `${lines.join('\n')}\n`;
}

/** A pull-request comment: counts, one table row per field or agent change, details per skill; ≤ 65,000 characters. */
export function renderSkillPlanMarkdown(plan: SkillPlan): string {
  const s = skillPlanSummary(plan);
  const updates = plan.changes.filter((c) => c.action === 'update');
  if (updates.length === 0) {
    return `### cxq plan: no changes\n\nThe tenant matches the skill definitions (${plural(s.managed, 'managed skill')}, ${s.unmanaged} unmanaged).\n`;
  }
  return fitMarkdown({
    head: `### cxq plan: ${plural(s.update, 'skill')} to update, ${s.noop} unchanged, ${s.unmanaged} unmanaged\n\n`,
    tableHeader: '| Skill | Field | Old | New |\n| --- | --- | --- | --- |',
    items: updates.map(markdownItem),
    tail: s.unmanaged > 0 ? `${plural(s.unmanaged, 'live skill')} not managed by any definition.\n` : '',
    artifact: 'plan artifact',
  });
}

function markdownItem(change: SkillChange): MarkdownItem {
  const name = mdText(displayText(change.skillName));
  const rows = change.fields.map((f) => `| ${name} | ${codeSpan(fieldLabel(f.path))} | ${codeSpan(formatValue(f.old))} | ${codeSpan(formatValue(f.new))} |`);
  rows.push(...change.agents.map((a) => `| ${name} | ${codeSpan(`agent ${a.userName ?? `#${a.agentId}`}`)} | ${agentCell(a.old)} | ${agentCell(a.new)} |`));
  const diff = [
    ...change.fields.flatMap((f) => [`- ${fieldLabel(f.path)}: ${formatValue(f.old)}`, `+ ${fieldLabel(f.path)}: ${formatValue(f.new)}`]),
    ...change.agents.map((a) => agentLine(a, false)),
  ];
  const what = [plural(change.fields.length, 'field'), ...(change.agents.length > 0 ? [plural(change.agents.length, 'agent change')] : [])].join(', ');
  const summary = `~ ${htmlText(displayText(change.skillName))} (skill <code>${change.skillId}</code>): ${what}`;
  return { rows, details: `<details><summary>${summary}</summary>\n\n${codeBlock('diff', diff.join('\n'))}\n\n</details>` };
}

function agentCell(v: AgentChange['old']): string {
  return v === null ? '(none)' : codeSpan(`proficiency ${v.proficiency}, ${v.active ? 'active' : 'inactive'}`);
}
