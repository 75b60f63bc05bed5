/**
 * Renderers of `cxq report abandonment`: text, json, csv (RFC 4180) and html (an overview across
 * queues, then a histogram per queue drawn as inline SVG; see abandonment-html.ts).
 */
import type { AbandonmentReport, BucketStats } from '../abandonment.js';
import { abandonmentHtml } from './abandonment-html.js';
import { csv, fixed, percent, textTable } from './common.js';
import { escapeSuspicious } from '../../util/unicode.js';
import type { AbandonmentFormat } from './formats.js';

export { ABANDONMENT_FORMATS, type AbandonmentFormat } from './formats.js';

/**
 * Renders the report in `format`. Deterministic for a given report. `noun` names what the report
 * is per (`queue`, or `skill` on the admin dialect: csv then says `skill_id,skill_name`).
 */
export function renderAbandonment(report: AbandonmentReport, format: AbandonmentFormat, noun: 'queue' | 'skill' = 'queue'): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return csvReport(report, noun);
    case 'html':
      return abandonmentHtml(report, noun);
    default:
      return text(report, noun);
  }
}

const CSV_HEADER = ['queue_id', 'queue_name', 'wait_range', 'offered', 'answered', 'abandoned', 'abandonment_rate', 'average_wait'];

function csvRow(q: { id: string; name: string }, b: BucketStats): unknown[] {
  return [q.id, q.name, b.range, b.offered, b.answered, b.abandoned, b.abandonmentRate ?? '', b.averageWait ?? ''];
}

function csvReport(report: AbandonmentReport, noun: string): string {
  const rows = report.queues.flatMap((q) => [...q.buckets, q.total].map((b) => csvRow(q, b)));
  return csv(noun === 'queue' ? CSV_HEADER : [`${noun}_id`, `${noun}_name`, ...CSV_HEADER.slice(2)], rows);
}

const TEXT_HEADER = ['WAIT (s)', 'OFFERED', 'ANSWERED', 'ABANDONED', 'RATE', 'AVG WAIT', ''];
const BAR_WIDTH = 30;

function text(report: AbandonmentReport, noun: string): string {
  const parts = [`Wait-time and abandonment distribution since ${report.since}`, ''];
  for (const q of report.queues) {
    const max = Math.max(1, ...q.buckets.map((b) => b.offered));
    const rows = [...q.buckets, q.total].map((b) => [
      b.range,
      String(b.offered),
      String(b.answered),
      String(b.abandoned),
      percent(b.abandonmentRate),
      b.averageWait === null ? '-' : `${fixed(b.averageWait)}s`,
      b.range === 'all' ? '' : '#'.repeat(Math.round((b.offered / max) * BAR_WIDTH)),
    ]);
    parts.push(`${escapeSuspicious(q.name)} (${escapeSuspicious(q.id)})`, textTable(TEXT_HEADER, rows));
  }
  const t = report.total;
  parts.push(`${report.queues.length} ${noun}(s): ${t.offered} offered, ${t.abandoned} abandoned (${percent(t.abandonmentRate)})`);
  return parts.join('\n') + '\n';
}
