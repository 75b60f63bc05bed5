import { describe, expect, it } from 'vitest';
import { driftFingerprint } from '../../src/drift/report.js';
import { buildSkillDriftReport, NO_AUTHOR_NOTE } from '../../src/drift/skill-report.js';
import { renderSkillDriftMarkdown, renderSkillDriftText } from '../../src/drift/skill-render.js';
import type { SkillPlan } from '../../src/plan/skill-plan.js';
import type { SkillChange } from '../../src/plan/types.js';

function change(skillId: number, name: string, over: Partial<SkillChange> = {}): SkillChange {
  return {
    kind: 'Skill', skillId, skillName: name, action: 'update', fields: [], agents: [],
    desired: { fields: {}, agentsExclusive: false }, observed: { fields: {} }, fingerprint: 'sha256:x', ...over,
  };
}

const drifted = (order: 'ab' | 'ba'): SkillPlan => {
  const a = change(1, 'A', { fields: [{ path: '/serviceLevelGoal', old: 42, new: 80 }] });
  const b = change(2, 'B', { agents: [{ action: 'update', userName: 'ana', agentId: 9, old: { proficiency: 9, active: true }, new: { proficiency: 1, active: true } }] });
  return { changes: order === 'ab' ? [a, b] : [b, a], problems: [], unmanaged: [{ skillId: 3, skillName: 'C' }] };
};

describe('buildSkillDriftReport', () => {
  it('every update is drift; unmanaged is not; the no-author note is always there', () => {
    const r = buildSkillDriftReport({ plan: drifted('ab'), writes: [], generatedAt: 'T' });
    expect(r).toMatchObject({ kind: 'Skill', inSync: false, summary: { managed: 2, drifted: 2, unmanaged: 1 }, unmanaged: [{ skillId: 3 }] });
    expect(r.notes).toEqual([NO_AUTHOR_NOTE]);
    expect(r.drifted[0]).toEqual({ skillId: 1, skillName: 'A', modifiedBy: null, agents: [], fields: [{ path: '/serviceLevelGoal', live: 42, desired: 80, lastWrite: { by: 'unknown' } }] });
    expect(r.drifted[1]?.agents[0]).toMatchObject({ live: { proficiency: 9 }, desired: { proficiency: 1 } });
    const quiet = buildSkillDriftReport({ plan: { changes: [change(1, 'A', { action: 'noop' })], problems: [], unmanaged: [] }, writes: [], generatedAt: 'T' });
    expect(quiet).toMatchObject({ inSync: true, drifted: [], fingerprint: driftFingerprint([]) });
    expect(quiet.notes).toEqual([NO_AUTHOR_NOTE]);
  });

  it('has one fingerprint per distinct drift: order, time and attribution do not enter it', () => {
    const one = buildSkillDriftReport({ plan: drifted('ab'), writes: [], generatedAt: 'T1' });
    const writes = [{ file: 'f', startedAt: 's', finishedAt: 'e', clientId: null, skillId: 1, skillName: 'A', fields: [{ path: '/serviceLevelGoal', old: 80, new: 42 }], agents: [] }];
    const two = buildSkillDriftReport({ plan: drifted('ba'), writes, generatedAt: 'T2' });
    expect(two.drifted.find((d) => d.skillId === 1)?.fields[0]?.lastWrite.by).toBe('cxq-apply');
    expect(two.fingerprint).toBe(one.fingerprint);
    const other = drifted('ab');
    other.changes[0]!.fields[0]!.old = 43;
    expect(buildSkillDriftReport({ plan: other, writes: [], generatedAt: 'T' }).fingerprint).not.toBe(one.fingerprint);
  });

  it('renders fields with their attribution and agents with the plan agent lines', () => {
    const r = buildSkillDriftReport({ plan: drifted('ab'), writes: [], generatedAt: 'T' });
    const text = renderSkillDriftText(r, false);
    expect(text).toContain('! A (skill 1)\n    serviceLevelGoal: live 42, desired 80\n      changed outside cxq; the Admin API keeps no author for skills');
    expect(text).toContain('    agents (what apply would do):\n      ~ agent ana: proficiency 9 → 1');
    expect(text).toContain('Drift: 2 of 2 managed skills drifted');
    expect(text).toContain('1 live skill not managed by any definition (not drift).');
    const md = renderSkillDriftMarkdown(r);
    expect(md).toContain('| A | `serviceLevelGoal` | `42` | `80` | changed outside cxq');
    expect(md).toContain('| B | `agent ana` |');
    expect(md).toContain(`> **Note:** ${NO_AUTHOR_NOTE.slice(0, 20)}`);
  });
});
