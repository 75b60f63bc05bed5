import { describe, expect, it } from 'vitest';
import { WireMappingError } from '../../../src/errors.js';
import { MANAGED_SKILL_FIELDS, MANAGED_SKILL_FIELD_TYPES, READ_ONLY_SKILL_FIELDS, type LiveSkill } from '../../../src/model/skill.js';
import {
  PUT_SKILL_FIELDS,
  SCREEN_POP_TRIGGER_EVENTS,
  SKILL_WIRE_FIELDS,
  fromPutShape,
  toPutBody,
  unwritableFields,
  writableView,
} from '../../../src/providers/admin/wire.js';

/** A skill as a GET returns it: renamed fields, the trigger as a string, read-only fields, nulls. */
function asRead(): LiveSkill {
  return {
    skillId: 4711,
    skillName: 'Support Voice',
    mediaTypeId: 4,
    mediaTypeName: 'Phone Call',
    isActive: true,
    campaignId: 12,
    campaignName: 'Inbound',
    scriptName: 'Main IVR',
    isOutbound: false,
    outboundStrategy: 'Personal Connection',
    isRunning: true,
    serviceLevelThreshold: 30,
    serviceLevelGoal: 80,
    notes: 'hello',
    popThankYouURL: 'https://example.com/thanks',
    patronTypingPreview: true,
    screenPopTriggerEvent: 'CONNECT',
    dispositions: [{ dispositionId: 1, priority: 1 }],
    emailBccAddress: null,
    someFutureField: 'x',
  };
}

describe('toPutBody', () => {
  it('renames, converts, drops read-only, derived, unknown and null fields, and carries the rest as read', () => {
    expect(toPutBody(asRead())).toEqual({
      skill: {
        skillName: 'Support Voice',
        mediatypeid: 4,
        isActive: true,
        campaignId: 12,
        serviceLevelThreshold: 30,
        serviceLevelGoal: 80,
        notes: 'hello',
        popThankYouUrl: 'https://example.com/thanks',
        patronTypingIndicator: true,
        screenPopTriggerEvent: 2,
        dispositions: [{ dispositionId: 1, priority: 1 }],
      },
    });
  });

  it('replaces only the declared fields; an undefined replacement is none; the input is not mutated', () => {
    const read = asRead();
    const before = structuredClone(read);
    const body = toPutBody(read, { serviceLevelGoal: 90, isActive: false, notes: undefined, maxSecondsACW: 60 });
    expect(body.skill).toEqual({ ...toPutBody(read).skill, serviceLevelGoal: 90, isActive: false, maxSecondsACW: 60 });
    expect(read).toEqual(before);
    (body.skill['dispositions'] as unknown[]).push('x');
    expect(read.dispositions).toEqual(before.dispositions);
  });

  it.each([['LINKED', 1], ['CONNECT', 2], ['ACTIVE', 3], [1, 1], [3, 3]])('maps screenPopTriggerEvent %j to %j', (read, put) => {
    expect(toPutBody({ ...asRead(), screenPopTriggerEvent: read }).skill['screenPopTriggerEvent']).toBe(put);
  });

  it.each(['linked', 'RINGING', '', 0, 4, true, {}])('refuses screenPopTriggerEvent %j rather than guess or drop it', (value) => {
    const run = () => toPutBody({ ...asRead(), screenPopTriggerEvent: value });
    expect(run).toThrow(WireMappingError);
    expect(run).toThrow(/screenPopTriggerEvent .* has no known conversion .*known: LINKED, CONNECT, ACTIVE/);
  });

  it('refuses a replacement of a field cxq does not manage, or of the wrong type', () => {
    expect(() => toPutBody(asRead(), { skillName: 'x' } as never)).toThrow(/"skillName" is not a field cxq manages/);
    expect(() => toPutBody(asRead(), { mediaTypeName: 'x' } as never)).toThrow(WireMappingError);
    expect(() => toPutBody(asRead(), { serviceLevelGoal: '90' } as never)).toThrow(/must be an integer \(got "90"\)/);
    expect(() => toPutBody(asRead(), { serviceLevelGoal: 9.5 })).toThrow(WireMappingError);
    expect(() => toPutBody(asRead(), { isActive: 'yes' } as never)).toThrow(/must be a boolean/);
    expect(() => toPutBody(asRead(), { notes: 3 } as never)).toThrow(/must be a string/);
  });

  it('accepts a field read under its PUT name, and refuses two spellings that disagree', () => {
    const { mediaTypeId: _m, ...withoutGetName } = asRead();
    expect(toPutBody({ ...withoutGetName, mediatypeid: 4 } as unknown as LiveSkill).skill['mediatypeid']).toBe(4);
    expect(toPutBody({ ...asRead(), mediatypeid: 4 }).skill['mediatypeid']).toBe(4);
    expect(() => toPutBody({ ...asRead(), mediatypeid: 3 })).toThrow(/carries "mediaTypeId" \(4\) and "mediatypeid" \(3\)/);
  });

  it('names the fields a write leaves out', () => {
    expect(unwritableFields(asRead()).sort()).toEqual(['campaignName', 'isOutbound', 'isRunning', 'mediaTypeName', 'outboundStrategy', 'scriptName', 'skillId', 'someFutureField']);
  });
});

