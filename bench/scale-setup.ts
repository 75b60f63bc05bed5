/**
 * What every scale case shares: the sandbox settings, the generated definitions (written from the
 * sandbox's live queues) and the checks of an apply's outcome. Used by scale.ts and seed-case.ts so
 * cxq and the seed baseline run against exactly the same sandbox.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Queue } from '../src/model/queue.js';
import type { QueueDefinition } from '../src/definitions/types.js';
import type { SandboxState } from '../src/sandbox/server.js';

/** Latency per answer and rate limit of every scale sandbox (`BENCH_LATENCY_MS`, `BENCH_RATE_LIMIT` override). */
export interface ScaleSettings {
  latencyMs: number;
  /** Requests/s the sandbox admits per client (token bucket, burst = rate). */
  rateLimit: number;
}

/** 20 ms latency, 200 req/s: the N/R floor of 10,000 changes is 50 s, so a full run fits in ~5 min. */
export function scaleSettings(env: NodeJS.ProcessEnv = process.env): ScaleSettings {
  const num = (raw: string | undefined, fallback: number): number => {
    const v = Number(raw);
    return raw !== undefined && raw !== '' && Number.isFinite(v) && v >= 0 ? v : fallback;
  };
  return { latencyMs: num(env['BENCH_LATENCY_MS'], 20), rateLimit: num(env['BENCH_RATE_LIMIT'], 200) };
}

/** Definitions per YAML file (multi-document files, `---` separated). */
export const DEFINITIONS_PER_FILE = 100;

/** The value a changed queue gets: +1 s, kept inside the contract's 10..7200 range. */
export function changedMaxWaitTime(live: number | undefined): number {
  const v = live ?? 300;
  return v >= 7200 ? v - 1 : v + 1;
}

/** The definition of a live queue with the seven fields the bench manages. */
function definitionOf(q: Queue, maxWaitTime: number): QueueDefinition {
  const def: QueueDefinition = { id: q.id, name: q.name, maxWaitTime };
  if (q.routingStrategy !== undefined) def.routingStrategy = q.routingStrategy;
  if (q.skills !== undefined) def.skills = q.skills.map((s) => ({ ...s }));
  if (q.skillRoutingType !== undefined) def.skillRoutingType = q.skillRoutingType;
  if (q.enableOverflow !== undefined) def.enableOverflow = q.enableOverflow;
  return def;
}

/**
 * Writes one definition per live queue into `dir`, 100 per file. Every `changeEvery`-th queue
 * (1 = all, 10 = ~10 %, 0 = none) declares a changed `maxWaitTime`. Returns the desired
 * `maxWaitTime` per queue id and how many differ from live. Throws the fs error if `dir` is unwritable.
 */
export function writeDefinitions(
  dir: string,
  live: readonly Queue[],
  changeEvery: number,
): { desired: Map<string, number>; changed: number; files: number } {
  mkdirSync(dir, { recursive: true });
  const desired = new Map<string, number>();
  let changed = 0;
  let files = 0;
  for (let start = 0; start < live.length; start += DEFINITIONS_PER_FILE) {
    const docs = live.slice(start, start + DEFINITIONS_PER_FILE).map((q, k) => {
      const i = start + k;
      const change = changeEvery > 0 && i % changeEvery === 0;
      const value = change ? changedMaxWaitTime(q.maxWaitTime) : (q.maxWaitTime ?? 300);
      if (change) changed += 1;
      desired.set(q.id, value);
      return stringify(definitionOf(q, value), { lineWidth: 0 });
    });
    files += 1;
    writeFileSync(join(dir, `queues-${String(files).padStart(4, '0')}.yaml`), docs.join('---\n'));
  }
  return { desired, changed, files };
}

/**
 * Checks an apply's outcome in the sandbox's authoritative state: every queue carries its desired
 * `maxWaitTime` and was written exactly `expectedWrites` times. Returns null when all hold, else a
 * short reason naming the first offender and the count.
 */
export function verifyApplied(state: SandboxState, desired: ReadonlyMap<string, number>, expectedWrites = 1): string | null {
  let wrongValue = 0;
  let wrongWrites = 0;
  let first = '';
  for (const [id, value] of desired) {
    const q = state.getQueue(id);
    const writes = state.writeCount(id);
    if (q?.maxWaitTime !== value) {
      wrongValue += 1;
      first ||= `${id}: maxWaitTime ${String(q?.maxWaitTime)} != ${value}`;
    }
    if (writes !== expectedWrites) {
      wrongWrites += 1;
      first ||= `${id}: ${writes} writes != ${expectedWrites}`;
    }
  }
  if (wrongValue === 0 && wrongWrites === 0) return null;
  return `${wrongValue} queues with a wrong maxWaitTime, ${wrongWrites} with a write count != ${expectedWrites} (first: ${first})`;
}

/** Rounds to `digits` decimals (table and JSON figures). */
export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
