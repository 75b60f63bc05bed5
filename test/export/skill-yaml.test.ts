import { describe, expect, it } from 'vitest';
import { parseDefinitionsText } from '../../src/definitions/parse.js';
import { renderSkillYaml, skillToDefinition } from '../../src/export/skill-yaml.js';
import { planSkills } from '../../src/plan/skill-plan.js';
import { ASSIGNED, DIRECTORY, liveSkill } from '../plan/skill-fixtures.js';

const REF = '../../schemas/skill.schema.json';

describe('skill YAML export', () => {
  it('writes kind, name and the managed fields in canonical order, no skillId, no unmanaged fields', () => {
    const def = skillToDefinition(liveSkill({ serviceLevelGoal: '80' as unknown as number, acceleration: null as unknown as number, notes: '' }));
    expect(Object.keys(def)).toEqual(['kind', 'skillName', 'isActive', 'serviceLevelThreshold', 'serviceLevelGoal', 'initialPriority', 'maxPriority', 'priorityBlending', 'enableShortAbandon', 'shortAbandonThreshold', 'countShortAbandons', 'requireDisposition', 'maxSecondsACW', 'agentRestTime', 'requireManualAccept']);
    expect(def.serviceLevelGoal).toBe(80);
  });

  it('renders a modeline and stable bytes; agents by user name, sorted, only those the directory names', () => {
    const text = renderSkillYaml(liveSkill(), REF, { assignments: [...ASSIGNED, { agentId: 999, proficiency: 3, active: true }], directory: DIRECTORY });
    expect(text.startsWith(`# yaml-language-server: $schema=${REF}\nkind: Skill\nskillName: Support Voice\n`)).toBe(true);
    expect(text).toContain('agents:\n  ana.garcia:\n    proficiency: 1\n    active: true\n  ben.okafor:\n');
    expect(text).not.toContain('999');
    expect(text).not.toContain('agentsExclusive');
    expect(renderSkillYaml(liveSkill(), REF, { assignments: [...ASSIGNED].reverse(), directory: DIRECTORY })).toBe(renderSkillYaml(liveSkill(), REF, { assignments: ASSIGNED, directory: DIRECTORY }));
  });

  it('is valid under the skill schema and plans back to no changes, with and without agents', () => {
    const skills = [liveSkill(), liveSkill({ skillId: 12, skillName: 'Multi\nline: "odd"', notes: 'a\nb\n', isActive: false })];
    for (const withAgents of [true, false]) {
      const yaml = skills.map((s) => renderSkillYaml(s, REF, withAgents ? { assignments: ASSIGNED, directory: DIRECTORY } : undefined)).join('---\n');
      const parsed = parseDefinitionsText(yaml, 'skills/export.yaml');
      expect(parsed.problems).toEqual([]);
      const plan = planSkills({ definitions: parsed.skills!.definitions, live: skills, assignments: new Map([[11, ASSIGNED], [12, ASSIGNED]]), agents: DIRECTORY });
      expect(plan.problems).toEqual([]);
      expect(plan.changes.map((c) => c.action)).toEqual(['noop', 'noop']);
    }
  });
});
