import { displayText, fieldLabel, formatValue, paint, plural, shortId } from '../plan/format.js';
import { itemCell, itemChanges, itemField, paintItem, queueNamesOf } from '../plan/items.js';
import { codeBlock, codeSpan, fitMarkdown, htmlText, mdText, type MarkdownItem } from '../plan/markdown.js';
import type { DriftedQueue, DriftReport } from './report.js';

export { DRIFT_FORMATS, type DriftFormat } from './formats.js';

/** The report as pretty JSON, newline-ended. */
export function renderDriftJson(report: DriftReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One sentence: `Drift: 1 of 8 managed queues drifted (fingerprint 1a2b3c4d5e6f).` or in sync. */
export function driftSummaryLine(report: DriftReport): string {
  const s = report.summary;
  if (report.inSync) return `No drift. ${plural(s.managed, 'managed queue')} match their definitions.`;
  return `Drift: ${s.drifted} of ${plural(s.managed, 'managed queue')} drifted (fingerprint ${report.fingerprint.slice(0, 12)}).`;
}

function lastChange(q: DriftedQueue): string {
  const who = q.modifiedBy ? displayText(q.modifiedBy.name ?? q.modifiedBy.id) : 'unknown';
  return `last changed by ${who}${q.dateModified ? ` at ${q.dateModified}` : ''}, version ${q.version}`;
}

/**
 * Human text: each drifted queue, who changed it, each field `live …, desired …` — `skills` and
 * `overflowTargets` as one line per item changed from desired to live (what was done behind git's
 * back) — then the summary. Invisible and confusable characters are escaped.
 */
export function renderDriftText(report: DriftReport, color: boolean): string {
  const lines: string[] = [];
  const names = queueNamesOf(report.drifted, report.unmanaged);
  for (const q of report.drifted) {
    lines.push(`${paint(color, 'yellow', '!')} ${paint(color, 'bold', displayText(q.name))} (${shortId(displayText(q.id))}) ${paint(color, 'dim', lastChange(q))}`);
    for (const f of q.fields) {
      const items = itemChanges(f.path, f.desired, f.live, names);
      if (items === undefined) {
        lines.push(`    ${fieldLabel(f.path)}: live ${paint(color, 'red', formatValue(f.live))}, desired ${paint(color, 'green', formatValue(f.desired))}`);
        continue;
      }
      lines.push(`    ${fieldLabel(f.path)} (desired → live):`);
      for (const item of items) lines.push(`      ${paintItem(color, item)}`);
    }
    lines.push('');
  }
  lines.push(paint(color, 'bold', driftSummaryLine(report)));
  if (report.summary.unmanaged > 0) lines.push(`${plural(report.summary.unmanaged, 'live queue')} not managed by any definition (not drift).`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/**
 * An issue/PR comment: heading, fingerprint, a table row per drifted field with who changed the
 * queue last, per-queue audit entries in `<details>`, under 65,000 characters (see fitMarkdown).
 */
export function renderDriftMarkdown(report: DriftReport): string {
  const s = report.summary;
  const notes = report.notes.map((n) => `> **Note:** ${mdText(n)}\n`).join('');
  const unmanaged = s.unmanaged > 0 ? `${plural(s.unmanaged, 'live queue')} not managed by any definition (not drift).\n` : '';
  if (report.inSync) {
    return `### cxq drift: in sync\n\nAll ${plural(s.managed, 'managed queue')} match their definitions.\n\n${unmanaged}${notes}`;
  }
  const names = queueNamesOf(report.drifted, report.unmanaged);
  const head = `### cxq drift: ${s.drifted} of ${plural(s.managed, 'managed queue')} drifted\n\nFingerprint: \`${report.fingerprint}\`\n\n`;
  return fitMarkdown({
    head,
    tableHeader: '| Queue | Field | Live | Desired | Last changed |\n| --- | --- | --- | --- | --- |',
    items: report.drifted.map((q) => markdownItem(q, names)),
    tail: `${unmanaged}${unmanaged && notes ? '\n' : ''}${notes}`,
    artifact: 'drift report',
  });
}

function markdownItem(q: DriftedQueue, names: ReadonlyMap<string, string>): MarkdownItem {
  const who = q.modifiedBy ? mdText(displayText(q.modifiedBy.name ?? q.modifiedBy.id)) : 'unknown';
  const when = q.dateModified ? `, ${mdText(q.dateModified)}` : '';
  const name = mdText(displayText(q.name));
  const rows: string[] = [];
  const diff: string[] = [];
  for (const f of q.fields) {
    const items = itemChanges(f.path, f.desired, f.live, names);
    if (items === undefined) {
      rows.push(`| ${name} | ${codeSpan(fieldLabel(f.path))} | ${codeSpan(formatValue(f.live))} | ${codeSpan(formatValue(f.desired))} | ${who}${when} |`);
      diff.push(`- ${fieldLabel(f.path)}: ${formatValue(f.desired)}`, `+ ${fieldLabel(f.path)}: ${formatValue(f.live)}`);
      continue;
    }
    for (const item of items) rows.push(`| ${name} | ${itemField(f.path, item)} | ${itemCell(item.new)} | ${itemCell(item.old)} | ${who}${when} |`);
    diff.push(`  ${fieldLabel(f.path)}:`, ...items.map((i) => i.line));
  }
  const fields = diff.join('\n');
  const audit =
    q.audit.length === 0
      ? 'No matching audit entries.'
      : q.audit
          .map((e) => `- ${mdText(e.timestamp)} ${mdText(displayText(e.user.name ?? e.user.id))}: ${e.changes.map((c) => `${codeSpan(c.field)} ${codeSpan(formatValue(c.oldValue))} → ${codeSpan(formatValue(c.newValue))}`).join(', ')}`)
          .join('\n');
  const summary = `! ${htmlText(displayText(q.name))} (<code>${htmlText(displayText(q.id))}</code>), version ${q.version}: ${plural(q.fields.length, 'field')}`;
  return {
    rows,
    details: `<details><summary>${summary}</summary>\n\nDesired (−) vs live (+):\n\n${codeBlock('diff', fields)}\n\nAudit:\n\n${audit}\n\n</details>`,
  };
}
