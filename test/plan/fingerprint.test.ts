import { describe, expect, it } from 'vitest';
import { fingerprintOf, movedPaths, skillSnapshot } from '../../src/plan/fingerprint.js';
import { ASSIGNED, liveSkill } from './skill-fixtures.js';

const fields = ['serviceLevelGoal', 'notes', 'isActive'] as const;

describe('skill fingerprint', () => {
  it('is stable across key order, number formats and notes whitespace, and is a sha256', () => {
    const a = skillSnapshot(liveSkill(), fields);
    const shuffled = Object.fromEntries(Object.entries(liveSkill({ serviceLevelGoal: '80' as unknown as number, notes: 'First line\r\n' })).reverse());
    const b = skillSnapshot(shuffled as ReturnType<typeof liveSkill>, [...fields].reverse());
    expect(fingerprintOf(a)).toBe(fingerprintOf(b));
    expect(fingerprintOf(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const agents = { assignments: ASSIGNED, declaredIds: [101, 102], exclusive: false };
    expect(fingerprintOf(skillSnapshot(liveSkill(), fields, agents))).toBe(fingerprintOf(skillSnapshot(liveSkill(), fields, { ...agents, assignments: [...ASSIGNED].reverse(), declaredIds: [102, 101] })));
  });

  it('changes when a declared field, the name or an observed assignment moves, not when an undeclared field does', () => {
    const seen = skillSnapshot(liveSkill(), fields);
    expect(fingerprintOf(skillSnapshot(liveSkill({ maxPriority: 5, campaignId: 9 }), fields))).toBe(fingerprintOf(seen));
    const moved = skillSnapshot(liveSkill({ serviceLevelGoal: 81, skillName: 'Renamed' }), fields);
    expect(fingerprintOf(moved)).not.toBe(fingerprintOf(seen));
    expect(movedPaths(seen, moved)).toEqual(['/serviceLevelGoal', '/skillName']);
    expect(movedPaths(seen, seen)).toEqual([]);
  });

  it('observes declared agents (null when unassigned) or, under exclusive, every assignment', () => {
    const declared = skillSnapshot(liveSkill(), [], { assignments: ASSIGNED, declaredIds: [102, 103], exclusive: false });
    expect(declared.agents).toEqual({ '102': { proficiency: 5, active: true }, '103': null });
    const assignedMeanwhile = skillSnapshot(liveSkill(), [], { assignments: [...ASSIGNED, { agentId: 103, proficiency: 9, active: true }], declaredIds: [102, 103], exclusive: false });
    expect(movedPaths(declared, assignedMeanwhile)).toEqual(['/agents/103']);
    const undeclaredMoved = skillSnapshot(liveSkill(), [], { assignments: ASSIGNED.map((a) => (a.agentId === 104 ? { ...a, proficiency: 20 } : a)), declaredIds: [102, 103], exclusive: false });
    expect(movedPaths(declared, undeclaredMoved)).toEqual([]);
    const exclusive = skillSnapshot(liveSkill(), [], { assignments: ASSIGNED, declaredIds: [101], exclusive: true });
    expect(Object.keys(exclusive.agents!).sort()).toEqual(['101', '102', '104']);
  });

  it('counts a field present in only one snapshot as moved', () => {
    expect(movedPaths(skillSnapshot(liveSkill(), ['isActive']), skillSnapshot(liveSkill(), []))).toEqual(['/isActive']);
    expect(movedPaths({ fields: {} }, { fields: {}, agents: { '1': null } })).toEqual(['/agents/1']);
  });
});
