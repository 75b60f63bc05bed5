import { describe, expect, it } from 'vitest';
import { skillSchema } from '../../src/definitions/schema.js';
import { PlanError } from '../../src/errors.js';
import { parseSavedPlan } from '../../src/plan/saved.js';
import { renderSkillPlanJson, renderSkillPlanMarkdown, renderSkillPlanText } from '../../src/plan/skill-plan-render.js';
import { compareSkillPlanWithDefinitions, verifySkillPlanFields } from '../../src/plan/skill-plan-verify.js';
import { planSkills } from '../../src/plan/skill-plan.js';
import { parseSavedSkillPlan, toSavedSkillPlan } from '../../src/plan/skill-saved.js';
import { ASSIGNED, DIRECTORY, liveSkill, skillDef } from '../plan/skill-fixtures.js';

const YAML = 'kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\nagentsExclusive: true\nagents:\n  ana.garcia: { proficiency: 3 }\n  chloe.martin: { proficiency: 2 }\n';

function plan(yaml = YAML) {
  return planSkills({ definitions: [skillDef(yaml)], live: [liveSkill(), liveSkill({ skillId: 12, skillName: 'Other' })], assignments: new Map([[11, ASSIGNED]]), agents: DIRECTORY });
}

describe('skill plan outputs', () => {
  it('text shows fields and + ~ - agent lines, then the counts', () => {
    expect(renderSkillPlanText(plan(), false)).toBe([
      '~ Support Voice (skill 11)',
      '    serviceLevelGoal: 80 → 90',
      '    ~ agent ana.garcia: proficiency 1 → 3',
      '    - agent ben.okafor (was proficiency 5, active)',
      '    + agent chloe.martin: proficiency 2, active',
      '    - agent david.kim (was proficiency 2, inactive)',
      '',
      'Plan: 1 skill to update, 0 unchanged, 1 unmanaged.',
      '',
    ].join('\n'));
    expect(renderSkillPlanText(plan('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 80\n'), false)).toBe(
      'No changes. The tenant matches the skill definitions.\n1 live skill not managed by any definition.\n');
  });

  it('json has the contract keys only; markdown has a row per field and agent change', () => {
    const json = JSON.parse(renderSkillPlanJson(plan(), '2026-12-01T10:00:00.000Z'));
    expect(Object.keys(json)).toEqual(['formatVersion', 'generatedAt', 'dialect', 'summary', 'changes', 'unmanaged']);
    expect(Object.keys(json.changes[0])).toEqual(['kind', 'skillId', 'skillName', 'action', 'fields', 'agents', 'fingerprint']);
    const md = renderSkillPlanMarkdown(plan());
    expect(md).toContain('| Support Voice | `serviceLevelGoal` | `80` | `90` |');
    expect(md).toContain('| Support Voice | `agent chloe.martin` | (none) | `proficiency 2, active` |');
    expect(md).toContain('| Support Voice | `agent ben.okafor` | `proficiency 5, active` | (none) |');
  });

  it('a saved skills plan round-trips through its checksum; edits, and the wrong dialect, are refused', () => {
    const saved = toSavedSkillPlan(plan(), { baseUrl: 'https://x', gitCommit: null, generatedAt: '2026-12-01T10:00:00.000Z' });
    const text = JSON.stringify(saved);
    expect(parseSavedSkillPlan(text, 'p.json')).toEqual(saved);
    expect(() => parseSavedSkillPlan(text.replace('"serviceLevelGoal":90', '"serviceLevelGoal":91'), 'p.json')).toThrow(/checksum mismatch/);
    expect(() => parseSavedPlan(text, 'p.json')).toThrow(PlanError);
    expect(() => parseSavedPlan(text, 'p.json')).toThrow(/is a skills plan \(admin dialect\)/);
  });

  it('verifies fields against the schema and compares with the definitions', () => {
    const changes = plan().changes;
    expect(verifySkillPlanFields(changes, skillSchema().validate)).toEqual([]);
    const crafted = structuredClone(changes);
    (crafted[0]!.desired.fields as Record<string, unknown>)['campaignId'] = 4;
    expect(verifySkillPlanFields(crafted, skillSchema().validate)).toEqual([
      { id: '11', name: 'Support Voice', field: 'campaignId', reason: 'is not a field the skill schema declares; cxq never writes it' },
    ]);
    expect(compareSkillPlanWithDefinitions(changes, changes)).toEqual([]);
    const other = structuredClone(changes);
    other[0]!.desired.agentsExclusive = false;
    expect(compareSkillPlanWithDefinitions(other, changes)).toEqual([
      { id: '11', name: 'Support Voice', field: 'agentsExclusive', reason: 'the plan writes false, the definitions say true' },
    ]);
  });
});
