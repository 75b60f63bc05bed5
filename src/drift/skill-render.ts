/**
 * Renderers of the admin dialect's drift report (text, markdown; JSON is the report itself).
 * Agents are shown with the plan's `+`/`~`/`-` agent lines: what apply would do to converge.
 */
import { displayText, fieldLabel, formatValue, paint, plural } from '../plan/format.js';
import { codeSpan, fitMarkdown, htmlText, mdText, type MarkdownItem } from '../plan/markdown.js';
import { agentLine } from '../plan/skill-render.js';
import type { AgentChange } from '../plan/types.js';
import { describeAttribution } from '../insight/skill-reports.js';
import type { DriftedSkill, DriftedSkillAgent, SkillDriftReport } from './skill-report.js';

/** The report as pretty JSON, newline-ended. */
export function renderSkillDriftJson(report: SkillDriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One sentence: `Drift: 1 of 5 managed skills drifted (fingerprint 1a2b3c4d5e6f).` or in sync. */
export function skillDriftSummaryLine(report: SkillDriftReport): string {
  const s = report.summary;
  if (report.inSync) return `No drift. ${plural(s.managed, 'managed skill')} match their definitions.`;
  return `Drift: ${s.drifted} of ${plural(s.managed, 'managed skill')} drifted (fingerprint ${report.fingerprint.slice(0, 12)}).`;
}

function asChange(a: DriftedSkillAgent): AgentChange {
  return { action: a.action, userName: a.userName, agentId: a.agentId, old: a.live, new: a.desired };
}

/**
 * Human text: per drifted skill, each field `live …, desired …` with who last wrote it as far as
 * cxq knows, then the agent lines, then the summary and the notes.
 */
export function renderSkillDriftText(report: SkillDriftReport, color: boolean): string {
  const lines: string[] = [];
  for (const s of report.drifted) {
    lines.push(`${paint(color, 'yellow', '!')} ${paint(color, 'bold', displayText(s.skillName))} (skill ${s.skillId})`);
    for (const f of s.fields) {
      lines.push(`    ${fieldLabel(f.path)}: live ${paint(color, 'red', formatValue(f.live))}, desired ${paint(color, 'green', formatValue(f.desired))}`);
      lines.push(`      ${paint(color, 'dim', describeAttribution(f.lastWrite))}`);
    }
    if (s.agents.length > 0) lines.push('    agents (what apply would do):');
    for (const a of s.agents) {
      lines.push(`      ${agentLine(asChange(a), color)}`);
      lines.push(`        ${paint(color, 'dim', describeAttribution(a.lastWrite))}`);
    }
    lines.push('');
  }
  lines.push(paint(color, 'bold', skillDriftSummaryLine(report)));
  if (report.summary.unmanaged > 0) lines.push(`${plural(report.summary.unmanaged, 'live skill')} not managed by any definition (not drift).`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** An issue/PR comment: heading, fingerprint, one table row per drifted field or agent, the notes. */
export function renderSkillDriftMarkdown(report: SkillDriftReport): string {
  const s = report.summary;
  const notes = report.notes.map((n) => `> **Note:** ${mdText(n)}\n`).join('');
  const unmanaged = s.unmanaged > 0 ? `${plural(s.unmanaged, 'live skill')} not managed by any definition (not drift).\n` : '';
  if (report.inSync) return `### cxq drift: in sync\n\nAll ${plural(s.managed, 'managed skill')} match their definitions.\n\n${unmanaged}${notes}`;
  return fitMarkdown({
    head: `### cxq drift: ${s.drifted} of ${plural(s.managed, 'managed skill')} drifted\n\nFingerprint: \`${report.fingerprint}\`\n\n`,
    tableHeader: '| Skill | Field | Live | Desired | Last written |\n| --- | --- | --- | --- | --- |',
    items: report.drifted.map(markdownItem),
    tail: `${unmanaged}${unmanaged && notes ? '\n' : ''}${notes}`,
    artifact: 'drift report',
  });
}

function markdownItem(s: DriftedSkill): MarkdownItem {
  const name = mdText(displayText(s.skillName));
  const rows = s.fields.map(
    (f) => `| ${name} | ${codeSpan(fieldLabel(f.path))} | ${codeSpan(formatValue(f.live))} | ${codeSpan(formatValue(f.desired))} | ${mdText(describeAttribution(f.lastWrite))} |`,
  );
  for (const a of s.agents) {
    const who = a.userName ?? `#${a.agentId}`;
    rows.push(`| ${name} | ${codeSpan(`agent ${who}`)} | ${codeSpan(formatValue(a.live))} | ${codeSpan(formatValue(a.desired))} | ${mdText(describeAttribution(a.lastWrite))} |`);
  }
  const lines = s.agents.map((a) => agentLine(asChange(a), false));
  const details = lines.length === 0
    ? `<details><summary>! ${htmlText(displayText(s.skillName))} (skill ${s.skillId}): ${plural(s.fields.length, 'field')}</summary>\n\nNo agent drift.\n\n</details>`
    : `<details><summary>! ${htmlText(displayText(s.skillName))} (skill ${s.skillId}): agents</summary>\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n\n</details>`;
  return { rows, details };
}
