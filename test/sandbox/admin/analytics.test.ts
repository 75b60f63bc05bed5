import { describe, expect, it } from 'vitest';
import { api, skillId, start, testClock, token } from './helpers.js';

const WINDOW = 'startDate=2026-11-19T12:00:00.000Z&endDate=2026-11-20T12:00:00.000Z';

async function allCompleted(sb: Awaited<ReturnType<typeof start>>, tok: string, query: string) {
  const rows: any[] = [];
  let next: string | undefined = `${sb.apiBase}/contacts/completed?${query}&top=1000`;
  while (next) {
    const page = await api(sb, tok, 'GET', next);
    expect(page.status).toBe(200);
    rows.push(...page.body.completedContacts);
    next = page.body._links.next;
  }
  return rows;
}

describe('admin sandbox: summary and completed contacts', () => {
  it('a summary equals the counts of the completed contacts of the same window', async () => {
    const sb = await start({ now: testClock().now });
    const tok = await token(sb);
    for (const name of ['Support Phone', 'Billing Phone', 'Digital Messaging']) {
      const id = skillId(sb, name);
      const rows = await allCompleted(sb, tok, `skillId=${id}&${WINDOW}`);
      const summary = (await api(sb, tok, 'GET', `/skills/${id}/summary?${WINDOW}`)).body.skillSummaries[0];
      const handled = rows.filter((c) => !c.abandoned);
      const counted = rows.filter((c) => c.abandoned && c.serviceLevelFlag !== -1);
      expect(rows.length).toBeGreaterThan(20);
      expect(summary).toMatchObject({
        skillId: id,
        contactsOffered: rows.length,
        contactsHandled: handled.length,
        abandonCount: counted.length,
        contactsWithinSLA: rows.filter((c) => c.serviceLevelFlag === 1).length,
        contactsOutOfSLA: rows.filter((c) => c.serviceLevelFlag === 0).length,
        averageSpeedToAnswer: Math.round(handled.reduce((a, c) => a + c.inQueueSeconds, 0) / handled.length),
        abandonRate: Math.round((counted.length / rows.length) * 10000) / 100,
      });
      for (const c of rows) {
        expect(c.skillId).toBe(id);
        expect(Date.parse(c.contactStart)).toBeGreaterThanOrEqual(Date.parse('2026-11-19T12:00:00Z'));
        expect(c.inQueueSeconds + c.agentSeconds + c.ACWSeconds).toBe(c.totalDurationSeconds);
      }
    }
  });

  it('waits agree with serviceLevelThreshold, short abandons with the skill settings', async () => {
    const sb = await start({ now: testClock().now });
    const tok = await token(sb);
    const week = 'startDate=2026-11-13T12:00:00.000Z&endDate=2026-11-20T12:00:00.000Z';
    for (const name of ['Billing Phone', 'Digital Messaging']) {
      const skill = sb.state.skillByName(name)!;
      const rows = await allCompleted(sb, tok, `skillId=${skill.skillId}&${week}`);
      for (const c of rows) {
        const inSla = c.inQueueSeconds <= skill['serviceLevelThreshold']! ? 1 : 0;
        expect(c.isShortAbandon).toBe(c.abandoned && c.inQueueSeconds < skill['shortAbandonThreshold']!);
        expect(c.serviceLevelFlag).toBe(c.isShortAbandon && !skill['countShortAbandons'] ? -1 : inSla);
      }
      expect(rows.some((c) => c.isShortAbandon)).toBe(true);
    }
    const billing = sb.state.skillByName('Billing Phone')!;
    // A window that ended long before now: every contact in it completed whatever its wait.
    const past = 'startDate=2026-11-18T00:00:00.000Z&endDate=2026-11-19T00:00:00.000Z';
    const sl = (await api(sb, tok, 'GET', `/skills/${billing.skillId}/summary?${past}`)).body.skillSummaries[0];
    sb.state.editSkill(billing.skillId, { serviceLevelThreshold: 600 });
    const looser = (await api(sb, tok, 'GET', `/skills/${billing.skillId}/summary?${past}`)).body.skillSummaries[0];
    expect(looser.contactsOffered).toBe(sl.contactsOffered);
    expect(looser.contactsWithinSLA).toBeGreaterThanOrEqual(sl.contactsWithinSLA);
  });

  it('is deterministic for a seed; every skill has a summary; bad windows are 400', async () => {
    const a = await start({ now: testClock().now, seed: 5 });
    const b = await start({ now: testClock().now, seed: 5 });
    const [ta, tb] = [await token(a), await token(b)];
    const all = (await api(a, ta, 'GET', `/skills/summary?${WINDOW}`)).body.skillSummaries;
    expect(all).toEqual((await api(b, tb, 'GET', `/skills/summary?${WINDOW}`)).body.skillSummaries);
    expect(all.map((s: { skillId: number }) => s.skillId)).toEqual(a.state.listSkills().map((s) => s.skillId));
    for (const bad of ['startDate=yesterday', 'startDate=2026-11-20T12:00:00Z&endDate=2026-11-20T11:00:00Z', 'startDate=2026-01-01T00:00:00Z']) {
      expect((await api(a, ta, 'GET', `/skills/summary?${bad}`)).status).toBe(400);
    }
    expect((await api(a, ta, 'GET', '/contacts/completed?skillId=12')).status).toBe(400);
    expect((await api(a, ta, 'GET', '/skills/12/summary')).status).toBe(404);
  });
});

describe('admin sandbox: activity', () => {
  it('splits logged-in agents into working, available and idle, from active assignments; inSLA/outSLA are the last hour', async () => {
    const clock = testClock();
    const sb = await start({ now: clock.now, skills: 20 });
    const tok = await token(sb);
    const r = await api(sb, tok, 'GET', '/skills/activity');
    expect(r.body.lastPollTime).toBe('2026-11-20T12:00:00.000Z');
    expect(r.body.skillActivity).toHaveLength(33);
    for (const row of r.body.skillActivity) {
      const active = sb.state.assignments(row.skillId).filter((x) => x.isActive && sb.state.agents.agent(x.agentId)!.isActive).length;
      expect(row.agentsLoggedIn).toBe(row.agentsAvailable + row.agentsWorking + row.agentsIdle);
      expect(row.agentsLoggedIn).toBeLessThanOrEqual(active);
      if (row.queueCount > 0) {
        expect(row.agentsAvailable).toBe(0);
        expect(Date.parse(row.earliestQueueTime)).toBeLessThan(clock.now().getTime());
      } else expect(row.earliestQueueTime).toBeNull();
    }
    const id = skillId(sb, 'Support Phone');
    const one = (await api(sb, tok, 'GET', `/skills/${id}/activity`)).body.skillActivity;
    expect(one).toEqual([r.body.skillActivity.find((x: { skillId: number }) => x.skillId === id)]);
    const hour = await allCompleted(sb, tok, `skillId=${id}&startDate=2026-11-20T11:00:00.000Z&endDate=2026-11-20T12:00:00.000Z`);
    expect(one[0].inSLA).toBe(hour.filter((c) => c.serviceLevelFlag === 1).length);
    expect(one[0].outSLA).toBe(hour.filter((c) => c.serviceLevelFlag === 0).length);
    const off = (await api(sb, tok, 'GET', `/skills/${skillId(sb, 'Voicemail Callback')}/activity`)).body.skillActivity[0];
    expect(off).toMatchObject({ isActive: false, agentsLoggedIn: 0, queueCount: 0 });
  });
});
