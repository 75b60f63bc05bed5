/**
 * Renderers of `cxq audit` on the admin dialect: text (default), json, csv (RFC 4180), markdown.
 * Every readable format states that the entries come from cxq's apply reports only.
 */
import { escapeSuspicious } from '../../util/unicode.js';
import { describeSkillChanges, type SkillAuditResult } from '../skill-audit.js';
import { csv, mdTable } from './common.js';
import type { AuditFormat } from './formats.js';

const CSV_HEADER = ['timestamp', 'skill_id', 'skill_name', 'made_by', 'client_id', 'fields', 'changes', 'apply_report'];

/** Renders the result in `format`. Deterministic for a given result. */
export function renderSkillAudit(result: SkillAuditResult, format: AuditFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') {
    return csv(CSV_HEADER, result.entries.map((e) => [
      e.timestamp, e.skillId, e.skillName, e.madeBy, e.clientId ?? '',
      [...e.changes.map((c) => c.path.slice(1)), ...(e.agents.length > 0 ? ['agents'] : [])].join(' '), describeSkillChanges(e), e.report.file,
    ]));
  }
  if (format === 'markdown') return markdown(result);
  const s = result.summary;
  const lines = [`Since ${result.since}: ${s.entries} change(s) to managed skills recorded by cxq apply (${s.reports} report(s)).`];
  for (const e of result.entries) {
    lines.push(`  ${e.timestamp}  ${escapeSuspicious(e.skillName)} (skill ${e.skillId})  cxq ${e.clientId ?? ''}: ${escapeSuspicious(describeSkillChanges(e)) || '(no field detail)'}  [${e.report.file}]`);
  }
  for (const n of result.notes) lines.push(`note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function markdown(result: SkillAuditResult): string {
  const s = result.summary;
  return [
    '## Skill change audit',
    '',
    ...result.notes.map((n) => `> **Note:** ${n}`),
    '',
    `Since ${result.since}: ${s.entries} change(s) recorded by cxq apply in ${s.reports} report(s).`,
    '',
    '### Changes per skill',
    '',
    mdTable(['Skill', 'Id', 'Changes'], s.bySkill.map((b) => [b.skillName, String(b.skillId), String(b.changes)])),
    '### Entries',
    '',
    result.entries.length === 0
      ? 'No changes in this period.\n'
      : mdTable(['Time', 'Skill', 'Client', 'Changes', 'Apply report'], result.entries.map((e) => [e.timestamp, e.skillName, e.clientId ?? '-', describeSkillChanges(e), e.report.file])),
  ].join('\n');
}
