/**
 * The html page of `cxq report abandonment`: an overview across queues (totals and each queue's
 * wait distribution as one 100 % bar), then per queue a histogram and its table. Self-contained:
 * inline CSS and SVG, no scripts, no external assets.
 *
 * The histograms use a logarithmic count axis (log10(1 + n)) with answered and abandoned side by
 * side and every bar labelled with its count: on a linear axis a bucket of 26,000 contacts flattens
 * one of 12 to nothing, and the long waits — the buckets a supervisor looks for — are the small ones.
 */
import type { AbandonmentReport, BucketStats, QueueAbandonment } from '../abandonment.js';
import { escapeHtml, fixed, htmlPage, percent } from './common.js';

const ANSWERED = '#4c78a8';
const ABANDONED = '#e45756';
/** One colour per contract bucket, short waits light to long waits dark. */
const BUCKET_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#fdae6b', '#f16913', '#a63603'];
/** A bar for a non-zero count is never thinner than this (px). */
const MIN_BAR_PX = 2;

const SVG = { width: 600, height: 260, left: 52, right: 12, top: 32, bottom: 52 };

const anchor = (i: number): string => `q-${i + 1}`;
const avg = (b: BucketStats): string => (b.averageWait === null ? '-' : `${fixed(b.averageWait)}s`);

/** A stacked 100 % bar of a queue's buckets (share of offered contacts per wait range). */
function distributionBar(q: QueueAbandonment): string {
  const offered = q.total.offered;
  if (offered === 0) return '<span class="muted">no contacts</span>';
  const parts = q.buckets.map((b, i) => {
    const share = (b.offered / offered) * 100;
    if (share === 0) return '';
    const colour = BUCKET_COLOURS[i] ?? '#999';
    return `<span style="width:${share.toFixed(2)}%;background:${colour}" title="${escapeHtml(`${b.range} s: ${b.offered} (${share.toFixed(1)}%)`)}"></span>`;
  });
  return `<div class="dist">${parts.join('')}</div>`;
}

