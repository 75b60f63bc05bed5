/**
 * Shared bench reporting: every bench prints the command that reproduces it, N, wall time,
 * requests sent and peak memory, and returns a row for bench/results.json.
 */
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  bench: string;
  command: string;
  n: number;
  wallMs: number;
  requests: number | null;
  peakRssMb: number;
  [extra: string]: unknown;
}

/** Peak resident set size of this process so far, in MiB (getrusage maxrss is in KiB on Linux). */
export function peakRssMb(): number {
  return kibToMib(process.resourceUsage().maxRSS);
}

/** A maxRSS reading (KiB) in MiB, to one decimal, as every bench row shows it. */
export function kibToMib(kib: number): number {
  return Math.round((kib / 1024) * 10) / 10;
}

/** Times `fn`, prints one line and returns the row. `fn` returns the requests it sent (or null). */
export async function measure(
  bench: string,
  command: string,
  n: number,
  fn: () => Promise<{ requests: number | null; extra?: Record<string, unknown> }>,
): Promise<BenchRow> {
  const start = performance.now();
  const { requests, extra } = await fn();
  const wallMs = Math.round(performance.now() - start);
  const row: BenchRow = { bench, command, n, wallMs, requests, peakRssMb: peakRssMb(), ...extra };
  const extras = extra
    ? ' ' + Object.entries(extra).map(([k, v]) => `${k}=${String(v)}`).join(' ')
    : '';
  process.stdout.write(
    `${bench}: n=${n} wall=${wallMs}ms requests=${requests ?? '-'} peakRss=${row.peakRssMb}MiB${extras}\n  command: ${command}\n`,
  );
  return row;
}
