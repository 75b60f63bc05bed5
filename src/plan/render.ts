import type { Plan, QueueChange } from './types.js';
import { displayText, fieldLabel, formatValue, paint, plural, shortId } from './format.js';
import { itemCell, itemChanges, itemField, paintItem, queueNamesOf } from './items.js';
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
 * line per changed field — `skills` and `overflowTargets` as one line per changed item (see
 * items.ts) — then the summary line. Colour only when `color` is true. Names and values show
 * invisible and confusable characters escaped.
 */
export function renderPlanText(plan: Plan, color: boolean): string {
  const lines: string[] = [];
  const names = queueNamesOf(plan.changes, plan.unmanaged);
  for (const change of plan.changes) {
    if (change.action !== 'update') continue;
    lines.push(`${paint(color, 'yellow', '~')} ${paint(color, 'bold', displayText(change.name))} (${shortId(displayText(change.id))})`);
    for (const f of change.fields) {
      const items = itemChanges(f.path, f.old, f.new, names);
      if (items === undefined) {
        lines.push(`    ${fieldLabel(f.path)}: ${paint(color, 'red', formatValue(f.old))} → ${paint(color, 'green', formatValue(f.new))}`);
        continue;
      }
      lines.push(`    ${fieldLabel(f.path)}:`);
      for (const item of items) lines.push(`      ${paintItem(color, item)}`);
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
  const names = queueNamesOf(plan.changes, plan.unmanaged);
  const head = `### cxq plan: ${s.update} to update, ${s.noop} unchanged, ${s.unmanaged} unmanaged\n\n`;
  const tail = s.unmanaged > 0 ? `${plural(s.unmanaged, 'live queue')} not managed by any definition.\n` : '';
  return fitMarkdown({
    head,
    tableHeader: '| Queue | Field | Old | New |\n| --- | --- | --- | --- |',
    items: updates.map((c) => markdownItem(c, names)),
    tail,
    artifact: 'plan artifact',
  });
}

function markdownItem(change: QueueChange, names: ReadonlyMap<string, string>): MarkdownItem {
  const name = mdText(displayText(change.name));
  const rows: string[] = [];
  const diff: string[] = [];
  for (const f of change.fields) {
    const items = itemChanges(f.path, f.old, f.new, names);
    if (items === undefined) {
      rows.push(`| ${name} | ${codeSpan(fieldLabel(f.path))} | ${codeSpan(formatValue(f.old))} | ${codeSpan(formatValue(f.new))} |`);
      diff.push(`- ${fieldLabel(f.path)}: ${formatValue(f.old)}`, `+ ${fieldLabel(f.path)}: ${formatValue(f.new)}`);
      continue;
    }
    for (const item of items) rows.push(`| ${name} | ${itemField(f.path, item)} | ${itemCell(item.old)} | ${itemCell(item.new)} |`);
    diff.push(`  ${fieldLabel(f.path)}:`, ...items.map((i) => i.line));
  }
  const summary = `~ ${htmlText(displayText(change.name))} (<code>${htmlText(displayText(change.id))}</code>), version ${change.version}: ${plural(change.fields.length, 'field')}`;
  return { rows, details: `<details><summary>${summary}</summary>\n\n${codeBlock('diff', diff.join('\n'))}\n\n</details>` };
}
