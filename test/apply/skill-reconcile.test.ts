import { describe, expect, it } from 'vitest';
import { reconcileSkill, type SkillReconcileDeps } from '../../src/apply/skill-reconcile.js';
import { skillTasksFrom, type SkillTask } from '../../src/apply/skill-tasks.js';
import type { ApplyMode } from '../../src/apply/types.js';
import { silentLogger } from '../../src/log.js';
import { planSkills } from '../../src/plan/skill-plan.js';
import { skillDef } from '../plan/skill-fixtures.js';
import { FakeSkillApi } from './fake-skill-api.js';

const DEF = 'kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\nagents:\n  ana.garcia: { proficiency: 3 }\n  ben.okafor: { proficiency: 4 }\n';

async function taskFor(api: FakeSkillApi, yaml = DEF): Promise<SkillTask> {
  const plan = planSkills({ definitions: [skillDef(yaml)], live: await api.listSkills(), assignments: await api.assignments([11]), agents: await api.listAgents() });
  expect(plan.problems).toEqual([]);
  return skillTasksFrom(plan.changes)[0]!;
}

function deps(api: FakeSkillApi, mode: ApplyMode = 'dir', over: Partial<SkillReconcileDeps> = {}): SkillReconcileDeps & { attempts: unknown[] } {
  const attempts: unknown[] = [];
  return {
    api, mode, directory: [{ agentId: 101, userName: 'ana.garcia' }, { agentId: 102, userName: 'ben.okafor' }],
    sleep: async () => undefined, logger: silentLogger(), readDelays: [0, 0, 0],
    onAttempt: (a) => void attempts.push(a), attempts, ...over,
  };
}

