import { describe, expect, it } from 'vitest';
import { desiredSkill, diffAgents, diffSkillFields } from '../../src/plan/skill-diff.js';
import { ASSIGNED, DIRECTORY, liveSkill, skillDef } from './skill-fixtures.js';

describe('diffSkillFields', () => {
  it('compares only declared fields, in canonical order, old → new', () => {
    const live = liveSkill();
    expect(diffSkillFields(live, { notes: 'x', serviceLevelGoal: 90, isActive: true, maxSecondsACW: 120 })).toEqual([
      { path: '/serviceLevelGoal', old: 80, new: 90 },
      { path: '/notes', old: 'First line', new: 'x' },
    ]);
    expect(diffSkillFields(live, {})).toEqual([]);
  });

  it('has no phantom diffs for number formats, absent notes, line endings or trailing whitespace in notes', () => {
    const live = liveSkill({ serviceLevelGoal: '80' as unknown as number, maxPriority: -0, notes: 'a\r\nb  \n' });
    expect(diffSkillFields(live, { serviceLevelGoal: 80, maxPriority: 0, notes: 'a\nb\n' })).toEqual([]);
    expect(diffSkillFields(liveSkill({ notes: null }), { notes: '' })).toEqual([]);
    const { notes: _n, ...noNotes } = liveSkill();
    expect(diffSkillFields(noNotes, { notes: '' })).toEqual([]);
  });

  it('an absent or null live value differs from any declared one (old is null); strings are not guessed as booleans or numbers', () => {
    const { agentRestTime: _a, ...live } = liveSkill();
    expect(diffSkillFields({ ...live, isActive: null as unknown as boolean }, { agentRestTime: 0, isActive: true })).toEqual([
      { path: '/isActive', old: null, new: true },
      { path: '/agentRestTime', old: null, new: 0 },
    ]);
    expect(diffSkillFields(liveSkill({ isActive: 'true' as unknown as boolean }), { isActive: true })).toEqual([{ path: '/isActive', old: 'true', new: true }]);
    expect(diffSkillFields(liveSkill({ serviceLevelGoal: '80 %' as unknown as number }), { serviceLevelGoal: 80 })).toHaveLength(1);
    expect(diffSkillFields(liveSkill({ serviceLevelGoal: 80.5 }), { serviceLevelGoal: 80 })).toEqual([{ path: '/serviceLevelGoal', old: 80.5, new: 80 }]);
  });
});

describe('desiredSkill', () => {
  it('keeps declared fields in canonical order, agents sorted, exclusive false by default', () => {
    const def = skillDef('kind: Skill\nskillName: S\nnotes: n\nisActive: false\nagents:\n  zed: { proficiency: 2 }\n  amy: { proficiency: 1, active: false }\n');
    const desired = desiredSkill(def.definition);
    expect(desired).toEqual({ fields: { isActive: false, notes: 'n' }, agents: { amy: { proficiency: 1, active: false }, zed: { proficiency: 2 } }, agentsExclusive: false });
    expect(Object.keys(desired.fields)).toEqual(['isActive', 'notes']);
    expect(Object.keys(desired.agents!)).toEqual(['amy', 'zed']);
    expect(desiredSkill(skillDef('kind: Skill\nskillName: S\n').definition)).toEqual({ fields: {}, agentsExclusive: false });
  });
});

describe('diffAgents', () => {
  const base = { live: ASSIGNED, directory: DIRECTORY, exclusive: false };

  it('assigns, updates proficiency and declared active, and leaves undeclared assignments alone', () => {
    const { changes, unknown } = diffAgents({
      ...base,
      declared: { 'chloe.martin': { proficiency: 4 }, 'ben.okafor': { proficiency: 3 }, 'david.kim': { proficiency: 2, active: true }, 'ana.garcia': { proficiency: 1 } },
    });
    expect(unknown).toEqual([]);
    expect(changes).toEqual([
      { action: 'update', userName: 'ben.okafor', agentId: 102, old: { proficiency: 5, active: true }, new: { proficiency: 3, active: true } },
      { action: 'assign', userName: 'chloe.martin', agentId: 103, old: null, new: { proficiency: 4, active: true } },
      { action: 'update', userName: 'david.kim', agentId: 104, old: { proficiency: 2, active: false }, new: { proficiency: 2, active: true } },
    ]);
  });

  it('an undeclared active on an existing assignment is unmanaged; declared false on a new one is kept', () => {
    expect(diffAgents({ ...base, declared: { 'david.kim': { proficiency: 2 } } }).changes).toEqual([]);
    expect(diffAgents({ ...base, declared: { 'chloe.martin': { proficiency: 9, active: false } } }).changes[0]!.new).toEqual({ proficiency: 9, active: false });
  });

  it('with agentsExclusive, unassigns every undeclared live assignment, naming the agent when the directory can', () => {
    const live = [...ASSIGNED, { agentId: 999, proficiency: 7, active: true }];
    const { changes } = diffAgents({ ...base, live, exclusive: true, declared: { 'ana.garcia': { proficiency: 1 } } });
    expect(changes).toEqual([
      { action: 'unassign', userName: 'ben.okafor', agentId: 102, old: { proficiency: 5, active: true }, new: null },
      { action: 'unassign', userName: 'david.kim', agentId: 104, old: { proficiency: 2, active: false }, new: null },
      { action: 'unassign', userName: null, agentId: 999, old: { proficiency: 7, active: true }, new: null },
    ]);
    expect(diffAgents({ ...base, exclusive: true, declared: {} }).changes.map((c) => c.action)).toEqual(['unassign', 'unassign', 'unassign']);
  });

  it('without declared agents, nothing is managed, even under exclusive', () => {
    expect(diffAgents({ ...base, exclusive: true, declared: undefined })).toEqual({ changes: [], unknown: [] });
  });

  it('reports unknown user names (exact match), with a near miss, and makes no change for them', () => {
    const { changes, unknown } = diffAgents({ ...base, exclusive: true, declared: { 'Ana.Garcia': { proficiency: 1 }, 'ben.okafr': { proficiency: 5 }, nobody: { proficiency: 1 }, 'david.kim': { proficiency: 2 } } });
    expect(unknown).toEqual([{ userName: 'Ana.Garcia', suggestion: 'ana.garcia' }, { userName: 'ben.okafr', suggestion: 'ben.okafor' }, { userName: 'nobody' }]);
    expect(changes.map((c) => `${c.action} ${c.userName}`)).toEqual(['unassign ana.garcia', 'unassign ben.okafor']);
  });

  it('compares a live proficiency given as a decimal string as its number', () => {
    const live = [{ agentId: 101, proficiency: '1' as unknown as number, active: true }];
    expect(diffAgents({ ...base, live, declared: { 'ana.garcia': { proficiency: 1 } } }).changes).toEqual([]);
  });
});

describe('hostile user names', () => {
  it('a __proto__ user name stays a key of the desired agents and is reported unknown, never a prototype', () => {
    const def = skillDef('kind: Skill\nskillName: S\nagents:\n  __proto__: { proficiency: 2 }\n');
    const desired = desiredSkill(def.definition);
    expect(Object.keys(desired.agents!)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(desired.agents)).toBe(Object.prototype);
    expect(diffAgents({ declared: desired.agents, exclusive: false, live: ASSIGNED, directory: DIRECTORY }).unknown).toEqual([{ userName: '__proto__' }]);
  });
});
