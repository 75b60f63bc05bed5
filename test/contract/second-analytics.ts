/**
 * Analytics answers of the second server: deterministic numbers derived from the queue id, the four
 * optional detail metrics left out for every other queue, empty wait buckets left out.
 */
import { createHash } from 'node:crypto';
import type { Json } from './second-tenant.js';

const BUCKETS = ['0-30', '30-60', '60-120', '120-300', '300-600', '600+'] as const;

/** A stable number in [0, 1) per key. */
function unit(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

function selectorIds(body: Json): string[] {
  const selectors = Array.isArray(body['selectors']) ? (body['selectors'] as Json[]) : [];
  return selectors.map((s) => String(s['id']));
}

/** True for the queues whose optional metrics this server never reports. */
export function lacksOptionalMetrics(queueId: string): boolean {
  return unit(`optional:${queueId}`) < 0.5;
}

/** One metrics row per selector, in selector order. */
export function detailsRows(body: Json): Json[] {
  return selectorIds(body).map((id) => {
    const u = unit(`details:${id}`);
    const answered = 40 + Math.floor(u * 200);
    const row: Json = {
      queue: { id, kind: 'queue' },
      occupancy: Math.round((0.55 + u * 0.4) * 100) / 100,
      waitTime: 10 + Math.floor(u * 150),
      abandonedCount: Math.floor(u * 12),
      answeredCount: answered,
      serviceLevelPct: 77,
    };
    if (!lacksOptionalMetrics(id)) {
      Object.assign(row, { offeredCount: answered + Math.floor(u * 12), handleTime: 180 + Math.floor(u * 120), agentsOnQueue: 5 + Math.floor(u * 10), waitingCount: Math.floor(u * 8) });
    }
    return row;
  });
}

/** Rows grouped by waitTimeRange and queue; a bucket with no contacts is not reported. */
export function distributionRows(body: Json): Json[] {
  const rows: Json[] = [];
  for (const id of selectorIds(body)) {
    for (const [i, bucket] of BUCKETS.entries()) {
      const u = unit(`dist:${id}:${bucket}`);
      const answered = Math.max(0, Math.floor(u * 60) - i * 8);
      const abandoned = Math.floor(u * (i + 1) * 2);
      if (answered + abandoned === 0) continue;
      rows.push({ waitTimeRange: bucket, queue: { id }, answeredCount: answered, abandonedCount: abandoned, waitTime: 15 + i * 40, mediaType: 'voice' });
    }
  }
  return rows;
}

/** ISO-8601 or `now`, `now-Nm`, `now-Nh`, `now-Nd` to epoch ms; undefined when unreadable. */
export function resolveTime(value: string, now = Date.now()): number | undefined {
  if (value === 'now') return now;
  const rel = /^now-(\d+)([mhd])$/.exec(value);
  if (rel) return now - Number(rel[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 'm' | 'h' | 'd'];
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