describe('reconcileSkill', () => {
  it('writes the skill as read with only the declared fields replaced, then change and assign, and confirms', async () => {
    const api = new FakeSkillApi();
    const task = await taskFor(api);
    const d = deps(api);
    const entry = await reconcileSkill(task, d);
    expect(entry).toMatchObject({ kind: 'Skill', skillId: 11, outcome: 'applied', attempts: 3, confirmed: true });
    expect(api.writes.map((w) => w.kind)).toEqual(['skill', 'assign', 'change']);
    expect(api.writes[0]!.body).toMatchObject({ serviceLevelGoal: 90, campaignId: 3, notes: 'First line', screenPopTriggerEvent: 'LINKED' });
    expect(d.attempts).toEqual([
      expect.objectContaining({ attempt: 1, write: 'skill', reason: 'initial', fingerprint: task.fingerprint }),
      expect.objectContaining({ attempt: 2, write: 'assign' }),
      expect.objectContaining({ attempt: 3, write: 'change' }),
    ]);
  });

  it('--plan: a moved declared value fails as stale naming it, nothing written', async () => {
    const api = new FakeSkillApi();
    const task = await taskFor(api);
    api.skills.get(11)!.serviceLevelGoal = 70;
    const entry = await reconcileSkill(task, deps(api, 'plan'));
    expect(entry).toMatchObject({ outcome: 'failed', attempts: 0, error: { code: 'stale' } });
    expect(entry.error!.message).toContain('/serviceLevelGoal moved');
    expect(api.writes).toEqual([]);
  });

  it('--plan: a moved assignment of a declared agent is stale too; an undeclared field moving is not', async () => {
    const api = new FakeSkillApi();
    const task = await taskFor(api);
    api.skills.get(11)!.campaignId = 9;
    api.assigned.set(11, [{ agentId: 101, proficiency: 2, active: true }]);
    const entry = await reconcileSkill(task, deps(api, 'plan'));
    expect(entry.error!.message).toContain('/agents/101 moved');
    expect(entry.error!.message).not.toContain('campaignId');
  });

  it('--dir: re-plans on the fresh read; a move to the desired value leaves nothing to write (noop)', async () => {
    const api = new FakeSkillApi();
    const task = await taskFor(api, 'kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\n');
    api.skills.get(11)!.serviceLevelGoal = 90;
    const entry = await reconcileSkill(task, deps(api));
    expect(entry).toMatchObject({ outcome: 'noop', conflicts: 1, attempts: 0 });
    expect(api.writes).toEqual([]);
  });

  it('a failure inside a 200 fails the skill with the server message; a later write of the skill is not sent', async () => {
    const api = new FakeSkillApi();
    api.behaviour.assign = 'reject';
    const entry = await reconcileSkill(await taskFor(api), deps(api));
    expect(entry).toMatchObject({ outcome: 'failed', attempts: 2, error: { status: 200, code: 'write.rejected' } });
    expect(entry.error!.message).toBe('after the skill write(s) of this skill succeeded: Skill is locked');
    expect(api.writes.map((w) => w.kind)).toEqual(['skill', 'assign']);
  });

  it('a lost answer whose write landed: applied, unproven answer noted, never re-sent', async () => {
    const api = new FakeSkillApi();
    api.behaviour.skill = 'lost-applied';
    const entry = await reconcileSkill(await taskFor(api), deps(api));
    expect(entry).toMatchObject({ outcome: 'applied', confirmed: true });
    expect(entry.unprovenAnswer).toContain('skill write');
    expect(api.writes.filter((w) => w.kind === 'skill')).toHaveLength(1);
  });

  it('a lost answer whose write did not land: failed outcome.unknown after bounded re-reads, never re-sent', async () => {
    const api = new FakeSkillApi();
    api.behaviour.skill = 'lost-not-applied';
    const reads: number[] = [];
    api.beforeGet = (id) => void reads.push(id);
    const entry = await reconcileSkill(await taskFor(api), deps(api));
    expect(entry).toMatchObject({ outcome: 'failed', error: { code: 'outcome.unknown' } });
    expect(api.writes).toHaveLength(1);
    expect(reads).toHaveLength(1 + 4); // the pre-write read, then the first settle read and 3 more
  });

  it('read lag: the read-back waits out reads showing the old value; past the budget, written but not confirmed', async () => {
    const api = new FakeSkillApi();
    api.lagReads = 2;
    const ok = await reconcileSkill(await taskFor(api, 'kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\n'), deps(api));
    expect(ok).toMatchObject({ outcome: 'applied', confirmed: true });
    const api2 = new FakeSkillApi();
    api2.lagReads = 10;
    const lagging = await reconcileSkill(await taskFor(api2, 'kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\n'), deps(api2));
    expect(lagging).toMatchObject({ outcome: 'applied', confirmed: false });
    expect(lagging.unconfirmedReason).toContain('reads still show the old value of /serviceLevelGoal');
    expect(api2.writes).toHaveLength(1);
  });

  it('a third value after the write is another writer: reported, not written again', async () => {
    const api = new FakeSkillApi();
    const task = await taskFor(api, 'kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\n');
    let gets = 0;
    api.beforeGet = (id) => {
      if (++gets === 2) api.skills.get(id)!.serviceLevelGoal = 75;
    };
    const entry = await reconcileSkill(task, deps(api));
    expect(entry).toMatchObject({ outcome: 'applied', confirmed: false });
    expect(entry.unconfirmedReason).toBe('written, then another writer changed /serviceLevelGoal; not written again');
    expect(api.writes).toHaveLength(1);
  });

  it('interrupted between the writes of a skill: no further write, failed naming what was written', async () => {
    const api = new FakeSkillApi();
    const abort = new AbortController();
    const d = deps(api, 'dir', { signal: abort.signal, onAttempt: () => abort.abort() });
    const entry = await reconcileSkill(await taskFor(api), d);
    expect(api.writes.map((w) => w.kind)).toEqual(['skill']);
    expect(entry).toMatchObject({ outcome: 'failed', error: { code: 'interrupted' } });
    expect(entry.error!.message).toContain('after the skill write(s)');
  });

  it('agentsExclusive unassigns each undeclared agent with its own DELETE', async () => {
    const api = new FakeSkillApi();
    api.assigned.set(11, [{ agentId: 101, proficiency: 3, active: true }, { agentId: 102, proficiency: 5, active: true }]);
    const entry = await reconcileSkill(await taskFor(api, 'kind: Skill\nskillName: Support Voice\nagentsExclusive: true\nagents:\n  ana.garcia: { proficiency: 3 }\n'), deps(api));
    expect(entry).toMatchObject({ outcome: 'applied', confirmed: true });
    expect(api.writes).toEqual([{ kind: 'unassign', skillId: 11, body: 102 }]);
  });
});
