/**
 * Renders scale rows as a fixed-width console table or a Markdown table (for bench/README.md),
 * and the cxq-versus-seed speed-up lines. Pure.
 */
import type { BenchRow } from './lib.js';
import type { ScaleRow } from './rows.js';

const HEADERS = ['command', 'N', 'wall', 'req/queue', 'floor N/R', 'wall/floor', '429s', 'peak RSS', 'ok'] as const;

function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}

function label(r: ScaleRow): string {
  const name = r.suite === 'cxq' ? `cxq ${r.case}` : r.case === 'seed' ? 'seed (no polling)' : 'seed + 2 s polling';
  return r.extrapolated ? `${name} *` : name;
}

function cells(r: ScaleRow): string[] {
  const n = (v: number | null | undefined, suffix = ''): string =>
    v === null || v === undefined || Number.isNaN(v) ? '-' : `${v}${suffix}`;
  return [
    label(r),
    r.n.toLocaleString('en-US'),
    seconds(r.wallMs),
    n(r.requestsPerQueue),
    r.floorS === null ? '-' : `${r.floorS} s`,
    n(r.ratio),
    n(r.throttled429),
    n(r.peakRssMb, ' MiB'),
    r.ok ? 'ok' : `FAIL: ${r.reason ?? ''}`,
  ];
}

/** The console table: one line per row, columns padded; extrapolated rows are marked `*`. */
export function renderTable(rows: readonly ScaleRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((c) => (i === 8 ? 2 : (c[i] ?? '').length))));
  const line = (c: readonly string[]): string =>
    c.map((v, i) => (i === 0 || i === 8 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
}

/** The same table in Markdown. */
export function renderMarkdown(rows: readonly ScaleRow[]): string {
  const out = [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, i) => (i === 0 || i === 8 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) out.push(`| ${cells(r).join(' | ')} |`);
  return out.join('\n') + '\n';
}

/** "cxq apply vs seed" per N where both exist: how many times faster cxq's wall time is. */
export function speedups(rows: readonly ScaleRow[]): string[] {
  const lines: string[] = [];
  for (const apply of rows.filter((r) => r.suite === 'cxq' && r.case === 'apply')) {
    const parts: string[] = [];
    for (const seedCase of ['seed', 'seed-poll'] as const) {
      const seed = rows.find((r) => r.case === seedCase && r.n === apply.n);
      if (seed === undefined || apply.wallMs <= 0) continue;
      const x = seed.wallMs / apply.wallMs;
      const what = seedCase === 'seed' ? 'seed without polling' : 'seed with 2 s polling';
      parts.push(`${x.toFixed(x < 10 ? 1 : 0)}× faster than the ${what}${seed.extrapolated ? ' (extrapolated)' : ''}`);
    }
    if (parts.length > 0) lines.push(`apply N=${apply.n.toLocaleString('en-US')}: ${parts.join(', ')}`);
  }
  return lines;
}

/** Rows of the other benches (bench/validate.ts, plan.ts, apply.ts): one line each with their command. */
export function renderOtherRows(rows: readonly (BenchRow & { ok?: boolean; reason?: string })[]): string {
  return rows
    .map((r) => {
      const status = r.ok === false ? `FAIL: ${r.reason ?? ''}` : 'ok';
      const spread = typeof r['runs'] === 'number' ? ` (median of ${r['runs']}; min ${seconds(Number(r['minMs']))}, max ${seconds(Number(r['maxMs']))})` : '';
      return `${r.bench}: n=${r.n} wall=${seconds(r.wallMs)}${spread} requests=${r.requests ?? '-'} peakRss=${r.peakRssMb} MiB ${status}\n  command: ${r.command}`;
    })
    .join('\n') + (rows.length > 0 ? '\n' : '');
}
