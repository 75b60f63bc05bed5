/**
 * Small pure helpers shared by the insight renderers: CSV (RFC 4180), HTML escaping, aligned
 * text tables, Markdown tables and ANSI colour.
 */

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text: header then rows, CRLF line ends as RFC 4180 specifies. */
export function csv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes a Markdown table cell: pipes and line breaks would break the row. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [
    `| ${header.map(mdCell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * An aligned plain-text table. `paint(row, col, text)` may wrap a padded cell in colour codes;
 * padding is computed on the raw text so colour never shifts columns.
 */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  paint: (row: number, col: number, text: string) => string = (_r, _c, t) => t,
): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[], row: number): string =>
    cells
      .map((cell, c) => {
        const padded = c === cells.length - 1 ? cell : cell.padEnd(widths[c] ?? 0);
        return row < 0 ? padded : paint(row, c, padded);
      })
      .join('  ')
      .trimEnd();
  return [line(header, -1), ...rows.map((r, i) => line(r, i))].join('\n') + '\n';
}

/** ANSI colours, applied only when the caller decided colour is wanted. */
export const ansi = {
  red: (s: string) => `\u001b[31m${s}\u001b[39m`,
  green: (s: string) => `\u001b[32m${s}\u001b[39m`,
  yellow: (s: string) => `\u001b[33m${s}\u001b[39m`,
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
};

/** A share 0..1 as a percentage with one decimal (`88.8%`), or `-` when unknown. */
export function percent(x: number | null | undefined): string {
  return x === null || x === undefined ? '-' : `${(x * 100).toFixed(1)}%`;
}

/** A number with fixed decimals, or `-` when unknown. */
export function fixed(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(digits);
}

/** A self-contained HTML page: inline CSS only (`css` is added to the shared sheet), no scripts, no external assets. */
export function htmlPage(title: string, body: string, css = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1b1f24}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}
th{background:#f6f8fa}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
td.id{white-space:nowrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
tr.breach-row td{background:#fdecea}
tr.breach-row td:first-child{box-shadow:inset 4px 0 0 #b42318}
.breach{color:#b42318;font-weight:600}
.ok{color:#1a7f37}
.meta{color:#57606a}
.legend dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9em}
.legend dt{font-weight:600}
.legend dd{margin:0}
${css.trim()}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
