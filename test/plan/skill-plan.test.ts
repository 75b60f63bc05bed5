import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../src/plan/fingerprint.js';
import { planSkills, type SkillPlanInput } from '../../src/plan/skill-plan.js';
import { ASSIGNED, DIRECTORY, liveSkill, skillDef } from './skill-fixtures.js';

const voice = liveSkill();
const chat = liveSkill({ skillId: 12, skillName: 'Support Chat', mediaTypeId: 3 });
const input = (yaml: string, over: Partial<SkillPlanInput> = {}): SkillPlanInput => ({
  definitions: [skillDef(yaml)],
  live: [chat, voice],
  assignments: new Map([[11, ASSIGNED]]),
  agents: DIRECTORY,
  ...over,
});

describe('planSkills', () => {
  it('matches by skillName, diffs fields and agents, records the observation and its fingerprint', () => {
    const { changes, problems, unmanaged } = planSkills(input('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\nagents:\n  ben.okafor: { proficiency: 3 }\n'));
    expect(problems).toEqual([]);
    expect(unmanaged).toEqual([{ skillId: 12, skillName: 'Support Chat' }]);
    const [change] = changes;
    expect(change).toMatchObject({
      kind: 'Skill',
      skillId: 11,
      skillName: 'Support Voice',
      action: 'update',
      fields: [{ path: '/serviceLevelGoal', old: 80, new: 90 }],
      agents: [{ action: 'update', userName: 'ben.okafor', agentId: 102, old: { proficiency: 5, active: true }, new: { proficiency: 3, active: true } }],
      source: { file: 'skills/voice.yaml', line: 1, column: 1 },
    });
    expect(change!.observed).toEqual({ fields: { skillName: 'Support Voice', serviceLevelGoal: 80 }, agents: { '102': { proficiency: 5, active: true } } });
    expect(change!.fingerprint).toBe(fingerprintOf(change!.observed));
  });

  it('a skill that already matches is a noop; without agents declared none are read or observed', () => {
    const { changes } = planSkills(input('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 80\n', { assignments: new Map() }));
    expect(changes[0]).toMatchObject({ action: 'noop', fields: [], agents: [] });
    expect(changes[0]!.observed).not.toHaveProperty('agents');
  });

  it('under agentsExclusive, the plan shows each unassignment and observes every assignment', () => {
    const { changes } = planSkills(input('kind: Skill\nskillName: Support Voice\nagentsExclusive: true\nagents:\n  ana.garcia: { proficiency: 1, active: true }\n'));
    expect(changes[0]!.agents.map((a) => `${a.action} ${a.userName}`)).toEqual(['unassign ben.okafor', 'unassign david.kim']);
    expect(Object.keys(changes[0]!.observed.agents!).sort()).toEqual(['101', '102', '104']);
  });

  it('names an unknown agent at its place in the definition', () => {
    const { problems } = planSkills(input('kind: Skill\nskillName: Support Voice\nagents:\n  ana.garcia: { proficiency: 1 }\n  ana.garsia: { proficiency: 2 }\n'));
    expect(problems).toEqual([{ file: 'skills/voice.yaml', line: 5, column: 15, field: 'agents.ana.garsia', message: 'unknown agent "ana.garsia" (did you mean "ana.garcia"?): no agent of the tenant has this user name; name agents by their CXone user name' }]);
  });

  it('refuses a skill that does not exist, a wrong skillId, and an ambiguous name without skillId', () => {
    expect(planSkills(input('kind: Skill\nskillName: Nope\n')).problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      '2:12 skillName: no live skill is named "Nope"; cxq does not create skills: create it in CXone first, or fix the name',
    ]);
    expect(planSkills(input('kind: Skill\nskillName: Support Voice\nskillId: 99\n')).problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'skillId: skill "Support Voice" has id 11 in this tenant, not 99; fix skillId or leave it out (ids differ between tenants)',
    ]);
    const twin = liveSkill({ skillId: 13 });
    const ambiguous = planSkills(input('kind: Skill\nskillName: Support Voice\n', { live: [voice, twin] }));
    expect(ambiguous.problems[0]!.message).toBe('2 live skills are named "Support Voice" (11, 13); add the skillId of the one this definition manages');
    const pinned = planSkills(input('kind: Skill\nskillName: Support Voice\nskillId: 13\n', { live: [voice, twin] }));
    expect(pinned.problems).toEqual([]);
    expect(pinned.changes[0]!.skillId).toBe(13);
  });

  it('is a problem, not a guess, when the assignments of a skill declaring agents were not read', () => {
    const { changes, problems } = planSkills(input('kind: Skill\nskillName: Support Voice\nagents: {}\n', { assignments: new Map() }));
    expect(changes).toEqual([]);
    expect(problems[0]!.message).toContain('were not read');
  });

  it('gives the same plan whatever the order of its inputs', () => {
    const defs = [skillDef('kind: Skill\nskillName: Support Voice\nisActive: false\n', 'a.yaml'), skillDef('kind: Skill\nskillName: Support Chat\nisActive: false\n', 'b.yaml')];
    const one = planSkills({ definitions: defs, live: [voice, chat], assignments: new Map(), agents: DIRECTORY });
    const two = planSkills({ definitions: [...defs].reverse(), live: [chat, voice], assignments: new Map(), agents: [...DIRECTORY].reverse() });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(one.changes.map((c) => c.skillName)).toEqual(['Support Chat', 'Support Voice']);
  });
});
