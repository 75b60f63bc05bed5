/**
 * Renderers of `cxq audit`: text (the default, for a person at a terminal: summary then one line
 * per entry), json (entries + summary), csv (one row per audit entry, RFC 4180) and markdown
 * (summary tables then the entries).
 */
import type { AuditResult, AuditRow } from '../audit.js';
import { csv, mdTable } from './common.js';
import type { AuditFormat } from './formats.js';

export { AUDIT_FORMATS, type AuditFormat } from './formats.js';

/** Renders the audit in `format`. Deterministic for a given result. */
export function renderAudit(result: AuditResult, format: AuditFormat): string {
  switch (format) {
    case 'csv':
      return csvAudit(result);
    case 'markdown':
      return markdown(result);
    case 'text':
      return text(result);
    default:
      return `${JSON.stringify(result, null, 2)}\n`;
  }
}

const CSV_HEADER = [
  'timestamp', 'queue_id', 'queue_name', 'audit_id', 'user_id', 'user_name', 'made_by', 'version', 'fields', 'changes', 'apply_report',
];

/** `field: old → new; …` with values as JSON, for one cell. */
export function describeChanges(row: AuditRow): string {
  return row.changes.map((c) => `${c.field}: ${JSON.stringify(c.oldValue)} -> ${JSON.stringify(c.newValue)}`).join('; ');
}

function csvAudit(result: AuditResult): string {
  return csv(
    CSV_HEADER,
    result.entries.map((e) => [
      e.timestamp, e.queueId, e.queueName, e.id, e.user.id, e.user.name ?? '', e.madeBy, e.version ?? '',
      e.changes.map((c) => c.field).join(' '), describeChanges(e), e.applyReport?.file ?? '',
    ]),
  );
}

function markdown(result: AuditResult): string {
  const s = result.summary;
  const parts = [
    '## Queue change audit',
    '',
    `Since ${result.since}: ${s.entries} change(s), ${s.outOfBand} out-of-band (not made by cxq client \`${result.clientId}\`).`,
    '',
    '### Changes per queue',
    '',
    mdTable(['Queue', 'Id', 'Changes', 'By cxq', 'Out-of-band'], s.byQueue.map((q) => [q.name, q.id, String(q.changes), String(q.cxq), String(q.outOfBand)])),
    '### Changes per actor',
    '',
    mdTable(['Actor', 'Id', 'Made by', 'Changes'], s.byActor.map((a) => [a.name, a.id, a.madeBy, String(a.changes)])),
    '### Entries',
    '',
    result.entries.length === 0
      ? 'No changes in this period.\n'
      : mdTable(
          ['Time', 'Queue', 'Actor', 'Made by', 'Version', 'Changes', 'Apply report'],
          result.entries.map((e) => [
            e.timestamp, e.queueName || e.queueId, e.user.name ?? e.user.id, e.madeBy === 'out-of-band' ? '**out-of-band**' : 'cxq',
            e.version === null ? '-' : String(e.version), describeChanges(e), e.applyReport?.file ?? '-',
          ]),
        ),
  ];
  return parts.join('\n');
}

function text(result: AuditResult): string {
  const s = result.summary;
  const lines = [`Since ${result.since}: ${s.entries} change(s) to managed queues, ${s.outOfBand} out-of-band (not made by cxq client ${result.clientId}).`];
  for (const e of result.entries) {
    const who = e.user.name ?? e.user.id;
    const by = e.madeBy === 'out-of-band' ? 'OUT-OF-BAND' : 'cxq';
    const version = e.version === null ? '' : ` v${e.version}`;
    lines.push(`  ${e.timestamp}  ${e.queueName || e.queueId}${version}  ${by} ${who}: ${describeChanges(e) || '(no field detail)'}`);
  }
  return `${lines.join('\n')}\n`;
}
