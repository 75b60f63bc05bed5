import { describe, expect, it } from 'vitest';
import { buildSkillStatus, SKILL_STATUS_METHOD, type SkillStatusOptions } from '../../src/insight/skill-status.js';
import { renderSkillStatus } from '../../src/insight/render/skill-status.js';

const WINDOW: SkillStatusOptions = { window: { startDate: 'S', endDate: 'E' }, windowSeconds: 3600 };
// Call Centre Helper's worked example: 10 Erlangs = 200 contacts of 180 s in an hour, 20 s target.
const skill = { skillId: 7, skillName: 'Phone', serviceLevelThreshold: 20, serviceLevelGoal: 80 };
const summary = new Map([[7, { skillId: 7, contactsOffered: 200, averageHandleTime: 180, contactsWithinSLA: 170 }]]);

describe('buildSkillStatus', () => {
  it('predicts with Erlang C from the summary and activity, against the skill own targets', () => {
    const r = buildSkillStatus([skill], summary, [{ skillId: 7, agentsLoggedIn: 14, queueCount: 3 }], WINDOW);
    expect(r.skills[0]).toMatchObject({
      method: SKILL_STATUS_METHOD, slaSeconds: 20, target: 0.8, targetSource: 'skill', breachPredicted: false, observedServiceLevel: 0.85,
      inputs: { contactsOffered: 200, averageHandleTime: 180, agentsLoggedIn: 14, queueCount: 3, windowSeconds: 3600 }, missing: [],
    });
    expect(r.skills[0]?.predictedServiceLevel).toBeCloseTo(0.888, 3);
    expect(r.skills[0]?.predictedAsa).toBeCloseTo(7.8, 1);
    const thirteen = buildSkillStatus([skill], summary, [{ skillId: 7, agentsLoggedIn: 13 }], WINDOW).skills[0]!;
    expect(thirteen.predictedServiceLevel).toBeCloseTo(0.796, 3);
    expect(thirteen.breachPredicted).toBe(true);
  });

  it('flags win over the skill settings; unusable settings fall back to the defaults', () => {
    const r = buildSkillStatus([skill], summary, [{ skillId: 7, agentsLoggedIn: 14 }], { ...WINDOW, slaSeconds: 60, target: 0.95 });
    expect(r.skills[0]).toMatchObject({ slaSeconds: 60, target: 0.95, targetSource: 'flags' });
    const odd = buildSkillStatus([{ ...skill, serviceLevelGoal: 150 }], summary, [{ skillId: 7, agentsLoggedIn: 14 }], WINDOW);
    expect(odd.skills[0]).toMatchObject({ slaSeconds: 20, target: 0.8, targetSource: 'default' });
  });

  it('says no-data and names what was missing, never a breach; overload is a breach with no ASA', () => {
    const none = buildSkillStatus([skill], new Map(), [], WINDOW).skills[0]!;
    expect(none).toMatchObject({ method: 'no-data', breachPredicted: false, predictedServiceLevel: null, confidence: 0 });
    expect(none.missing).toEqual(['contactsOffered', 'averageHandleTime', 'agentsLoggedIn']);
    const over = buildSkillStatus([skill], summary, [{ skillId: 7, agentsLoggedIn: 10 }], WINDOW).skills[0]!;
    expect(over).toMatchObject({ breachPredicted: true, predictedAsa: null, predictedServiceLevel: 0 });
    const quiet = buildSkillStatus([skill], new Map([[7, { skillId: 7, contactsOffered: 0, averageHandleTime: 0 }]]), [{ skillId: 7, agentsLoggedIn: 0 }], WINDOW).skills[0]!;
    expect(quiet).toMatchObject({ method: SKILL_STATUS_METHOD, predictedServiceLevel: 1, breachPredicted: false });
  });

  it('sorts by name and renders every format', () => {
    const r = buildSkillStatus([{ ...skill, skillId: 8, skillName: 'B' }, { ...skill, skillName: 'A' }], summary, [{ skillId: 7, agentsLoggedIn: 14 }], WINDOW);
    expect(r.skills.map((s) => s.skillName)).toEqual(['A', 'B']);
    expect(renderSkillStatus(r, 'text', { color: false })).toContain('no-data (missing contactsOffered, averageHandleTime, agentsLoggedIn)');
    expect(renderSkillStatus(r, 'markdown', { color: false })).toMatch(/^## Skill status\n\n\| SKILL \|/);
    const html = renderSkillStatus(r, 'html', { color: false, tenant: 'h', generatedAt: 'T' });
    expect(html).toContain('<dt>METHOD</dt>');
    expect(JSON.parse(renderSkillStatus(r, 'json', { color: false })).kind).toBe('Skill');
  });
});
