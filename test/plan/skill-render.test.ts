import { describe, expect, it } from 'vitest';
import { skillChangeLines } from '../../src/plan/skill-render.js';
import { planSkills } from '../../src/plan/skill-plan.js';
import { ASSIGNED, DIRECTORY, liveSkill, skillDef } from './skill-fixtures.js';

const plan = (yaml: string, live = ASSIGNED) =>
  planSkills({ definitions: [skillDef(yaml)], live: [liveSkill()], assignments: new Map([[11, live]]), agents: DIRECTORY }).changes[0]!;

describe('skillChangeLines', () => {
  it('shows field changes and + / ~ / - agent lines', () => {
    const change = plan('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\nagentsExclusive: true\nagents:\n  ana.garcia: { proficiency: 1, active: false }\n  ben.okafor: { proficiency: 3 }\n  chloe.martin: { proficiency: 2 }\n',
      [...ASSIGNED, { agentId: 777, proficiency: 4, active: true }]);
    expect(skillChangeLines(change, false)).toEqual([
      '~ Support Voice (skill 11)',
      '    serviceLevelGoal: 80 → 90',
      '    ~ agent ana.garcia: active true → false',
      '    ~ agent ben.okafor: proficiency 5 → 3',
      '    + agent chloe.martin: proficiency 2, active',
      '    - agent david.kim (was proficiency 2, inactive)',
      '    - agent #777 (was proficiency 4, active)',
    ]);
  });

  it('shows nothing for a noop, and colours only when asked', () => {
    expect(skillChangeLines(plan('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 80\n'), true)).toEqual([]);
    expect(skillChangeLines(plan('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 81\n'), true)[0]).toContain('\u001b[33m~\u001b[0m');
  });
});
