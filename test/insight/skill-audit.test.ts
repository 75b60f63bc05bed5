import { describe, expect, it } from 'vitest';
import { renderSkillAudit } from '../../src/insight/render/skill-audit.js';
import { buildSkillAudit, SKILL_AUDIT_NOTE } from '../../src/insight/skill-audit.js';
import type { SkillWrite } from '../../src/insight/skill-reports.js';

const w = (skillId: number, finishedAt: string, file = 'cxq-reports/a.json'): SkillWrite => ({
  file, startedAt: finishedAt, finishedAt, clientId: 'key', skillId, skillName: 'old name',
  fields: [{ path: '/serviceLevelGoal', old: 80, new: 90 }], agents: [{ action: 'unassign', userName: null, agentId: 4, old: { proficiency: 2, active: true }, new: null }],
});

describe('buildSkillAudit', () => {
  it('keeps the managed skills writes since the start, oldest first, named as live, and says where they come from', () => {
    const r = buildSkillAudit({
      since: '2026-11-01T00:00:00.000Z',
      skills: [{ skillId: 1, skillName: 'A' }, { skillId: 2, skillName: 'B' }],
      writes: [w(2, '2026-11-20T00:00:00.000Z', 'b.json'), w(1, '2026-11-10T00:00:00.000Z'), w(1, '2026-10-01T00:00:00.000Z'), w(9, '2026-11-15T00:00:00.000Z')],
    });
    expect(r.entries.map((e) => [e.skillId, e.skillName, e.timestamp])).toEqual([[1, 'A', '2026-11-10T00:00:00.000Z'], [2, 'B', '2026-11-20T00:00:00.000Z']]);
    expect(r).toMatchObject({ kind: 'Skill', source: 'cxq-apply-reports', notes: [SKILL_AUDIT_NOTE], summary: { entries: 2, reports: 2, bySkill: [{ skillId: 1, changes: 1 }, { skillId: 2, changes: 1 }] } });
    expect(renderSkillAudit(r, 'text')).toContain('A (skill 1)  cxq key: serviceLevelGoal: 80 -> 90; - agent #4 (was proficiency 2, active)  [cxq-reports/a.json]');
    expect(renderSkillAudit(r, 'markdown')).toContain(`> **Note:** ${SKILL_AUDIT_NOTE}`);
    const csv = renderSkillAudit(r, 'csv').split('\r\n');
    expect(csv[1]).toMatch(/^2026-11-10T00:00:00.000Z,1,A,cxq,key,serviceLevelGoal agents,/);
  });
});
