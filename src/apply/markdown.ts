import { concurrentOutcome } from './summary.js';
import type { ApplyReport, EntryResult } from './types.js';

/**
 * The Markdown rendering of an audit report (pure): header facts, summary counts, one table row
 * per queue, then the field changes of applied queues and the reasons of failed ones.
 */
export function renderReportMarkdown(report: ApplyReport): string {
  const s = report.summary;
  const lines = [
    '# cxq apply report',
    '',
    `- Started: ${report.startedAt}`,
    `- Finished: ${report.finishedAt}`,
    `- Tenant: ${report.baseUrl}`,
    `- Client: ${report.clientId}`,
    `- Git commit: ${report.gitCommit ?? '(none)'}`,
    `- Plan checksum: ${report.planChecksum ?? '(planned from definitions)'}`,
    ...(report.interrupted ? ['- **Interrupted**: queues not started are `skipped`'] : []),
    ...(report.recovered ? ['- **Recovered** from the journal of a run that did not finish'] : []),
    '',
    `**${s.applied} applied, ${s.failed} failed, ${s.skipped} skipped, ${s.noop} unchanged**`,
    '',
  ];
  const listed = report.entries.filter((e) => e.outcome !== 'noop');
  if (listed.length > 0) {
    const skills = listed.every((e) => e.kind === 'Skill');
    lines.push(skills ? '| Outcome | Skill | Id | Fingerprint seen | Attempts |' : '| Outcome | Queue | Id | Version | Attempts |', '|---|---|---|---|---|');
    for (const e of listed) {
      const confirm = e.confirmed === false ? ' (not yet visible)' : '';
      const conflicts = e.conflicts === undefined ? '' : ` (${e.conflicts} conflict${e.conflicts === 1 ? '' : 's'})`;
      lines.push(
        `| ${e.outcome} | ${cell(e.name)} | \`${e.id}\` | ${versionCell(e)}${confirm} | ${e.attempts}${conflicts} |`,
      );
    }
    lines.push('');
  }
  for (const e of report.entries.filter((x) => x.outcome === 'failed')) lines.push(...failure(e));
  for (const e of report.entries.filter((x) => x.outcome === 'applied')) lines.push(...changes(e));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Skills have no versions: their cell shows the fingerprint the write was planned against. */
function versionCell(e: EntryResult): string {
  if (e.kind === 'Skill') return e.fingerprint === undefined ? 'no versions' : `\`${e.fingerprint.slice(0, 19)}…\``;
  return `${e.fromVersion ?? '?'} → ${e.toVersion ?? '?'}`;
}

function failure(e: EntryResult): string[] {
  if (!e.error) return [];
  const err = e.error;
  return [
    `## Failed: ${e.name}`,
    '',
    `HTTP ${err.status} \`${err.code}\`: ${err.message}`,
    ...err.errors.map((fe) => `- \`${fe.field}\`: ${fe.message}`),
    '',
  ];
}

function changes(e: EntryResult): string[] {
  return [
    `<details><summary>${escapeHtml(e.name)}: ${e.fields.length} field(s)${e.agents?.length ? `, ${e.agents.length} agent change(s)` : ''}</summary>`,
    '',
    ...(e.conflicts === undefined ? [] : [`Changed concurrently during the run: ${cell(concurrentOutcome(e))}.`, '']),
    '| Field | Old | New |',
    '|---|---|---|',
    ...e.fields.map((f) => `| \`${f.path}\` | ${value(f.old)} | ${value(f.new)} |`),
    ...(e.agents ?? []).map((a) => `| agent \`${cell(a.userName ?? `#${a.agentId}`)}\` | ${value(a.old ?? undefined)} | ${value(a.new ?? undefined)} |`),
    '',
    '</details>',
    '',
  ];
}

function value(v: unknown): string {
  return v === undefined ? '_(unset)_' : `\`${cell(JSON.stringify(v))}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
