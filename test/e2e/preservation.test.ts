import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Queue } from '../../src/model/queue.js';
import { queueId, startTenant, type Tenant } from '../apply/tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ODD = 'aaaaaaaa-0000-4000-8000-000000000001';
const TARGET = queueId(0);

/** A live queue carrying everything a careless client would drop or reset. */
function oddQueue(): Queue {
  return {
    id: ODD,
    name: 'Café ☕ 客服 🚀 Ünïcödé',
    description: 'läuft – 24/7',
    routingStrategy: 'mostAvailableAgent',
    waitMusic: { playMusic: true, url: 'https://cdn.example.com/hold.mp3', volume: 0.7, codec: { name: 'opus', bitrate: null } },
    maxWaitTime: 300,
    skills: [
      { id: 'skill_tier2', level: 'basic', priority: 3, meta: { addedBy: null } },
      { id: 'skill_tier1', level: 'advanced', priority: 1 },
    ],
    skillRoutingType: 'all',
    enableOverflow: true,
    overflowThreshold: 50,
    overflowTargets: [{ id: TARGET, threshold: 60, note: 'keep me', weight: 1.5 }],
    version: 4,
    mediaType: 'chat',
    acwTimeout: 45,
    serviceLevel: { percentage: 95, durationSeconds: 10, extra: [1, { deep: null }] },
    tags: ['vip', '客服'],
    nullField: null,
    huge: 9007199254740991,
    tiny: 5e-324,
    big: 1.7976931348623157e308,
    negativeZeroish: -0.5,
    nested: { a: { b: { c: ['x', null, true] } } },
  } as unknown as Queue;
}

function writeDefinition(cwd: string, yaml: string[]): void {
  mkdirSync(join(cwd, 'queues'), { recursive: true });
  writeFileSync(join(cwd, 'queues', 'odd.yaml'), [...yaml, ''].join('\n'));
}

const WRITABLE = (q: Queue): Record<string, unknown> => {
  const { version: _v, dateModified: _d, modifiedBy: _m, selfUri: _s, ...rest } = q as Queue & Record<string, unknown>;
  return rest;
};

describe('apply preserves every live field it does not manage', () => {
  it('a definition restating live values (skills reordered) plans no change and writes nothing', async () => {
    t = await startTenant(1);
    t.sb.state.insertQueue(oddQueue());
    writeDefinition(t.cwd, [
      `id: ${ODD}`,
      'name: "Café ☕ 客服 🚀 Ünïcödé"',
      'description: "läuft – 24/7"',
      'routingStrategy: mostAvailableAgent',
      'waitMusic: { url: "https://cdn.example.com/hold.mp3", playMusic: true }',
      'maxWaitTime: 300.0',
      'skills: [{ id: skill_tier1, level: advanced }, { id: skill_tier2, level: basic }]',
      'skillRoutingType: all',
      'enableOverflow: true',
      'overflowThreshold: 5e1',
      `overflowTargets: [{ id: ${TARGET}, threshold: 60 }]`,
    ]);
    const plan = await t.run(['plan', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.stdout).toContain('No changes.');
    expect(plan.code).toBe(0);
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(t.sb.stats.puts).toBe(0);
  });

  it('the PUT carries unknown top-level, waitMusic and list-entry fields, nulls and extreme numbers unchanged', async () => {
    t = await startTenant(1);
    t.sb.state.insertQueue(oddQueue());
    writeDefinition(t.cwd, [
      `id: ${ODD}`,
      'maxWaitTime: 900',
      'waitMusic: { url: "https://cdn.example.com/other.mp3" }',
      'skills: [{ id: skill_tier1, level: expert }, { id: skill_tier2, level: basic }]',
      `overflowTargets: [{ id: ${TARGET}, threshold: 90 }]`,
    ]);
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    const before = oddQueue() as Queue & Record<string, unknown>;
    const after = t.sb.state.getQueue(ODD)!;
    expect(WRITABLE(after)).toEqual({
      ...WRITABLE(before),
      maxWaitTime: 900,
      waitMusic: { ...(before.waitMusic as object), url: 'https://cdn.example.com/other.mp3' },
      skills: [
        { id: 'skill_tier1', level: 'expert', priority: 1 },
        { id: 'skill_tier2', level: 'basic', priority: 3, meta: { addedBy: null } },
      ],
      overflowTargets: [{ id: TARGET, threshold: 90, note: 'keep me', weight: 1.5 }],
    });
    expect(after.version).toBe(5);
    expect(t.sb.state.writeCount(ODD)).toBe(1);
    const audit = t.sb.state.auditEntries().filter((a) => a.resourceId === ODD);
    expect(audit.map((a) => a.changes.map((c) => c.field)).flat().sort()).toEqual(['maxWaitTime', 'overflowTargets', 'skills', 'waitMusic']);
    const report = JSON.parse(readFileSync(join(t.cwd, 'r.json'), 'utf8'));
    expect(report.entries[0]).toMatchObject({ name: 'Café ☕ 客服 🚀 Ünïcödé', outcome: 'applied', fromVersion: 4, toVersion: 5 });
    expect((await t.run(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a name-only definition matches by name, never renames, and keeps the unicode name', async () => {
    t = await startTenant(1);
    t.sb.state.insertQueue(oddQueue());
    writeDefinition(t.cwd, ['name: "Café ☕ 客服 🚀 Ünïcödé"', 'maxWaitTime: 45']);
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(0);
    expect(t.sb.state.getQueue(ODD)).toMatchObject({ name: 'Café ☕ 客服 🚀 Ünïcödé', maxWaitTime: 45, huge: 9007199254740991 });
  });

  it('id + a different name renames the queue; every other field stays', async () => {
    t = await startTenant(1);
    t.sb.state.insertQueue(oddQueue());
    writeDefinition(t.cwd, [`id: ${ODD}`, 'name: "Kundendienst 🚀"']);
    const r = await t.run(['apply', '--yes', '--report', 'r.json']);
    expect(r.code).toBe(0);
    expect(WRITABLE(t.sb.state.getQueue(ODD)!)).toEqual({ ...WRITABLE(oddQueue()), name: 'Kundendienst 🚀' });
    const report = JSON.parse(readFileSync(join(t.cwd, 'r.json'), 'utf8'));
    expect(report.entries[0].fields).toEqual([{ path: '/name', old: 'Café ☕ 客服 🚀 Ünïcödé', new: 'Kundendienst 🚀' }]);
  });
});
