import { describe, expect, it } from 'vitest';
import { attributeAgent, attributeField, describeAttribution, parseSkillApplyReport, sortWrites, type SkillWrite } from '../../src/insight/skill-reports.js';

const report = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
  formatVersion: 1, command: 'apply', startedAt: '2026-11-30T09:00:00.000Z', finishedAt: '2026-11-30T09:00:05.000Z', baseUrl: 'https://api.example/x', clientId: 'key', entries, ...extra,
});

function write(over: Partial<SkillWrite>): SkillWrite {
  return { file: 'cxq-reports/a.json', startedAt: 't0', finishedAt: '2026-11-30T09:00:05.000Z', clientId: 'key', skillId: 11, skillName: 'S', fields: [], agents: [], ...over };
}

describe('parseSkillApplyReport', () => {
  it('keeps applied skill entries (kind Skill with a numeric id, or a numeric skillId) and nothing else', () => {
    const parsed = parseSkillApplyReport(report([
      { kind: 'Skill', skillId: 11, skillName: 'A', outcome: 'applied', fields: [{ path: '/serviceLevelGoal', old: 80, new: 90 }], agents: [{ action: 'assign', userName: 'ana', agentId: 5, old: null, new: { proficiency: 2, active: true } }] },
      { kind: 'Skill', id: '12', name: 'B', outcome: 'applied' },
      { skillId: 13, outcome: 'failed', fields: [{ path: '/notes', new: 'x' }] },
      { id: 'queue-1', outcome: 'applied', fromVersion: 1, toVersion: 2 },
      { kind: 'Skill', id: 'abc', outcome: 'applied' },
      'junk',
    ]), 'cxq-reports/a.json');
    expect(parsed?.baseUrl).toBe('https://api.example/x');
    expect(parsed?.value.map((w) => [w.skillId, w.skillName])).toEqual([[11, 'A'], [12, 'B']]);
    expect(parsed?.value[0]).toMatchObject({ file: 'cxq-reports/a.json', clientId: 'key', fields: [{ path: '/serviceLevelGoal', old: 80, new: 90 }], agents: [{ agentId: 5, new: { proficiency: 2, active: true } }] });
    expect(parsed?.value[1]).toMatchObject({ fields: [], agents: [] });
  });

  it('is null for anything that is not an apply report v1', () => {
    expect(parseSkillApplyReport({ ...report([]), command: 'drift' }, 'f')).toBeNull();
    expect(parseSkillApplyReport({ ...report([]), formatVersion: 2 }, 'f')).toBeNull();
    expect(parseSkillApplyReport({ ...report([]), entries: {} }, 'f')).toBeNull();
    expect(parseSkillApplyReport([], 'f')).toBeNull();
  });
});

describe('attribution', () => {
  it('is cxq apply when the LAST cxq write of the field left the live value (compared as plan compares)', () => {
    const writes = sortWrites([
      write({ file: 'b.json', finishedAt: '2026-11-30T10:00:00.000Z', fields: [{ path: '/serviceLevelGoal', old: 90, new: 70 }] }),
      write({ file: 'a.json', finishedAt: '2026-11-30T09:00:00.000Z', fields: [{ path: '/serviceLevelGoal', old: 80, new: 90 }] }),
    ]);
    expect(attributeField(writes, 11, '/serviceLevelGoal', '70')).toEqual({ by: 'cxq-apply', at: '2026-11-30T10:00:00.000Z', report: 'b.json' });
    // 90 is what an older run wrote, but a later run wrote 70: it moved since, outside cxq.
    expect(attributeField(writes, 11, '/serviceLevelGoal', 90)).toEqual({ by: 'unknown' });
    expect(attributeField(writes, 12, '/serviceLevelGoal', 70)).toEqual({ by: 'unknown' });
    expect(attributeField(writes, 11, '/maxPriority', 70)).toEqual({ by: 'unknown' });
    expect(describeAttribution({ by: 'cxq-apply', at: 'T', report: 'r.json' })).toBe('last written by cxq apply at T (report r.json)');
    expect(describeAttribution({ by: 'unknown' })).toBe('changed outside cxq; the Admin API keeps no author for skills');
  });

  it('attributes agents by agentId, an unassign leaving no assignment', () => {
    const writes = [write({ agents: [
      { action: 'update', userName: 'ana', agentId: 5, old: { proficiency: 5, active: true }, new: { proficiency: 3, active: true } },
      { action: 'unassign', userName: null, agentId: 6, old: { proficiency: 1, active: true }, new: null },
    ] })];
    expect(attributeAgent(writes, 11, { agentId: 5, userName: 'ana' }, { proficiency: 3, active: true }).by).toBe('cxq-apply');
    expect(attributeAgent(writes, 11, { agentId: 5, userName: 'ana' }, { proficiency: 4, active: true }).by).toBe('unknown');
    expect(attributeAgent(writes, 11, { agentId: 6, userName: null }, null).by).toBe('cxq-apply');
    expect(attributeAgent(writes, 11, { agentId: 7, userName: 'zoe' }, null).by).toBe('unknown');
  });
});
