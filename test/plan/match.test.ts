import { describe, expect, it } from 'vitest';
import { matchDefinitions } from '../../src/plan/match.js';
import { crossCheck } from '../../src/plan/crosscheck.js';
import { liveQueue, loaded, SKILLS, tenant } from './fixtures.js';

describe('matchDefinitions', () => {
  it('matches by id, and by name for a name-only definition; the rest is unmanaged', () => {
    const live = tenant();
    const r = matchDefinitions([loaded({ id: 'q-tier1' }), loaded({ name: 'Overflow Pool' }, 'queues/pool.yaml')], live);
    expect(r.problems).toEqual([]);
    expect(r.matched.map((m) => m.live.id)).toEqual(['q-tier1', 'q-pool']);
    expect(r.unmanaged.map((q) => q.id)).toEqual(['q-tier2']);
  });

  it('treats id plus a different name as a rename, not an error', () => {
    const r = matchDefinitions([loaded({ id: 'q-tier1', name: 'Renamed' })], tenant());
    expect(r.problems).toEqual([]);
    expect(r.matched[0]?.live.name).toBe('Support Tier 1');
  });

  it('reports a definition whose queue is not live at its id field, naming the file', () => {
    const r = matchDefinitions([loaded({ id: 'q-gone', name: 'Gone' }, 'queues/gone.yaml')], tenant());
    expect(r.matched).toEqual([]);
    expect(r.problems).toEqual([
      {
        file: 'queues/gone.yaml',
        line: 2,
        column: 1,
        field: 'id',
        message: 'queue q-gone ("Gone") does not exist in the tenant; cxq does not create queues: create it in CXone first, or fix or remove this definition',
      },
    ]);
  });

  it('reports a name-only definition with no live queue of that name', () => {
    const r = matchDefinitions([loaded({ name: 'Nobody' })], tenant());
    expect(r.problems[0]?.field).toBe('name');
    expect(r.problems[0]?.message).toContain('no live queue is named "Nobody"');
  });

  it('reports a name two live queues share as ambiguous, naming both ids', () => {
    const live = [...tenant(), liveQueue({ id: 'q-dup', name: 'Overflow Pool' })];
    const r = matchDefinitions([loaded({ name: 'Overflow Pool' })], live);
    expect(r.matched).toEqual([]);
    expect(r.problems[0]?.message).toBe(
      '2 live queues are named "Overflow Pool" (q-dup, q-pool); add the id of the one this definition manages',
    );
    // both stay unmanaged: nothing claimed them
    expect(r.unmanaged.map((q) => q.id).sort()).toEqual(['q-dup', 'q-pool', 'q-tier1', 'q-tier2']);
  });

  it('matches by id even when live names are duplicated', () => {
    const live = [...tenant(), liveQueue({ id: 'q-dup', name: 'Overflow Pool' })];
    expect(matchDefinitions([loaded({ id: 'q-dup', name: 'Overflow Pool' })], live).problems).toEqual([]);
  });

  it('reports two definitions claiming the same queue, pointing at the first', () => {
    const r = matchDefinitions([loaded({ id: 'q-pool' }, 'queues/a.yaml'), loaded({ name: 'Overflow Pool' }, 'queues/b.yaml')], tenant());
    expect(r.matched).toHaveLength(1);
    expect(r.problems[0]?.file).toBe('queues/b.yaml');
    expect(r.problems[0]?.message).toContain('already managed by the definition at queues/a.yaml:1:1');
  });
});

describe('crossCheck', () => {
  it('passes when every skill and overflow target exists', () => {
    expect(crossCheck([loaded({ id: 'q-tier1', skills: [{ id: 'skill_a', level: 'basic' }], overflowTargets: [{ id: 'q-pool', threshold: 1 }] })], tenant(), SKILLS)).toEqual([]);
  });

  it('locates an unknown skill at its id, with the index as written', () => {
    const def = loaded({ id: 'q-tier1', skills: [{ id: 'skill_a', level: 'basic' }, { id: 'skill_nope', level: 'basic' }] });
    const problems = crossCheck([def], tenant(), SKILLS);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'skills[1].id', line: def.fieldLocations.at('/skills/1/id')?.line, column: 5 });
    expect(problems[0]?.message).toContain('skill "skill_nope" does not exist in the tenant');
  });

  it('reports an overflow target that is not live, and a queue overflowing to itself', () => {
    const problems = crossCheck(
      [loaded({ name: 'Overflow Pool', overflowTargets: [{ id: 'q-missing', threshold: 1 }, { id: 'q-pool', threshold: 2 }] })],
      tenant(),
      SKILLS,
    );
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['overflowTargets[0].id', 'overflow target q-missing is not a live queue; fix the id or remove the target'],
      ['overflowTargets[1].id', 'a queue cannot overflow to itself; remove this target'],
    ]);
  });
});
