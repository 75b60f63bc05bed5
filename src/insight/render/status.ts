/**
 * Renderers of `cxq status`: json (the contract), text (aligned table, colour optional),
 * markdown, html (self-contained page).
 */
import type { StatusReport, QueueStatus } from '../status.js';
import { ansi, escapeHtml, fixed, htmlPage, mdTable, percent, textTable } from './common.js';
import type { StatusFormat } from './formats.js';
import { escapeSuspicious } from '../../util/unicode.js';

export { STATUS_FORMATS, type StatusFormat } from './formats.js';

/** What the readable formats print beside the numbers. */
export interface StatusContext {
  slaSeconds: number;
  /** Share 0..1. */
  target: number;
  color: boolean;
  /** When the report was generated (ISO-8601); shown by the html page. */
  generatedAt?: string;
  /** The tenant: the host of the base URL; shown by the html page. */
  tenant?: string;
}

/** What each abbreviated column means (the html page's legend). */
export const STATUS_LEGEND: readonly (readonly [string, string])[] = [
  ['OCC', 'occupancy: share of agent time spent handling contacts over the last 5 minutes'],
  ['WAIT', 'observed average wait of the last 5 minutes'],
  ['SL', 'predicted service level: share of contacts answered within the SLA time'],
  ['ASA', 'predicted average speed of answer; inf when the queue is overloaded'],
  ['BREACH', 'yes when the predicted SL is below the target, or the queue is overloaded'],
  ['CONF', 'confidence 0–1: how well the window’s contact count pins the arrival rate down, capped per method'],
  ['METHOD', 'erlang-a (with abandonment), erlang-c, occupancy-rule (too few metrics; no SL), no-data (no metrics row)'],
];

const HEADER = ['QUEUE', 'ID', 'AGENTS', 'OFFERED', 'OCC', 'WAIT', 'SL', 'ASA', 'BREACH', 'CONF', 'METHOD'];

/** Renders the report in `format`. Deterministic for a given report. */
export function renderStatus(report: StatusReport, format: StatusFormat, ctx: StatusContext): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return markdown(report, ctx);
    case 'html':
      return html(report, ctx);
    default:
      return text(report, ctx);
  }
}

function cells(q: QueueStatus): string[] {
  const m = q.metrics;
  return [
    // Escaped: a control character in a name must not reach the terminal, nor hide in a page.
    escapeSuspicious(q.name),
    q.id,
    m.agentsOnQueue === undefined ? '-' : String(m.agentsOnQueue),
    m.offeredCount === undefined ? '-' : String(m.offeredCount),
    percent(m.occupancy),
    m.waitTime === undefined ? '-' : `${fixed(m.waitTime, 0)}s`,
    percent(q.predictedServiceLevel),
    q.predictedAsa === null ? (q.breachPredicted && q.method.startsWith('erlang') ? 'inf' : '-') : `${fixed(q.predictedAsa)}s`,
    q.breachPredicted ? 'yes' : 'no',
    fixed(q.confidence, 2),
    q.method,
  ];
}

function summary(report: StatusReport, ctx: StatusContext): string {
  const breaches = report.queues.filter((q) => q.breachPredicted).length;
  return `${report.queues.length} queue(s), ${breaches} breach(es) predicted (target ${percent(ctx.target)} answered within ${ctx.slaSeconds}s)`;
}

function healthLine(report: StatusReport): string {
  const parts = report.health.components.map((c) => `${c.name} ${c.status}`);
  return `Platform health: ${report.health.status}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

function text(report: StatusReport, ctx: StatusContext): string {
  const rows = report.queues.map(cells);
  const breachCol = HEADER.indexOf('BREACH');
  const paint = (row: number, col: number, t: string): string => {
    if (!ctx.color || col !== breachCol) return t;
    return report.queues[row]?.breachPredicted ? ansi.red(t) : ansi.green(t);
  };
  const health = healthLine(report);
  const healthOut = ctx.color && report.health.status !== 'Healthy' ? ansi.yellow(health) : health;
  const table = report.queues.length > 0 ? textTable(HEADER, rows, paint) : 'No managed queues.\n';
  return `${healthOut}\n\n${table}\n${summary(report, ctx)}\n`;
}

function markdown(report: StatusReport, ctx: StatusContext): string {
  const rows = report.queues.map((q) => {
    const c = cells(q);
    c[HEADER.indexOf('BREACH')] = q.breachPredicted ? '**yes**' : 'no';
    return c;
  });
  return `## Queue status\n\n${healthLine(report)}\n\n${mdTable(HEADER, rows)}\n${summary(report, ctx)}\n`;
}

function html(report: StatusReport, ctx: StatusContext): string {
  const numeric = new Set([2, 3, 4, 5, 6, 7, 9]);
  const head = HEADER.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = report.queues
    .map((q) => {
      const tds = cells(q).map((c, i) => {
        const cls = i === 1 ? 'id' : i === 8 ? (q.breachPredicted ? 'breach' : 'ok') : numeric.has(i) ? 'num' : '';
        return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(c)}</td>`;
      });
      return `<tr${q.breachPredicted ? ' class="breach-row"' : ''}>${tds.join('')}</tr>`;
    })
    .join('\n');
  const meta = [
    ctx.tenant === undefined ? '' : `Tenant <strong>${escapeHtml(ctx.tenant)}</strong>`,
    ctx.generatedAt === undefined ? '' : `generated <time datetime="${escapeHtml(ctx.generatedAt)}">${escapeHtml(ctx.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</time>`,
    `target ${escapeHtml(percent(ctx.target))} answered within ${ctx.slaSeconds} s`,
  ].filter((x) => x !== '');
  const healthy = report.health.status === 'Healthy';
  const legend = STATUS_LEGEND.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n');
  const table = report.queues.length === 0
    ? '<p>No managed queues.</p>'
    : `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  return htmlPage(
    'cxq status',
    [
      '<h1>Queue status</h1>',
      `<p class="meta">${meta.join(' · ')}</p>`,
      `<p class="health ${healthy ? 'ok' : 'breach'}">${escapeHtml(healthLine(report))}</p>`,
      table,
      `<p>${escapeHtml(summary(report, ctx))}</p>`,
      `<section class="legend"><h2>Legend</h2>\n<dl>\n${legend}\n</dl>\n</section>`,
    ].join('\n'),
  );
}
