import { describe, expect, it } from 'vitest';
import { queueSchema } from '../../src/definitions/schema.js';
import { comparePlanWithDefinitions, mismatchMessage, verifyPlanFields } from '../../src/plan/verify.js';
import type { DesiredFields, QueueChange } from '../../src/plan/types.js';

const change = (id: string, desired: Record<string, unknown>, action: 'update' | 'noop' = 'update', fields: QueueChange['fields'] = []): QueueChange => ({
  id, name: `Queue ${id}`, action, version: 1, fields, patch: [], desired: desired as DesiredFields,
});
const validate = queueSchema().validate;

describe('verifyPlanFields', () => {
  it('accepts what a definition can declare', () => {
    const desired = { name: 'A', maxWaitTime: 300, skills: [{ id: 's', level: 'basic' }], waitMusic: { url: 'https://x.example/a.mp3' } };
    expect(verifyPlanFields([change('a', desired)], validate)).toEqual([]);
  });

  it.each(['id', 'version', 'selfUri', 'mediaType', 'routingPriority'])('refuses the key %s, which no definition declares', (key) => {
    expect(verifyPlanFields([change('a', { maxWaitTime: 300, [key]: 1 })], validate)).toEqual([
      { id: 'a', name: 'Queue a', field: key, reason: 'is not a field the queue schema declares; cxq never writes it' },
    ]);
  });

  it('refuses values and nested fields the schema refuses, naming the path', () => {
    const out = verifyPlanFields([change('a', { maxWaitTime: 5, waitMusic: { url: 'https://x.example', volume: 3 } })], validate);
    expect(out.map((m) => m.field).sort()).toEqual(['maxWaitTime', 'waitMusic/volume']);
    expect(out.every((m) => m.reason.startsWith('is refused by the queue schema'))).toBe(true);
  });
});

describe('comparePlanWithDefinitions', () => {
  const defs = [change('a', { maxWaitTime: 600 }, 'update', [{ path: '/maxWaitTime', old: 300, new: 600 }]), change('b', { maxWaitTime: 300 }, 'noop')];

  it('is empty when the plan says exactly what the definitions say (key order and omitted noops aside)', () => {
    expect(comparePlanWithDefinitions([change('a', { maxWaitTime: 600 })], defs)).toEqual([]);
    expect(comparePlanWithDefinitions(defs, defs)).toEqual([]);
  });

  it('names a differing value, an added field and a missing field', () => {
    const out = comparePlanWithDefinitions([change('a', { maxWaitTime: 7200, description: 'x' }), change('b', {}, 'noop')], defs);
    expect(out).toEqual([
      { id: 'a', name: 'Queue a', field: 'description', reason: 'the plan writes "x", but no definition declares this field' },
      { id: 'a', name: 'Queue a', field: 'maxWaitTime', reason: 'the plan writes 7200, the definitions say 600' },
      { id: 'b', name: 'Queue b', field: 'maxWaitTime', reason: 'the definitions declare 300, but the plan does not write it' },
    ]);
  });

  it('names a change the plan omits or marks noop, and a planned queue no definition manages', () => {
    expect(comparePlanWithDefinitions([], defs)).toEqual([
      { id: 'a', name: 'Queue a', field: 'maxWaitTime', reason: 'differs from the live queue in the definitions, but the plan omits it' },
    ]);
    expect(comparePlanWithDefinitions([change('a', { maxWaitTime: 600 }, 'noop')], defs)[0]!.reason).toContain('the plan marks it unchanged');
    expect(comparePlanWithDefinitions([change('a', { maxWaitTime: 600 }), change('z', { maxWaitTime: 600 })], defs)).toEqual([
      { id: 'z', name: 'Queue z', field: '*', reason: 'is in the plan but no definition manages this queue' },
    ]);
  });

  it('lists at most 10 in the message and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, name: `Q${i}`, field: 'maxWaitTime', reason: 'r' }));
    const text = mismatchMessage('plan.json does not match', many);
    expect(text.startsWith('plan.json does not match: Q0 (q0) maxWaitTime: r; ')).toBe(true);
    expect(text.endsWith('; and 2 more')).toBe(true);
    expect(text.match(/maxWaitTime/g)).toHaveLength(10);
  });
});
