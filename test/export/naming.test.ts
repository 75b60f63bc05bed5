import { describe, expect, it } from 'vitest';
import { exportFileNames, slugify } from '../../src/export/naming.js';
import { globToRegExp, selectQueues } from '../../src/export/select.js';
import { liveQueue } from '../plan/fixtures.js';

describe('slugify', () => {
  it.each([
    ['Support Tier 1', 'support-tier-1'],
    ['Facturación en español', 'facturacion-en-espanol'],
    ['  VIP -- Concierge!! ', 'vip-concierge'],
    ['日本語', 'queue'],
    ['a/b\\c:d', 'a-b-c-d'],
  ])('%j → %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it('keeps at most 80 characters and never ends on a dash', () => {
    expect(slugify('a'.repeat(80))).toHaveLength(80);
    expect(slugify('a'.repeat(81))).toHaveLength(80);
    expect(slugify(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
  });
});

describe('exportFileNames', () => {
  it('names each queue from its slug, and suffixes every queue of a shared slug with its id prefix', () => {
    const names = exportFileNames([
      liveQueue({ id: 'ffff0000-1', name: 'Sales' }),
      liveQueue({ id: 'aaaa1111-2', name: 'sales!' }),
      liveQueue({ id: 'q-3', name: 'Billing' }),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      'ffff0000-1': 'sales-ffff0000.yaml',
      'aaaa1111-2': 'sales-aaaa1111.yaml',
      'q-3': 'billing.yaml',
    });
  });

  it('does not depend on input order', () => {
    const qs = [liveQueue({ id: 'b', name: 'X' }), liveQueue({ id: 'a', name: 'x' })];
    expect(exportFileNames(qs)).toEqual(exportFileNames([...qs].reverse()));
  });

  it('falls back to the whole id when id prefixes collide too', () => {
    const names = exportFileNames([liveQueue({ id: 'abcdefgh-1', name: 'X' }), liveQueue({ id: 'abcdefgh-2', name: 'x' })]);
    expect([...names.values()].sort()).toEqual(['x-abcdefgh-1.yaml', 'x-abcdefgh-2.yaml']);
  });
});

describe('selectQueues', () => {
  const live = [liveQueue({ id: '1', name: 'Support Tier 1' }), liveQueue({ id: '2', name: 'Support Tier 2' }), liveQueue({ id: '3', name: 'Sales' })];

  it('selects everything without filters', () => {
    expect(selectQueues(live, {}).selected).toHaveLength(3);
  });

  it('matches * and ? on the whole name, case-sensitively, other characters literally', () => {
    expect(selectQueues(live, { glob: 'Support*' }).selected.map((q) => q.id)).toEqual(['1', '2']);
    expect(selectQueues(live, { glob: 'Support Tier ?' }).selected.map((q) => q.id)).toEqual(['1', '2']);
    expect(selectQueues(live, { glob: 'support*' }).selected).toEqual([]);
    expect(selectQueues(live, { glob: 'Sale' }).selected).toEqual([]);
    expect(globToRegExp('a.b(c)').test('a.b(c)')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });

  it('takes the union of --id and --name, and reports ids that are not live', () => {
    const r = selectQueues(live, { ids: ['3', 'nope'], glob: 'Support Tier 2' });
    expect(r.selected.map((q) => q.id)).toEqual(['2', '3']);
    expect(r.unknownIds).toEqual(['nope']);
  });
});
