/**
 * Runs one of the focused benches (bench/validate.ts, plan.ts, apply.ts — each exports
 * `bench<Name>(): Promise<BenchRow[]>`) in this process and prints its rows as one JSON line, last
 * on stdout, for run.ts: `node build/bench/bench/extra.js plan`. Exit 1 when it throws (the JSON
 * line then carries one failed row with the reason).
 */
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './lib.js';

/** The focused benches and the function each exports. */
export const EXTRA_BENCHES = { validate: 'benchValidate', plan: 'benchPlan', apply: 'benchApply', ratelimit: 'benchRatelimit', admin: 'benchAdmin' } as const;
export type ExtraBench = keyof typeof EXTRA_BENCHES;

/** A focused bench's row as run.ts records it: `ok: false` with the reason when the bench threw. */
export type ExtraRow = BenchRow & { ok: boolean; reason?: string };

async function main(name: string | undefined): Promise<number> {
  if (name === undefined || !(name in EXTRA_BENCHES)) {
    process.stderr.write(`usage: node build/bench/bench/extra.js <${Object.keys(EXTRA_BENCHES).join('|')}>\n`);
    return 1;
  }
  const fn = EXTRA_BENCHES[name as ExtraBench];
  // A variable specifier: the focused benches are written separately and may not exist yet.
  const spec = `./${name}.js`;
  try {
    const mod = (await import(spec)) as Record<string, unknown>;
    const bench = mod[fn];
    if (typeof bench !== 'function') throw new Error(`bench/${name}.ts does not export ${fn}()`);
    const rows = (await (bench as () => Promise<BenchRow[]>)()).map((r): ExtraRow => ({ ...r, ok: r['ok'] !== false }));
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return rows.every((r) => r.ok) ? 0 : 1;
  } catch (e) {
    const reason = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    const row: ExtraRow = { bench: `${fn}()`, command: `node build/bench/bench/${name}.js`, n: 0, wallMs: 0, requests: null, peakRssMb: Number.NaN, ok: false, reason };
    process.stdout.write(`${JSON.stringify([row])}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exit(await main(process.argv[2]));
}
