/**
 * Renderers of `cxq report abandonment`: text, json, csv (RFC 4180) and html (a histogram per
 * queue drawn as inline SVG, no external assets, fit to attach to a CI run).
 */
import type { AbandonmentReport, BucketStats, QueueAbandonment } from '../abandonment.js';
import { csv, escapeHtml, fixed, htmlPage, percent, textTable } from './common.js';
import type { AbandonmentFormat } from './formats.js';

export { ABANDONMENT_FORMATS, type AbandonmentFormat } from './formats.js';

/** Renders the report in `format`. Deterministic for a given report. */
export function renderAbandonment(report: AbandonmentReport, format: AbandonmentFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return csvReport(report);
    case 'html':
      return html(report);
    default:
      return text(report);
  }
}

const CSV_HEADER = ['queue_id', 'queue_name', 'wait_range', 'offered', 'answered', 'abandoned', 'abandonment_rate', 'average_wait'];

function csvRow(q: { id: string; name: string }, b: BucketStats): unknown[] {
  return [q.id, q.name, b.range, b.offered, b.answered, b.abandoned, b.abandonmentRate ?? '', b.averageWait ?? ''];
}

function csvReport(report: AbandonmentReport): string {
  const rows = report.queues.flatMap((q) => [...q.buckets, q.total].map((b) => csvRow(q, b)));
  return csv(CSV_HEADER, rows);
}

const TEXT_HEADER = ['WAIT (s)', 'OFFERED', 'ANSWERED', 'ABANDONED', 'RATE', 'AVG WAIT', ''];
const BAR_WIDTH = 30;

function text(report: AbandonmentReport): string {
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
    parts.push(`${q.name} (${q.id})`, textTable(TEXT_HEADER, rows));
  }
  const t = report.total;
  parts.push(`${report.queues.length} queue(s): ${t.offered} offered, ${t.abandoned} abandoned (${percent(t.abandonmentRate)})`);
  return parts.join('\n') + '\n';
}

const SVG = { width: 520, height: 220, left: 48, right: 12, top: 16, bottom: 40 };

/** A stacked histogram (answered below, abandoned above) of one queue, as inline SVG. */
export function histogramSvg(q: QueueAbandonment): string {
  const plotW = SVG.width - SVG.left - SVG.right;
  const plotH = SVG.height - SVG.top - SVG.bottom;
  const max = Math.max(1, ...q.buckets.map((b) => b.offered));
  const slot = plotW / Math.max(1, q.buckets.length);
  const barW = Math.max(4, slot * 0.7);
  const y = (v: number): number => SVG.top + plotH - (v / max) * plotH;
  const r = (v: number): string => v.toFixed(1);
  const bars = q.buckets.map((b, i) => {
    const x = SVG.left + i * slot + (slot - barW) / 2;
    const answeredTop = y(b.answered);
    const totalTop = y(b.offered);
    const label = `${b.range} s: ${b.answered} answered, ${b.abandoned} abandoned (${percent(b.abandonmentRate)})`;
    return [
      `<g><title>${escapeHtml(label)}</title>`,
      `<rect x="${r(x)}" y="${r(answeredTop)}" width="${r(barW)}" height="${r(SVG.top + plotH - answeredTop)}" fill="#4c78a8"/>`,
      `<rect x="${r(x)}" y="${r(totalTop)}" width="${r(barW)}" height="${r(answeredTop - totalTop)}" fill="#e45756"/>`,
      `<text x="${r(x + barW / 2)}" y="${r(SVG.height - SVG.bottom + 16)}" text-anchor="middle" font-size="11">${escapeHtml(b.range)}</text>`,
      `<text x="${r(x + barW / 2)}" y="${r(totalTop - 4)}" text-anchor="middle" font-size="10">${escapeHtml(percent(b.abandonmentRate))}</text></g>`,
    ].join('');
  });
  const axis = [
    `<line x1="${SVG.left}" y1="${SVG.top + plotH}" x2="${SVG.width - SVG.right}" y2="${SVG.top + plotH}" stroke="#57606a"/>`,
    `<line x1="${SVG.left}" y1="${SVG.top}" x2="${SVG.left}" y2="${SVG.top + plotH}" stroke="#57606a"/>`,
    `<text x="${SVG.left - 6}" y="${SVG.top + 4}" text-anchor="end" font-size="10">${max}</text>`,
    `<text x="${SVG.left - 6}" y="${SVG.top + plotH}" text-anchor="end" font-size="10">0</text>`,
    `<text x="${SVG.left + plotW / 2}" y="${SVG.height - 6}" text-anchor="middle" font-size="11">wait (seconds)</text>`,
  ];
  return `<svg role="img" width="${SVG.width}" height="${SVG.height}" viewBox="0 0 ${SVG.width} ${SVG.height}" aria-label="${escapeHtml(`Wait-time histogram of ${q.name}`)}">\n${axis.join('\n')}\n${bars.join('\n')}\n</svg>`;
}

function html(report: AbandonmentReport): string {
  const sections = report.queues.map((q) => {
    const rows = [...q.buckets, q.total]
      .map(
        (b) =>
          `<tr><td>${escapeHtml(b.range)}</td><td class="num">${b.offered}</td><td class="num">${b.answered}</td><td class="num">${b.abandoned}</td><td class="num">${escapeHtml(percent(b.abandonmentRate))}</td><td class="num">${escapeHtml(b.averageWait === null ? '-' : `${fixed(b.averageWait)}s`)}</td></tr>`,
      )
      .join('\n');
    return `<section>\n<h2>${escapeHtml(q.name)} <small>${escapeHtml(q.id)}</small></h2>\n${histogramSvg(q)}\n<p><span style="color:#4c78a8">&#9632;</span> answered <span style="color:#e45756">&#9632;</span> abandoned</p>\n<table>\n<thead><tr><th>wait (s)</th><th>offered</th><th>answered</th><th>abandoned</th><th>rate</th><th>avg wait</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n</section>`;
  });
  const t = report.total;
  const intro = `<h1>Wait-time and abandonment</h1>\n<p>Since ${escapeHtml(report.since)}: ${report.queues.length} queue(s), ${t.offered} offered, ${t.abandoned} abandoned (${escapeHtml(percent(t.abandonmentRate))}).</p>`;
  return htmlPage('cxq abandonment report', [intro, ...sections].join('\n'));
}
