import { describe, expect, it } from 'vitest';
import { mergeDesired } from '../../src/apply/merge.js';
import type { OverflowTarget, SkillRef } from '../../src/model/queue.js';
import { liveQueue } from './fake-api.js';

describe('mergeDesired', () => {
  it('keeps every live field, unknown ones included, and replaces only the declared ones', () => {
    const live = liveQueue('q1', { futureFlag: { nested: [1, 2] } });
    const body = mergeDesired(live, { maxWaitTime: 600, skills: [{ id: 'skill_b', level: 'basic' }] });
    expect(body).toEqual({ ...live, maxWaitTime: 600, skills: [{ id: 'skill_b', level: 'basic' }] });
    expect(body['outboundEmail']).toBe('queue@example.com');
    expect(body['futureFlag']).toEqual({ nested: [1, 2] });
    expect(body.version).toBe(7);
  });

  it('leaves undeclared fields untouched even when a declared field is undefined', () => {
    const live = liveQueue('q1');
    const body = mergeDesired(live, { description: undefined, routingStrategy: 'mostAvailableAgent' });
    expect(body.description).toBe('free text');
    expect(body.routingStrategy).toBe('mostAvailableAgent');
  });

  it('merges waitMusic per declared leaf and keeps nested unknown fields', () => {
    const live = liveQueue('q1');
    const body = mergeDesired(live, { waitMusic: { url: 'https://cdn.example.com/new.mp3' } });
    expect(body.waitMusic).toEqual({ playMusic: true, url: 'https://cdn.example.com/new.mp3', volume: 7 });
  });

  it('creates waitMusic with the declared leaves only when live has none', () => {
    const { waitMusic: _w, ...rest } = liveQueue('q1');
    const body = mergeDesired(rest, { waitMusic: { playMusic: false } });
    expect(body.waitMusic).toEqual({ playMusic: false });
  });

  it('never takes id from the definition and manages name only when declared', () => {
    const live = liveQueue('q1');
    const desired = { name: 'Renamed', id: 'other' } as unknown as Parameters<typeof mergeDesired>[1];
    const body = mergeDesired(live, desired);
    expect(body.id).toBe('q1');
    expect(body.name).toBe('Renamed');
  });

  it('deep-copies: neither live nor desired is mutated nor shared with the body', () => {
    const live = liveQueue('q1');
    const frozen = structuredClone(live);
    const desired = { skills: [{ id: 'skill_b', level: 'basic' as const }], waitMusic: { url: 'https://x.example/a.mp3' } };
    const body = mergeDesired(live, desired);
    body.skills!.push({ id: 'skill_c', level: 'expert' });
    (body.waitMusic as unknown as Record<string, unknown>)['volume'] = 1;
    (body['outboundEmail'] as unknown) = 'changed';
    expect(live).toEqual(frozen);
    expect(desired.skills).toHaveLength(1);
  });

  it('keeps the live value of a declared field that already holds the desired value in meaning', () => {
    const live = liveQueue('q1', {
      skills: [
        { id: 'skill_b', level: 'basic' },
        { id: 'skill_a', level: 'expert' },
      ],
    });
    const body = mergeDesired(live, {
      skills: [
        { id: 'skill_a', level: 'expert' },
        { id: 'skill_b', level: 'basic' },
      ],
    });
    // Same set in another order: the live order stays, so the write is not an audit-log change.
    expect(body.skills).toEqual(live.skills);
  });

  it('keeps unknown nested fields of list entries whose id stays, and takes the declared leaves', () => {
    // The API may add fields to list entries that the schema does not know.
    const live = liveQueue('q1', {
      skills: [{ id: 'skill_a', level: 'basic', proficiencyNote: 'kept' } as SkillRef],
      overflowTargets: [{ id: 'q9', threshold: 60, mode: 'soft' } as OverflowTarget],
    });
    const body = mergeDesired(live, {
      skills: [
        { id: 'skill_a', level: 'expert' },
        { id: 'skill_new', level: 'basic' },
      ],
      overflowTargets: [
        { id: 'q8', threshold: 30 },
        { id: 'q9', threshold: 90 },
      ],
    });
    expect(body.skills).toEqual([
      { id: 'skill_a', level: 'expert', proficiencyNote: 'kept' },
      { id: 'skill_new', level: 'basic' },
    ]);
    expect(body.overflowTargets).toEqual([
      { id: 'q8', threshold: 30 },
      { id: 'q9', threshold: 90, mode: 'soft' },
    ]);
  });
});
