import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { itemChanges } from '../../src/plan/items.js';
import { renderPlanMarkdown, renderPlanText } from '../../src/plan/render.js';
import { buildDriftReport } from '../../src/drift/report.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/drift/render.js';
import type { Queue } from '../../src/model/queue.js';
import { definitionOf, liveQueue, loaded, SKILLS, tenant } from './fixtures.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');
const lines = (items: ReturnType<typeof itemChanges>): string[] => (items ?? []).map((i) => i.line);

describe('itemChanges: skills as a set keyed by id', () => {
  it('shows added, changed and removed skills, sorted by id', () => {
    const from = [{ id: 'skill_tier1', level: 'advanced' }, { id: 'skill_x', level: 'basic' }];
    const to = [{ id: 'skill_billing', level: 'basic' }, { id: 'skill_tier1', level: 'expert' }];
    expect(lines(itemChanges('/skills', from, to))).toEqual([
      '+ skill_billing (basic)',
      '~ skill_tier1: advanced → expert',
      '- skill_x',
    ]);
  });

  it('treats an absent list as empty and unchanged skills as nothing', () => {
    expect(lines(itemChanges('/skills', null, [{ id: 'a', level: 'basic' }]))).toEqual(['+ a (basic)']);
    expect(itemChanges('/skills', [{ id: 'a', level: 'basic' }], [{ id: 'a', level: 'basic' }])).toEqual([]);
  });

  it('declines anything that is not a list of objects, and other fields', () => {
    expect(itemChanges('/skills', 'oops', [])).toBeUndefined();
    expect(itemChanges('/maxWaitTime', [], [])).toBeUndefined();
  });
});

describe('itemChanges: overflowTargets by position', () => {
  it('shows a changed threshold, a changed id, and added and removed entries', () => {
    const from = [{ id: 'q-a', threshold: 60 }, { id: 'q-b', threshold: 120 }, { id: 'q-c', threshold: 300 }];
    const to = [{ id: 'q-z', threshold: 60 }, { id: 'q-b', threshold: 90 }];
    expect(lines(itemChanges('/overflowTargets', from, to))).toEqual([
      '~ [0] id q-a → q-z',
      '~ [1] threshold 120 → 90',
      '- [2] q-c, threshold 300',
    ]);
    expect(lines(itemChanges('/overflowTargets', to, [...to, { id: 'q-d', threshold: 45 }]))).toEqual(['+ [2] q-d, threshold 45']);
  });

  it('names a target queue when its name is known, with its short id', () => {
    const names = new Map([['7a2d4e90-1b3c-4d5e-8f60-a1b2c3d4e5f6', 'Support Tier 2']]);
    const to = [{ id: '7a2d4e90-1b3c-4d5e-8f60-a1b2c3d4e5f6', threshold: 60 }];
    expect(lines(itemChanges('/overflowTargets', [{ id: 'q-gone', threshold: 60 }], to, names))).toEqual([
      '~ [0] id q-gone → Support Tier 2 (7a2d4e90…)',
    ]);
    expect(lines(itemChanges('/overflowTargets', [], to, names))).toEqual(['+ [0] Support Tier 2 (7a2d4e90…), threshold 60']);
  });
});

function listPlan() {
  const live = tenant();
  const def = {
    ...definitionOf(live[0]!),
    skills: [{ id: 'skill_a', level: 'expert' as const }, { id: 'skill_c', level: 'basic' as const }],
    overflowTargets: [{ id: 'q-tier2', threshold: 90 }],
  };
  return buildPlan({ definitions: [loaded(def)], live, skills: SKILLS, now: NOW }).plan;
}