describe('fromPutShape', () => {
  it('maps PUT names and forms back to GET ones', () => {
    expect(fromPutShape({ mediatypeid: 4, popThankYouUrl: 'u', patronTypingIndicator: false, screenPopTriggerEvent: 1, notes: null })).toEqual({
      mediaTypeId: 4,
      popThankYouURL: 'u',
      patronTypingPreview: false,
      screenPopTriggerEvent: 'LINKED',
    });
  });

  it('refuses a field outside the PUT table and a trigger number with no name', () => {
    expect(() => fromPutShape({ skillId: 1 })).toThrow(/"skillId" is not a field of the skill PUT body/);
    expect(() => fromPutShape({ mediaTypeId: 1 })).toThrow(WireMappingError);
    expect(() => fromPutShape({ screenPopTriggerEvent: 7 })).toThrow(/screenPopTriggerEvent 7 has no known conversion/);
    expect(() => fromPutShape({ screenPopTriggerEvent: 'LINKED' })).toThrow(WireMappingError);
  });
});

describe('the wire table', () => {
  it('holds every managed field under one name, and no read-only field', () => {
    const byGet = new Map(SKILL_WIRE_FIELDS.map((f) => [f.get, f]));
    for (const field of MANAGED_SKILL_FIELDS) expect(byGet.get(field)?.put, field).toBe(field);
    for (const field of Object.keys(READ_ONLY_SKILL_FIELDS)) expect(byGet.has(field) || (PUT_SKILL_FIELDS as readonly string[]).includes(field), field).toBe(false);
    expect(new Set(SKILL_WIRE_FIELDS.map((f) => f.get)).size).toBe(PUT_SKILL_FIELDS.length);
    expect(new Set(SKILL_WIRE_FIELDS.map((f) => f.put)).size).toBe(PUT_SKILL_FIELDS.length);
  });
});

/** A small seeded PRNG (mulberry32), so every run tries the same 300 random skills. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRIGGERS = Object.keys(SCREEN_POP_TRIGGER_EVENTS);

/** A random value for a field; the trigger gets a valid value in the requested form. */
function randomValue(rand: () => number, field: string, form: 'get' | 'put'): unknown {
  if (field === 'screenPopTriggerEvent') {
    const name = TRIGGERS[Math.floor(rand() * TRIGGERS.length)]!;
    return form === 'get' ? name : SCREEN_POP_TRIGGER_EVENTS[name];
  }
  const kinds = [() => Math.floor(rand() * 1000), () => rand() < 0.5, () => `s${Math.floor(rand() * 99)}`, () => [{ id: Math.floor(rand() * 9) }], () => ({ nested: rand() < 0.5 })];
  return kinds[Math.floor(rand() * kinds.length)]!();
}

describe('round trips over the whole field list (300 seeded random skills)', () => {
  const rand = prng(14);

  it('GET → PUT → GET gives the writable fields as read (read-only, unknown and null dropped)', () => {
    for (let i = 0; i < 300; i++) {
      const read: Record<string, unknown> = { skillId: i + 1, skillName: `S${i}`, mediaTypeId: 4 };
      const expected: Record<string, unknown> = { skillName: `S${i}`, mediaTypeId: 4 };
      for (const { get } of SKILL_WIRE_FIELDS) {
        if (get === 'skillName' || get === 'mediaTypeId') continue;
        const roll = rand();
        if (roll < 0.3) continue;
        const value = roll < 0.4 ? null : randomValue(rand, get, 'get');
        read[get] = value;
        if (value !== null) expected[get] = value;
      }
      for (const field of Object.keys(READ_ONLY_SKILL_FIELDS)) if (rand() < 0.5) read[field] = randomValue(rand, field, 'get');
      if (rand() < 0.5) read[`unknown${i}`] = i;
      expect(fromPutShape(toPutBody(read as LiveSkill).skill), `skill ${i}`).toEqual(expected);
      expect(writableView(read as LiveSkill)).toEqual(expected);
    }
  });

  it('PUT → GET → PUT gives the PUT body back', () => {
    for (let i = 0; i < 300; i++) {
      const put: Record<string, unknown> = { skillName: `S${i}`, mediatypeid: 1 + (i % 9) };
      for (const { put: name } of SKILL_WIRE_FIELDS) if (!(name in put) && rand() < 0.6) put[name] = randomValue(rand, name, 'put');
      expect(toPutBody(fromPutShape(put) as LiveSkill).skill, `body ${i}`).toEqual(put);
    }
  });

  it('replacing managed fields changes exactly those keys of the body', () => {
    for (let i = 0; i < 100; i++) {
      const read = { ...asRead(), serviceLevelGoal: i % 101 };
      const replacements: Record<string, unknown> = {};
      for (const field of MANAGED_SKILL_FIELDS) {
        if (rand() < 0.5) continue;
        const type = MANAGED_SKILL_FIELD_TYPES[field];
        replacements[field] = type === 'string' ? `n${i}` : type === 'boolean' ? rand() < 0.5 : Math.floor(rand() * 100);
      }
      const base = toPutBody(read).skill;
      const body = toPutBody(read, replacements).skill;
      expect(body).toEqual({ ...base, ...replacements });
    }
  });
});
