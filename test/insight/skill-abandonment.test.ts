import { describe, expect, it } from 'vitest';
import { skillAbandonment, waitRangeOf } from '../../src/insight/skill-abandonment.js';

describe('waitRangeOf', () => {
  it('puts each wait in the bucket whose lower bound it reaches', () => {
    expect([0, 29.9, 30, 59, 60, 119, 120, 299, 300, 599, 600, 10_000].map(waitRangeOf)).toEqual(
      ['0-30', '0-30', '30-60', '30-60', '60-120', '60-120', '120-300', '120-300', '300-600', '300-600', '600+', '600+'],
    );
    expect([undefined, -1, Number.NaN, '30'].map(waitRangeOf)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });
});

describe('skillAbandonment', () => {
  const contacts = [
    { inQueueSeconds: 5, abandoned: false },
    { inQueueSeconds: 35, abandoned: true },
    { inQueueSeconds: 4, abandoned: true, isShortAbandon: true },
    { inQueueSeconds: 700, abandoned: false },
    { abandoned: false },
  ];

  it('leaves short abandons out unless the skill counts them, and the buckets sum to the contacts', () => {
    const r = skillAbandonment([{ skillId: 1, skillName: 'A', countShortAbandons: false }, { skillId: 2, skillName: 'B', countShortAbandons: true }], new Map([[1, contacts], [2, contacts]]), 'S');
    const [a, b] = r.queues;
    expect(a).toMatchObject({ id: '1', contacts: 5, shortAbandons: 1, shortAbandonsCounted: false, total: { offered: 4, answered: 3, abandoned: 1 } });
    expect(b).toMatchObject({ id: '2', contacts: 5, shortAbandons: 1, shortAbandonsCounted: true, total: { offered: 5, answered: 3, abandoned: 2 } });
    expect(a?.buckets.map((x) => [x.range, x.offered])).toEqual([['0-30', 1], ['30-60', 1], ['60-120', 0], ['120-300', 0], ['300-600', 0], ['600+', 1], ['unknown', 1]]);
    expect(b?.buckets[0]).toMatchObject({ range: '0-30', offered: 2, abandoned: 1, averageWait: 4.5 });
    expect(r.total.offered).toBe(9);
    expect(r.kind).toBe('Skill');
  });

  it('lists a skill with no contacts with zero buckets', () => {
    const r = skillAbandonment([{ skillId: 3, skillName: 'C' }], new Map(), 'S');
    expect(r.queues[0]).toMatchObject({ contacts: 0, shortAbandons: 0, total: { offered: 0, abandonmentRate: null } });
    expect(r.queues[0]?.buckets).toHaveLength(6);
  });
});
