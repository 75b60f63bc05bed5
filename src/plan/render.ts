import type { Plan, QueueChange } from './types.js';
import { fieldLabel, formatValue, paint, plural, shortId } from './format.js';
import { codeBlock, codeSpan, fitMarkdown, htmlText, mdText, type MarkdownItem } from './markdown.js';

export { PLAN_FORMATS, type PlanFormat } from './formats.js';

/**
 * The JSON contract of `cxq plan --format json` (formatVersion 1): exactly `formatVersion,
 * generatedAt, summary, changes[{id, name, action, version, fields, patch}], unmanaged`. The
 * desired fields and source locations belong to the saved plan only. Pretty-printed, newline-ended.
 */
export function renderPlanJson(plan: Plan): string {
  const out = {
    formatVersion: plan.formatVersion,
    generatedAt: plan.generatedAt,
    summary: plan.summary,
    changes: plan.changes.map((c) => ({ id: c.id, name: c.name, action: c.action, version: c.version, fields: c.fields, patch: c.patch })),
    unmanaged: plan.unmanaged,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The summary line: `Plan: 2 to update, 6 unchanged, 3 unmanaged.` or the no-change sentence. */
export function planSummaryLine(plan: Plan): string {
  const s = plan.summary;
  if (s.update === 0) return 'No changes. The tenant matches the definitions.';
  return `Plan: ${s.update} to update, ${s.noop} unchanged, ${s.unmanaged} unmanaged.`;
}

/**
 * Terraform-like text: each queue to update as `~ Name (3f6c1a52…)` with one `field: old → new`
 * line per changed field, then the summary line. Colour only when `color` is true.
 */
export function renderPlanText(plan: Plan, color: boolean): string {
  const lines: string[] = [];
  for (const change of plan.changes) {
    if (change.action !== 'update') continue;
    lines.push(`${paint(color, 'yellow', '~')} ${paint(color, 'bold', change.name)} (${shortId(change.id)})`);
    for (const f of change.fields) {
      lines.push(`    ${fieldLabel(f.path)}: ${paint(color, 'red', formatValue(f.old))} → ${paint(color, 'green', formatValue(f.new))}`);
    }
    lines.push('');
  }
  lines.push(paint(color, 'bold', planSummaryLine(plan)));
  if (plan.summary.update === 0 && plan.summary.unmanaged > 0) {
    lines.push(`${plural(plan.summary.unmanaged, 'live queue')} not managed by any definition.`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A pull-request comment: a heading with the counts, one table row per changed field, each queue's
 * before/after in a collapsible `<details>`, kept under 65,000 characters (whole queues dropped
 * from the end, with a note pointing at the plan artifact).
 */
export function renderPlanMarkdown(plan: Plan): string {
  const s = plan.summary;
  const updates = plan.changes.filter((c) => c.action === 'update');
  if (updates.length === 0) {
    return `### cxq plan: no changes\n\nThe tenant matches the definitions (${plural(s.managed, 'managed queue')}, ${s.unmanaged} unmanaged).\n`;
  }
  const head = `### cxq plan: ${s.update} to update, ${s.noop} unchanged, ${s.unmanaged} unmanaged\n\n`;
  const tail = s.unmanaged > 0 ? `${plural(s.unmanaged, 'live queue')} not managed by any definition.\n` : '';
  return fitMarkdown({
    head,
    tableHeader: '| Queue | Field | Old | New |\n| --- | --- | --- | --- |',
    items: updates.map(markdownItem),
    tail,
    artifact: 'plan artifact',
  });
}

function markdownItem(change: QueueChange): MarkdownItem {
  const rows = change.fields.map(
    (f) => `| ${mdText(change.name)} | ${codeSpan(fieldLabel(f.path))} | ${codeSpan(formatValue(f.old))} | ${codeSpan(formatValue(f.new))} |`,
  );
  const diff = change.fields
    .map((f) => `- ${fieldLabel(f.path)}: ${formatValue(f.old)}\n+ ${fieldLabel(f.path)}: ${formatValue(f.new)}`)
    .join('\n');
  const summary = `~ ${htmlText(change.name)} (<code>${htmlText(change.id)}</code>), version ${change.version}: ${plural(change.fields.length, 'field')}`;
  return { rows, details: `<details><summary>${summary}</summary>\n\n${codeBlock('diff', diff)}\n\n</details>` };
}
