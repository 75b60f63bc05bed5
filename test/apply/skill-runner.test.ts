import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from '../../src/apply/markdown.js';
import { renderApplySummary } from '../../src/apply/summary.js';
import { buildReport } from '../../src/apply/report.js';
import { runSkillApply } from '../../src/apply/skill-runner.js';
import { skillTasksFrom } from '../../src/apply/skill-tasks.js';
import type { JournalEvent } from '../../src/apply/types.js';
import { silentLogger } from '../../src/log.js';
import { planSkills } from '../../src/plan/skill-plan.js';
import { liveSkill, skillDef } from '../plan/skill-fixtures.js';
import { FakeSkillApi } from './fake-skill-api.js';

async function setup() {
  const api = new FakeSkillApi();
  api.skills.set(12, liveSkill({ skillId: 12, skillName: 'Billing Voice' }));
  const defs = [
    skillDef('kind: Skill\nskillName: Support Voice\nserviceLevelGoal: 90\n', 'skills/a.yaml'),
    skillDef('kind: Skill\nskillName: Billing Voice\nserviceLevelGoal: 80\n', 'skills/b.yaml'),
  ];
  const plan = planSkills({ definitions: defs, live: await api.listSkills(), assignments: new Map(), agents: [] });
  const events: JournalEvent[] = [];
  return { api, tasks: skillTasksFrom(plan.changes), events, journal: { append: (e: JournalEvent) => void events.push(e) } };
}

const META = { baseUrl: 'https://api.example.test', clientId: 'key-1', gitCommit: null, planChecksum: null };

describe('runSkillApply and the report of a skills run', () => {
  it('journals start (noops included), an attempt before each write, results and end; the report keys entries by skill', async () => {
    const { api, tasks, events, journal } = await setup();
    await runSkillApply(tasks, { api, mode: 'dir', directory: [], journal, logger: silentLogger(), signal: new AbortController().signal, meta: META, sleep: async () => undefined, readDelays: [] });
    expect(events.map((e) => e.type)).toEqual(['start', 'attempt', 'result', 'confirm', 'end']);
    expect(events[3]).toMatchObject({ confirmed: ['11'], unconfirmed: [] });
    expect(events[0]).toMatchObject({ dialect: 'admin', queues: [{ kind: 'Skill', skillId: 12, action: 'noop' }, { kind: 'Skill', skillId: 11, action: 'update' }] });
    const report = buildReport(events);
    expect(report.summary).toEqual({ applied: 1, failed: 0, skipped: 0, noop: 1 });
    expect(report.entries[0]).toEqual({ id: '12', name: 'Billing Voice', kind: 'Skill', skillId: 12, fingerprint: tasks[0]!.fingerprint, agents: [], outcome: 'noop', attempts: 0, fields: [] });
    const md = renderReportMarkdown(report);
    expect(md).toContain('| Outcome | Skill | Id | Fingerprint seen | Attempts |');
    expect(md).toContain('| applied | Support Voice | `11` |');
  });

  it('--recover: an attempt without a result is failed outcome.unknown; a skill never started is skipped', async () => {
    const { api, tasks, events, journal } = await setup();
    await runSkillApply(tasks, { api, mode: 'dir', directory: [], journal, logger: silentLogger(), signal: new AbortController().signal, meta: META, sleep: async () => undefined, readDelays: [] });
    const crashed = events.filter((e) => e.type === 'start' || e.type === 'attempt');
    const report = buildReport(crashed);
    expect(report.recovered).toBe(true);
    expect(report.entries.find((e) => e.skillId === 11)).toMatchObject({ kind: 'Skill', outcome: 'failed', error: { code: 'outcome.unknown' } });
    expect(report.entries.find((e) => e.skillId === 11)).not.toHaveProperty('fromVersion');
    const notStarted = buildReport([...events.filter((e) => e.type === 'start'), { type: 'end', at: 'x', interrupted: true } as JournalEvent]);
    expect(notStarted.entries.find((e) => e.skillId === 11)).toMatchObject({ outcome: 'skipped' });
  });

  it('after an abort no skill starts', async () => {
    const { api, tasks, events, journal } = await setup();
    const abort = new AbortController();
    abort.abort();
    const r = await runSkillApply(tasks, { api, mode: 'dir', directory: [], journal, logger: silentLogger(), signal: abort.signal, meta: META, readDelays: [] });
    expect(r.interrupted).toBe(true);
    expect(api.writes).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['start', 'end']);
  });

  it('the printed summary names a skill whose read-back did not confirm the write, and why', async () => {
    const { api, tasks, events, journal } = await setup();
    api.lagReads = 10;
    await runSkillApply(tasks, { api, mode: 'dir', directory: [], journal, logger: silentLogger(), signal: new AbortController().signal, meta: META, sleep: async () => undefined, readDelays: [0] });
    const text = renderApplySummary(buildReport(events));
    expect(text).toContain('  not confirmed: Support Voice (11): written, not confirmed: reads still show the old value of /serviceLevelGoal (read lag?)');
    expect(text).not.toContain('propagation still pending');
  });

  it('reads many written skills back with the list endpoint, not one GET each', async () => {
    const { api, events, journal } = await setup();
    for (let id = 20; id < 30; id++) api.skills.set(id, liveSkill({ skillId: id, skillName: `S${id}` }));
    const defs = [...api.skills.values()].map((s) => skillDef(`kind: Skill\nskillName: ${s.skillName}\nserviceLevelGoal: 95\n`, `skills/${s.skillId}.yaml`));
    const plan = planSkills({ definitions: defs, live: await api.listSkills(), assignments: new Map(), agents: [] });
    let gets = 0;
    api.beforeGet = () => void gets++;
    const lists = { n: 0 };
    const list = api.listSkills.bind(api);
    api.listSkills = async () => (lists.n++, list());
    await runSkillApply(skillTasksFrom(plan.changes), { api, mode: 'dir', directory: [], journal, logger: silentLogger(), signal: new AbortController().signal, meta: META, readDelays: [], liveCount: 12 });
    expect(gets).toBe(12); // the re-read right before each write, no read-back GET
    expect(lists.n).toBe(1);
    expect(buildReport(events).entries.every((e) => e.confirmed === true)).toBe(true);
  });
});
