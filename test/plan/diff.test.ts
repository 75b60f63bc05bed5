import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffQueue } from '../../src/plan/diff.js';
import { desiredFields } from '../../src/plan/desired.js';
import type { QueueDefinition } from '../../src/definitions/types.js';
import { definitionOf, liveQueue } from './fixtures.js';

function diff(def: QueueDefinition, live = liveQueue()) {
  return diffQueue(live, desiredFields(def));
}

describe('diffQueue', () => {
  it('finds nothing when every declared field matches, whatever the unknown and read-only fields', () => {
    expect(diff(definitionOf(liveQueue()))).toEqual({ fields: [], patch: [] });
  });

  it('reports a changed number with its pointer and an RFC 6902 replace', () => {
    const r = diff({ ...definitionOf(liveQueue()), maxWaitTime: 420 });
    expect(r.fields).toEqual([{ path: '/maxWaitTime', old: 300, new: 420 }]);
    expect(r.patch).toEqual([{ op: 'replace', path: '/maxWaitTime', value: 420 }]);
  });

  it('treats skills as a set: reordered skills are no change', () => {
    const def = definitionOf(liveQueue());
    def.skills = [...(def.skills ?? [])].reverse();
    expect(diff(def).fields).toEqual([]);
  });

  it('reports a skill level change as one /skills field holding both whole lists, sorted by id', () => {
    const r = diff({ id: 'q-tier1', skills: [{ id: 'skill_b', level: 'basic' }, { id: 'skill_a', level: 'advanced' }] });
    expect(r.fields).toEqual([
      {
        path: '/skills',
        old: [{ id: 'skill_a', level: 'advanced' }, { id: 'skill_b', level: 'expert' }],
        new: [{ id: 'skill_a', level: 'advanced' }, { id: 'skill_b', level: 'basic' }],
      },
    ]);
    expect(r.patch).toEqual([{ op: 'replace', path: '/skills/1/level', value: 'basic' }]);
  });

  it('treats overflowTargets as ordered: swapping two targets is an update', () => {
    const r = diff({ id: 'q-tier1', overflowTargets: [{ id: 'q-pool', threshold: 300 }, { id: 'q-tier2', threshold: 120 }] });
    expect(r.fields.map((f) => f.path)).toEqual(['/overflowTargets']);
    expect(r.patch.length).toBeGreaterThan(0);
  });

  it('does not manage absent fields: a definition with only an id has nothing to change', () => {
    expect(diff({ id: 'q-tier1' })).toEqual({ fields: [], patch: [] });
  });

  it('ignores unknown live fields and never puts them in the patch', () => {
    const r = diff({ id: 'q-tier1', maxWaitTime: 60 }, liveQueue({ outboundEmail: 'y@example.com', extra: { a: 1 } }));
    expect(JSON.stringify(r)).not.toContain('outboundEmail');
    expect(JSON.stringify(r)).not.toContain('extra');
    expect(r.patch).toEqual([{ op: 'replace', path: '/maxWaitTime', value: 60 }]);
  });

  it('compares waitMusic per declared leaf only', () => {
    const live = liveQueue({ waitMusic: { playMusic: false, url: 'https://cdn.example.com/a.mp3' } });
    expect(diff({ id: 'q-tier1', waitMusic: { url: 'https://cdn.example.com/a.mp3' } }, live).fields).toEqual([]);
    const r = diff({ id: 'q-tier1', waitMusic: { url: 'https://cdn.example.com/b.mp3' } }, live);
    expect(r.fields).toEqual([{ path: '/waitMusic/url', old: 'https://cdn.example.com/a.mp3', new: 'https://cdn.example.com/b.mp3' }]);
    expect(r.patch).toEqual([{ op: 'replace', path: '/waitMusic/url', value: 'https://cdn.example.com/b.mp3' }]);
  });

  it('adds a waitMusic leaf the live queue lacks, with old null', () => {
    const r = diff({ id: 'q-tier1', waitMusic: { playMusic: true } }, liveQueue({ waitMusic: undefined }));
    expect(r.fields).toEqual([{ path: '/waitMusic/playMusic', old: null, new: true }]);
    expect(r.patch).toEqual([{ op: 'add', path: '/waitMusic', value: { playMusic: true } }]);
  });

  it('sees no difference between number formats or key order', () => {
    const fromYaml = parse('id: q-tier1\nmaxWaitTime: 300.0\noverflowThreshold: 8.5e1\nwaitMusic: {url: "https://cdn.example.com/a.mp3", playMusic: true}\n') as QueueDefinition;
    const live = JSON.parse(JSON.stringify(liveQueue()).replace('"maxWaitTime":300', '"maxWaitTime":300.0')) as ReturnType<typeof liveQueue>;
    expect(diff(fromYaml, live).fields).toEqual([]);
  });

  it('treats an absent live description as "" and absent live lists as []', () => {
    const live = liveQueue({ description: undefined, skills: undefined, overflowTargets: undefined });
    expect(diff({ id: 'q-tier1', description: '', skills: [], overflowTargets: [] }, live)).toEqual({ fields: [], patch: [] });
  });

  it('reports an absent live scalar as old null, since the server default is unknown', () => {
    const r = diff({ id: 'q-tier1', enableOverflow: false }, liveQueue({ enableOverflow: undefined }));
    expect(r.fields).toEqual([{ path: '/enableOverflow', old: null, new: false }]);
    expect(r.patch).toEqual([{ op: 'add', path: '/enableOverflow', value: false }]);
  });

  it('reports a rename when the definition has an id and a different name', () => {
    expect(diff({ id: 'q-tier1', name: 'Support Front Line' }).fields).toEqual([
      { path: '/name', old: 'Support Tier 1', new: 'Support Front Line' },
    ]);
  });

  it('lists fields in canonical order and never mutates its inputs', () => {
    const live = liveQueue();
    const before = structuredClone(live);
    const def: QueueDefinition = { overflowThreshold: 1, maxWaitTime: 10, description: 'x', id: 'q-tier1' };
    const r = diff(def, live);
    expect(r.fields.map((f) => f.path)).toEqual(['/description', '/maxWaitTime', '/overflowThreshold']);
    expect(live).toEqual(before);
  });
});

describe('desiredFields', () => {
  it('leaves out id, and name when there is no id (name-only definitions match by name)', () => {
    expect(desiredFields({ name: 'Collections', maxWaitTime: 900 })).toEqual({ maxWaitTime: 900 });
    expect(desiredFields({ id: 'q', name: 'Collections' })).toEqual({ name: 'Collections' });
  });

  it('sorts skills by id, keeps overflow order and only declared waitMusic leaves', () => {
    const d = desiredFields({
      id: 'q',
      skills: [{ id: 'z', level: 'basic' }, { id: 'a', level: 'expert' }],
      overflowTargets: [{ id: 'q2', threshold: 5 }, { id: 'q1', threshold: 6 }],
      waitMusic: { url: 'https://x/y.mp3' },
    });
    expect(d).toEqual({
      waitMusic: { url: 'https://x/y.mp3' },
      skills: [{ id: 'a', level: 'expert' }, { id: 'z', level: 'basic' }],
      overflowTargets: [{ id: 'q2', threshold: 5 }, { id: 'q1', threshold: 6 }],
    });
    expect(Object.keys(desiredFields({ maxWaitTime: 1, description: 'd', name: 'n', id: 'i' }))).toEqual(['name', 'description', 'maxWaitTime']);
  });
});