describe('plan renderers show list fields item by item', () => {
  it('text', () => {
    const out = renderPlanText(listPlan(), false);
    expect(out).toContain(
      [
        '    skills:',
        '      ~ skill_a: advanced → expert',
        '      - skill_b',
        '      + skill_c (basic)',
        '    overflowTargets:',
        '      ~ [0] threshold 120 → 90',
        '      - [1] Overflow Pool (q-pool), threshold 300',
      ].join('\n'),
    );
    expect(out).not.toContain('[{');
  });

  it('markdown: one table row per item and the item lines in the diff', () => {
    const out = renderPlanMarkdown(listPlan());
    expect(out).toContain('| Support Tier 1 | `skills` | `skill_a: advanced` | `skill_a: expert` |');
    expect(out).toContain('| Support Tier 1 | `skills` | (none) | `skill_c (basic)` |');
    expect(out).toContain('| Support Tier 1 | `overflowTargets[0]` | `threshold 120` | `threshold 90` |');
    expect(out).toContain('| Support Tier 1 | `overflowTargets[1]` | `Overflow Pool (q-pool), threshold 300` | (none) |');
    expect(out).toContain('  skills:\n~ skill_a: advanced → expert\n- skill_b\n+ skill_c (basic)\n  overflowTargets:\n~ [0] threshold 120 → 90');
    expect(out).not.toContain('[{');
    expect(out).not.toContain('…');
  });

  it('keeps fields and patch in the same field order', () => {
    const live = tenant();
    const def = { ...definitionOf(live[0]!), name: 'Renamed', maxWaitTime: 420, waitMusic: { url: 'https://x.example/b.mp3' }, skills: [] };
    const change = buildPlan({ definitions: [loaded(def)], live, skills: SKILLS, now: NOW }).plan.changes.find((c) => c.id === 'q-tier1')!;
    const top = (p: string): string => p.split('/')[1]!;
    expect(change.fields.map((f) => top(f.path))).toEqual(['name', 'waitMusic', 'maxWaitTime', 'skills']);
    const patchOrder = [...new Set(change.patch.map((op) => top(op.path)))];
    expect(patchOrder).toEqual(['name', 'waitMusic', 'maxWaitTime', 'skills']);
  });
});

function driftWith(live: Queue[]) {
  const { plan } = buildPlan({ definitions: [loaded(definitionOf(tenant()[0]!))], live, skills: SKILLS, now: NOW });
  return buildDriftReport({ plan, live: new Map(live.map((q) => [q.id, q])), audit: [], notes: [] });
}

describe('drift renderers show list fields item by item, desired → live', () => {
  const live = [liveQueue({ skills: [{ id: 'skill_a', level: 'basic' }, { id: 'skill_b', level: 'expert' }, { id: 'skill_c', level: 'basic' }] }), ...tenant().slice(1)];

  it('text', () => {
    expect(renderDriftText(driftWith(live), false)).toContain(
      '    skills (desired → live):\n      ~ skill_a: advanced → basic\n      + skill_c (basic)\n',
    );
  });

  it('markdown', () => {
    const out = renderDriftMarkdown(driftWith(live));
    expect(out).toContain('| Support Tier 1 | `skills` | `skill_a: basic` | `skill_a: advanced` | Ann, 2026-11-20T09:14:03.120Z |');
    expect(out).toContain('| Support Tier 1 | `skills` | `skill_c (basic)` | (none) |');
    expect(out).not.toContain('[{');
  });
});

describe('invisible and confusable characters are escaped in plan and drift', () => {
  const cases = [
    ['a zero-width space', 'Support\u200b Tier 1', 'Support\\u200b Tier 1'],
    ['a Cyrillic е', 'Support Tiеr 1', 'Support Ti\\u0435r 1'],
    ['a bidi override', 'Support \u202eTier 1', 'Support \\u202eTier 1'],
  ] as const;

  for (const [what, raw, shown] of cases) {
    it(`a rename adding ${what} is visible in plan text and markdown`, () => {
      const live = tenant();
      const plan = buildPlan({ definitions: [loaded({ ...definitionOf(live[0]!), name: raw })], live, skills: SKILLS, now: NOW }).plan;
      const text = renderPlanText(plan, false);
      expect(text).toContain(`name: "Support Tier 1" → "${shown}"`);
      expect(text).not.toContain(raw);
      const md = renderPlanMarkdown(plan);
      expect(md).toContain(`\`"${shown}"\``);
      expect(md).not.toContain(raw);
    });

    it(`a live name holding ${what} is escaped in drift text and markdown`, () => {
      const live = [liveQueue({ name: raw, maxWaitTime: 301 }), ...tenant().slice(1)];
      const { plan } = buildPlan({ definitions: [loaded({ id: 'q-tier1', maxWaitTime: 300 })], live, skills: SKILLS, now: NOW });
      const report = buildDriftReport({ plan, live: new Map(live.map((q) => [q.id, q])), audit: [], notes: [] });
      expect(renderDriftText(report, false)).toContain(`! ${shown} (q-tier1)`);
      expect(renderDriftText(report, false)).not.toContain(raw);
      expect(renderDriftMarkdown(report)).not.toContain(raw);
    });
  }
});
