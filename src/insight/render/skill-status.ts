/**
 * Renderers of `cxq status` on the admin dialect: json (the report), text (aligned table, colour
 * optional), markdown, html (self-contained page, as for queues).
 */
import { escapeSuspicious } from '../../util/unicode.js';
import type { SkillStatus, SkillStatusReport } from '../skill-status.js';
import { ansi, escapeHtml, fixed, htmlPage, mdTable, percent, textTable } from './common.js';
import type { StatusFormat } from './formats.js';

/** What the readable formats print beside the numbers. */
export interface SkillStatusContext {
  color: boolean;
  generatedAt?: string;
  tenant?: string;
}

/** What each abbreviated column means (the html page's legend, and docs/insight.md). */
export const SKILL_STATUS_LEGEND: readonly (readonly [string, string])[] = [
  ['AGENTS', 'agents logged in to the skill now (activity): the N of Erlang C'],
  ['QUEUE', 'contacts waiting now (activity); shown, not modelled'],
  ['OFFERED', 'contacts offered over the window (summary)'],
  ['AHT', 'average handle time over the window (summary)'],
  ['TARGET', 'service-level goal and threshold: the skill’s own unless --target/--sla are given'],
  ['OBS SL', 'observed service level over the window (summary: within SLA / offered)'],
  ['SL', 'predicted service level (Erlang C)'],
  ['ASA', 'predicted average speed of answer; inf when overloaded'],
  ['BREACH', 'yes when the predicted SL is below the target, or the skill is overloaded'],
  ['CONF', 'confidence 0–1 from the number of contacts offered in the window'],
  ['METHOD', 'erlang-c(summary+activity), or no-data (an input was not served; never a breach)'],
];

const HEADER = ['SKILL', 'ID', 'AGENTS', 'QUEUE', 'OFFERED', 'AHT', 'TARGET', 'OBS SL', 'SL', 'ASA', 'BREACH', 'CONF', 'METHOD'];
const BREACH_COL = HEADER.indexOf('BREACH');

/** Renders the report in `format`. Deterministic for a given report. */
export function renderSkillStatus(report: SkillStatusReport, format: StatusFormat, ctx: SkillStatusContext): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return markdown(report);
  if (format === 'html') return html(report, ctx);
  return text(report, ctx);
}

function num(v: number | null, suffix = ''): string {
  return v === null ? '-' : `${fixed(v, 0)}${suffix}`;
}

function cells(s: SkillStatus): string[] {
  const i = s.inputs;
  return [
    escapeSuspicious(s.skillName),
    String(s.skillId),
    num(i.agentsLoggedIn),
    num(i.queueCount),
    num(i.contactsOffered),
    num(i.averageHandleTime, 's'),
    `${percent(s.target)}/${s.slaSeconds}s`,
    percent(s.observedServiceLevel),
    percent(s.predictedServiceLevel),
    s.predictedAsa === null ? (s.breachPredicted ? 'inf' : '-') : `${fixed(s.predictedAsa)}s`,
    s.breachPredicted ? 'yes' : 'no',
    fixed(s.confidence, 2),
    s.method === 'no-data' ? `no-data (missing ${s.missing.join(', ')})` : s.method,
  ];
}

function summary(report: SkillStatusReport): string {
  const breaches = report.skills.filter((s) => s.breachPredicted).length;
  return `${report.skills.length} skill(s), ${breaches} breach(es) predicted; window ${report.window.startDate} → ${report.window.endDate}`;
}

function text(report: SkillStatusReport, ctx: SkillStatusContext): string {
  const paint = (row: number, col: number, t: string): string =>
    !ctx.color || col !== BREACH_COL ? t : report.skills[row]?.breachPredicted ? ansi.red(t) : ansi.green(t);
  const table = report.skills.length > 0 ? textTable(HEADER, report.skills.map(cells), paint) : 'No managed skills.\n';
  return `${table}\n${summary(report)}\n`;
}

function markdown(report: SkillStatusReport): string {
  const rows = report.skills.map((s) => {
    const c = cells(s);
    c[BREACH_COL] = s.breachPredicted ? '**yes**' : 'no';
    return c;
  });
  return `## Skill status\n\n${mdTable(HEADER, rows)}\n${summary(report)}\n`;
}

function html(report: SkillStatusReport, ctx: SkillStatusContext): string {
  const numeric = new Set([2, 3, 4, 5, 7, 8, 9, 11]);
  const head = HEADER.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ''}>${escapeHtml(h)}</th>`).join('');
  const body = report.skills
    .map((s) => {
      const tds = cells(s).map((c, i) => {
        const cls = i === 1 ? 'id' : i === BREACH_COL ? (s.breachPredicted ? 'breach' : 'ok') : numeric.has(i) ? 'num' : '';
        return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(c)}</td>`;
      });
      return `<tr${s.breachPredicted ? ' class="breach-row"' : ''}>${tds.join('')}</tr>`;
    })
    .join('\n');
  const meta = [
    ctx.tenant === undefined ? '' : `Tenant <strong>${escapeHtml(ctx.tenant)}</strong>`,
    ctx.generatedAt === undefined ? '' : `generated <time datetime="${escapeHtml(ctx.generatedAt)}">${escapeHtml(ctx.generatedAt)}</time>`,
  ].filter((x) => x !== '');
  const legend = SKILL_STATUS_LEGEND.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n');
  const table = report.skills.length === 0 ? '<p>No managed skills.</p>' : `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
  return htmlPage('cxq status', [
    '<h1>Skill status</h1>',
    `<p class="meta">${meta.join(' · ')}</p>`,
    table,
    `<p>${escapeHtml(summary(report))}</p>`,
    `<section class="legend"><h2>Legend</h2>\n<dl>\n${legend}\n</dl>\n</section>`,
  ].join('\n'));
}
