import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Queue } from '../../src/model/queue.js';
import type { ScaleRow } from '../../bench/rows.js';
import { changedMaxWaitTime, scaleSettings, writeDefinitions } from '../../bench/scale-setup.js';
import { extrapolate } from '../../bench/seed-case.js';
import { renderTable, speedups } from '../../bench/table.js';

function queue(i: number, maxWaitTime: number): Queue {
  return {
    id: `q-${i}`,
    name: `Queue ${i}`,
    version: 1,
    maxWaitTime,
    routingStrategy: 'longestIdleAgent',
    skills: [{ id: 'skill_sales' }],
    skillRoutingType: 'any',
    enableOverflow: false,
    overflowThreshold: 80,
    description: 'not declared by the bench',
  } as Queue;
}

function row(over: Partial<ScaleRow>): ScaleRow {
  return {
    bench: 'b', command: 'c', n: 1000, wallMs: 5000, requests: 1007, peakRssMb: 140, suite: 'cxq', case: 'apply',
    requestsPerQueue: 1.007, floorS: 5, ratio: 1, throttled429: 0, rssBeforeMb: 100, ok: true, extrapolated: false, ...over,
  };
}

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('changedMaxWaitTime', () => {
  it('adds a second and stays inside 10..7200', () => {
    expect(changedMaxWaitTime(300)).toBe(301);
    expect(changedMaxWaitTime(7199)).toBe(7200);
    expect(changedMaxWaitTime(7200)).toBe(7199);
  });
});

describe('scaleSettings', () => {
  it('defaults to 20 ms and 200 req/s, and takes valid overrides only', () => {
    expect(scaleSettings({})).toEqual({ latencyMs: 20, rateLimit: 200 });
    expect(scaleSettings({ BENCH_RATE_LIMIT: '50', BENCH_LATENCY_MS: '0' })).toEqual({ latencyMs: 0, rateLimit: 50 });
    expect(scaleSettings({ BENCH_RATE_LIMIT: 'fast', BENCH_LATENCY_MS: '-1' })).toEqual({ latencyMs: 20, rateLimit: 200 });
  });
});

describe('writeDefinitions', () => {
  it('writes 100 definitions a file with the seven managed fields and changes every 10th queue', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-bench-test-'));
    dirs.push(dir);
    const live = Array.from({ length: 201 }, (_, i) => queue(i, i === 10 ? 7200 : 300));
    const { desired, changed, files } = writeDefinitions(dir, live, 10);
    expect(files).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['queues-0001.yaml', 'queues-0002.yaml', 'queues-0003.yaml']);
    const docs = readdirSync(dir).sort().map((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as Record<string, unknown>));
    expect(docs.map((d) => d.length)).toEqual([100, 100, 1]);
    expect(changed).toBe(21);
    expect(desired.get('q-0')).toBe(301);
    expect(desired.get('q-1')).toBe(300);
    expect(desired.get('q-10')).toBe(7199);
    expect(Object.keys(docs[0]![0]!).sort()).toEqual(
      ['enableOverflow', 'id', 'maxWaitTime', 'name', 'routingStrategy', 'skillRoutingType', 'skills'],
    );
  });

  it('changes every queue with changeEvery 1 and none with 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-bench-test-'));
    dirs.push(dir);
    const live = Array.from({ length: 5 }, (_, i) => queue(i, 60));
    expect(writeDefinitions(join(dir, 'all'), live, 1).changed).toBe(5);
    expect(writeDefinitions(join(dir, 'none'), live, 0).changed).toBe(0);
  });
});

describe('extrapolate', () => {
  it('scales wall time and requests per queue and labels the row', () => {
    const measured = row({ suite: 'seed', case: 'seed-poll', n: 5, wallMs: 10_500, requests: 16, floorS: 0.025 });
    const out = extrapolate(measured, 1000);
    expect(out).toMatchObject({ n: 1000, wallMs: 2_100_000, requests: 3200, floorS: 5, ratio: 420, extrapolated: true, measuredN: 5 });
    expect(out.throttled429).toBeNull();
    expect(Number.isNaN(out.peakRssMb)).toBe(true);
  });
});

describe('table', () => {
  it('marks extrapolated rows and failures, and computes the speed-up per N', () => {
    const rows = [
      row({}),
      row({ suite: 'seed', case: 'seed', wallMs: 45_000 }),
      row({ suite: 'seed', case: 'seed-poll', wallMs: 2_000_000, extrapolated: true }),
      row({ case: 'plan', ok: false, reason: 'exit 1: boom' }),
    ];
    const table = renderTable(rows);
    expect(table).toContain('seed + 2 s polling *');
    expect(table).toContain('FAIL: exit 1: boom');
    expect(speedups(rows)).toEqual([
      'apply N=1,000: 9.0× faster than the seed without polling, 400× faster than the seed with 2 s polling (extrapolated)',
    ]);
  });
});