function overview(report: AbandonmentReport, noun: string): string {
  const rows = report.queues.map((q, i) => {
    const t = q.total;
    const long = q.buckets.filter((b) => ['120-300', '300-600', '600+'].includes(b.range)).reduce((s, b) => s + b.offered, 0);
    return `<tr><td><a href="#${anchor(i)}">${escapeHtml(q.name)}</a></td><td class="num">${t.offered}</td><td class="num">${t.abandoned}</td><td class="num">${escapeHtml(percent(t.abandonmentRate))}</td><td class="num">${escapeHtml(avg(t))}</td><td class="num">${escapeHtml(percent(t.offered > 0 ? long / t.offered : null))}</td><td class="bar">${distributionBar(q)}</td></tr>`;
  });
  const t = report.total;
  rows.push(`<tr class="total"><td>all ${noun}s</td><td class="num">${t.offered}</td><td class="num">${t.abandoned}</td><td class="num">${escapeHtml(percent(t.abandonmentRate))}</td><td class="num">${escapeHtml(avg(t))}</td><td></td><td></td></tr>`);
  const key = (report.queues[0]?.buckets ?? [])
    .slice(0, BUCKET_COLOURS.length)
    .map((b, i) => `<span class="key" style="background:${BUCKET_COLOURS[i]}"></span>${escapeHtml(b.range)} s`)
    .join(' ');
  return [
    '<section class="overview">',
    '<h2>Overview</h2>',
    '<table>',
    `<thead><tr><th>${noun}</th><th class="num">offered</th><th class="num">abandoned</th><th class="num">rate</th><th class="num">avg wait</th><th class="num">waited &gt; 2 min</th><th>wait distribution (share of offered)</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    `<p class="muted">${key}</p>`,
    '</section>',
  ].join('\n');
}

/** Bar height on the log axis: log10(1 + n) of log10(1 + max); never below MIN_BAR_PX when n > 0. */
function barHeight(n: number, max: number, plotH: number): number {
  if (n <= 0) return 0;
  return Math.max(MIN_BAR_PX, (Math.log10(1 + n) / Math.log10(1 + max)) * plotH);
}

/** Answered and abandoned side by side per bucket on a log count axis, every bar labelled. */
export function histogramSvg(q: QueueAbandonment): string {
  const plotW = SVG.width - SVG.left - SVG.right;
  const plotH = SVG.height - SVG.top - SVG.bottom;
  const base = SVG.top + plotH;
  const max = Math.max(1, ...q.buckets.flatMap((b) => [b.answered, b.abandoned]));
  const slot = plotW / Math.max(1, q.buckets.length);
  const barW = Math.max(4, slot * 0.34);
  const r = (v: number): string => v.toFixed(1);
  const ticks: string[] = [];
  for (let t = 1; t <= max; t *= 10) {
    const y = base - barHeight(t, max, plotH);
    ticks.push(
      `<line x1="${SVG.left}" y1="${r(y)}" x2="${SVG.width - SVG.right}" y2="${r(y)}" stroke="#eaeef2"/>`,
      `<text x="${SVG.left - 6}" y="${r(y + 3)}" text-anchor="end" font-size="10">${t.toLocaleString('en-US')}</text>`,
    );
  }
  const bars = q.buckets.map((b, i) => {
    const x0 = SVG.left + i * slot + (slot - 2 * barW) / 2;
    const one = (n: number, x: number, fill: string): string => {
      const h = barHeight(n, max, plotH);
      return `<rect x="${r(x)}" y="${r(base - h)}" width="${r(barW)}" height="${r(h)}" fill="${fill}"/><text x="${r(x + barW / 2)}" y="${r(base - h - 3)}" text-anchor="middle" font-size="9">${n}</text>`;
    };
    const label = `${b.range} s: ${b.answered} answered, ${b.abandoned} abandoned (${percent(b.abandonmentRate)})`;
    const cx = SVG.left + i * slot + slot / 2;
    return [
      `<g><title>${escapeHtml(label)}</title>`,
      one(b.answered, x0, ANSWERED),
      one(b.abandoned, x0 + barW, ABANDONED),
      `<text x="${r(cx)}" y="${r(base + 15)}" text-anchor="middle" font-size="11">${escapeHtml(b.range)}</text>`,
      `<text x="${r(cx)}" y="${r(base + 28)}" text-anchor="middle" font-size="9" fill="#57606a">${b.abandonmentRate === null ? '' : `${escapeHtml(percent(b.abandonmentRate))} abandoned`}</text></g>`,
    ].join('');
  });
  const axis = [
    `<line x1="${SVG.left}" y1="${base}" x2="${SVG.width - SVG.right}" y2="${base}" stroke="#57606a"/>`,
    `<line x1="${SVG.left}" y1="${SVG.top}" x2="${SVG.left}" y2="${base}" stroke="#57606a"/>`,
    `<text x="${SVG.left - 6}" y="${base + 3}" text-anchor="end" font-size="10">0</text>`,
    `<text x="${SVG.left}" y="12" font-size="10" fill="#57606a">contacts (log scale)</text>`,
    `<text x="${SVG.left + plotW / 2}" y="${SVG.height - 6}" text-anchor="middle" font-size="11">wait (seconds)</text>`,
  ];
  return `<svg role="img" width="${SVG.width}" height="${SVG.height}" viewBox="0 0 ${SVG.width} ${SVG.height}" aria-label="${escapeHtml(`Wait-time histogram of ${q.name}`)}">\n${ticks.join('\n')}\n${axis.join('\n')}\n${bars.join('\n')}\n</svg>`;
}

function queueSection(q: QueueAbandonment, i: number): string {
  const rows = [...q.buckets, q.total]
    .map(
      (b) =>
        `<tr${b.range === 'all' ? ' class="total"' : ''}><td>${escapeHtml(b.range)}</td><td class="num">${b.offered}</td><td class="num">${b.answered}</td><td class="num">${b.abandoned}</td><td class="num">${escapeHtml(percent(b.abandonmentRate))}</td><td class="num">${escapeHtml(avg(b))}</td></tr>`,
    )
    .join('\n');
  return [
    `<section class="queue" id="${anchor(i)}">`,
    `<h2>${escapeHtml(q.name)} <small class="id">${escapeHtml(q.id)}</small></h2>`,
    '<div class="pair">',
    histogramSvg(q),
    '<table>',
    '<thead><tr><th>wait (s)</th><th class="num">offered</th><th class="num">answered</th><th class="num">abandoned</th><th class="num">rate</th><th class="num">avg wait</th></tr></thead>',
    `<tbody>\n${rows}\n</tbody>`,
    '</table>',
    '</div>',
    `<p class="muted"><span style="color:${ANSWERED}">&#9632;</span> answered <span style="color:${ABANDONED}">&#9632;</span> abandoned</p>`,
    '</section>',
  ].join('\n');
}

const STYLE = `
.dist{display:flex;width:260px;height:14px;border:1px solid #d0d7de;background:#fff}
.dist span{display:block;height:100%}
.key{display:inline-block;width:.9em;height:.9em;margin:0 .25em 0 .8em;vertical-align:-.1em;border:1px solid #d0d7de}
.pair{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
.queue{border-top:1px solid #d0d7de;margin-top:1.5rem}
small.id{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:400;color:#57606a;white-space:nowrap}
tr.total td{font-weight:600;background:#f6f8fa}
.muted{color:#57606a;font-size:.9em}
`;

/** The whole page. Deterministic for a given report. */
export function abandonmentHtml(report: AbandonmentReport, noun = 'queue'): string {
  const t = report.total;
  const intro = `<h1>Wait-time and abandonment</h1>\n<p>Since ${escapeHtml(report.since)}: ${report.queues.length} ${noun}(s), ${t.offered} offered, ${t.abandoned} abandoned (${escapeHtml(percent(t.abandonmentRate))}).</p>`;
  return htmlPage('cxq abandonment report', [intro, overview(report, noun), ...report.queues.map(queueSection)].join('\n'), STYLE);
}
