import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { definitionOf, loaded, SKILLS, tenant } from './fixtures.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('buildPlan', () => {
  const live = tenant();
  const defs = [
    loaded({ ...definitionOf(live[0]!), maxWaitTime: 420 }, 'queues/tier1.yaml'),
    loaded({ name: 'Overflow Pool', maxWaitTime: 300 }, 'queues/pool.yaml'),
  ];

  it('summarises update, noop and unmanaged, sorted by name then id', () => {
    const { plan, problems } = buildPlan({ definitions: defs, live, skills: SKILLS, now: NOW });
    expect(problems).toEqual([]);
    expect(plan.generatedAt).toBe('2026-12-01T08:00:00.000Z');
    expect(plan.summary).toEqual({ managed: 2, update: 1, noop: 1, unmanaged: 1 });
    expect(plan.changes.map((c) => [c.name, c.action, c.version])).toEqual([
      ['Overflow Pool', 'noop', 7],
      ['Support Tier 1', 'update', 7],
    ]);
    expect(plan.changes[1]?.source).toEqual({ file: 'queues/tier1.yaml', line: 1, column: 1 });
    expect(plan.unmanaged).toEqual([{ id: 'q-tier2', name: 'Support Tier 2' }]);
  });

  it('gives identical JSON for the same inputs in any order', () => {
    const first = JSON.stringify(buildPlan({ definitions: defs, live, skills: SKILLS, now: NOW }));
    for (let seed = 1; seed < 6; seed++) {
      const again = buildPlan({ definitions: shuffled(defs, seed), live: shuffled(live, seed), skills: shuffled(SKILLS, seed), now: NOW });
      expect(JSON.stringify(again)).toBe(first);
    }
  });

  it('returns problems sorted by file and line: missing queue, unknown skill', () => {
    const { problems } = buildPlan({
      definitions: [
        loaded({ id: 'q-tier1', skills: [{ id: 'skill_x', level: 'basic' }] }, 'queues/b.yaml'),
        loaded({ id: 'q-none' }, 'queues/a.yaml'),
      ],
      live,
      skills: SKILLS,
      now: NOW,
    });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual(['queues/a.yaml:2 id', 'queues/b.yaml:4 skills[0].id']);
  });

  it('breaks name ties by id', () => {
    const twins = [{ ...live[2]!, id: 'q-b' }, { ...live[2]!, id: 'q-a' }];
    const { plan } = buildPlan({ definitions: [], live: twins, skills: SKILLS, now: NOW });
    expect(plan.unmanaged.map((u) => u.id)).toEqual(['q-a', 'q-b']);
  });
});
