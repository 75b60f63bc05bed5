/**
 * Markdown building blocks for pull-request comments (plan and drift), and the size budget:
 * GitHub rejects comments over 65,536 characters, so every comment is kept under
 * `MARKDOWN_LIMIT` by dropping whole queues from the end, with an explicit note.
 */

/** The largest comment cxq writes, safely under GitHub's 65,536-character limit. */
export const MARKDOWN_LIMIT = 65_000;

/** Longest value shown in a table cell; the collapsible details show it whole. */
const CELL_MAX = 120;

/** Escapes text for a table cell or a heading: markdown punctuation, pipes and HTML. */
export function mdText(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Escapes text for HTML contexts (`<summary>`). */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/**
 * A code span safe inside a table cell: long values cut at 120 characters, pipes escaped (GitHub
 * splits cells on `|` even inside code), the backtick fence longer than any backtick run inside.
 */
export function codeSpan(text: string): string {
  const cut = text.length <= CELL_MAX ? text : `${text.slice(0, CELL_MAX - 1)}…`;
  const body = cut.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const fence = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence cannot be closed by the content. */
export function codeBlock(lang: string, content: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${fence}${lang}\n${content}\n${fence}`;
}

/** One queue's contribution to a comment: its table rows and its collapsible details. */
export interface MarkdownItem {
  rows: string[];
  details: string;
}

/**
 * Assembles `head`, a table of every item's rows, every item's details and `tail`, keeping the
 * whole under `limit` characters: items are kept in order while they fit, the rest are dropped
 * and replaced by `… N more queues not shown; see the plan artifact.` (`artifact` names it).
 */
export function fitMarkdown(input: {
  head: string;
  tableHeader: string;
  items: readonly MarkdownItem[];
  tail: string;
  artifact: string;
  limit?: number;
}): string {
  const limit = input.limit ?? MARKDOWN_LIMIT;
  const n = input.items.length;
  const noteFor = (hidden: number): string =>
    `**… ${hidden} more ${hidden === 1 ? 'queue' : 'queues'} not shown; see the ${input.artifact}.**\n\n`;
  const sizes = input.items.map((i) => i.rows.reduce((s, r) => s + r.length + 1, 0) + i.details.length + 2);
  const base = input.head.length + input.tail.length + input.tableHeader.length + 2;
  const total = base + sizes.reduce((a, b) => a + b, 0);
  let kept = n;
  if (total > limit) {
    // Not everything fits: keep leading queues while they fit next to the truncation note.
    let used = base + noteFor(n).length;
    kept = 0;
    for (const size of sizes) {
      if (used + size > limit) break;
      used += size;
      kept++;
    }
  }
  const shown = input.items.slice(0, kept);
  const parts = [input.head];
  if (kept > 0) parts.push(`${input.tableHeader}\n${shown.flatMap((i) => i.rows).join('\n')}\n\n`);
  for (const item of shown) parts.push(`${item.details}\n\n`);
  if (kept < n) parts.push(noteFor(n - kept));
  parts.push(input.tail);
  return parts.join('');
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
