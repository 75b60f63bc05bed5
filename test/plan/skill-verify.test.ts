import { describe, expect, it } from 'vitest';
import { agentChangesNotHeld, checkSkillWrite } from '../../src/plan/skill-verify.js';
import type { AgentChange } from '../../src/plan/types.js';
import { liveSkill } from './skill-fixtures.js';

describe('checkSkillWrite', () => {
  it('proves a write whose declared fields hold and whose other fields did not move', () => {
    const before = liveSkill();
    const after = liveSkill({ serviceLevelGoal: 90, notes: 'First line\n', isRunning: true, campaignName: 'Renamed' });
    expect(checkSkillWrite(before, after, { serviceLevelGoal: 90, notes: 'First line' })).toEqual({ notHeld: [], disturbed: [] });
    expect(checkSkillWrite({ ...before, emailBccAddress: null }, liveSkill({ serviceLevelGoal: 90 }), { serviceLevelGoal: 90 })).toEqual({ notHeld: [], disturbed: [] });
    // An undeclared note that moved (even by whitespace only) is a disturbance: only declared fields are normalised.
    expect(checkSkillWrite(before, after, { serviceLevelGoal: 90 }).disturbed.map((d) => d.path)).toEqual(['/notes']);
  });

  it('names declared fields that do not hold and other fields that moved', () => {
    const before = liveSkill();
    const after = liveSkill({ serviceLevelGoal: 80, campaignId: 9, screenPopTriggerEvent: undefined });
    expect(checkSkillWrite(before, after, { serviceLevelGoal: 90 })).toEqual({
      notHeld: [{ path: '/serviceLevelGoal', expected: 90, got: 80 }],
      disturbed: [
        { path: '/campaignId', expected: 3, got: 9 },
        { path: '/screenPopTriggerEvent', expected: 'LINKED', got: null },
      ],
    });
  });
});

describe('agentChangesNotHeld', () => {
  const planned: AgentChange[] = [
    { action: 'assign', userName: 'a', agentId: 1, old: null, new: { proficiency: 2, active: true } },
    { action: 'update', userName: 'b', agentId: 2, old: { proficiency: 5, active: true }, new: { proficiency: 3, active: true } },
    { action: 'unassign', userName: 'c', agentId: 3, old: { proficiency: 1, active: true }, new: null },
  ];

  it('is empty when the read-back shows every change', () => {
    expect(agentChangesNotHeld(planned, [{ agentId: 1, proficiency: 2, active: true }, { agentId: 2, proficiency: 3, active: true }, { agentId: 9, proficiency: 1, active: true }])).toEqual([]);
  });

  it('names each change the read-back does not show', () => {
    const after = [{ agentId: 2, proficiency: 5, active: true }, { agentId: 3, proficiency: 1, active: true }];
    expect(agentChangesNotHeld(planned, after).map((c) => c.userName)).toEqual(['a', 'b', 'c']);
  });
});
