import { describe, expect, it } from 'vitest';
import { toPutShape } from '../../../src/sandbox/admin/skill-shape.js';
import { api, skillId, start, token } from './helpers.js';

describe('admin sandbox: skills list', () => {
  it('pages with skip/top, clamps top to maxTop, carries totalRecords and _links.next until the last page', async () => {
    const sb = await start({ skills: 12, maxTop: 5 });
    const tok = await token(sb);
    const first = await api(sb, tok, 'GET', '/skills?top=500');
    expect(first.body.totalRecords).toBe(25);
    expect(first.body.skills).toHaveLength(5);
    expect(first.body._links.next).toBe(`${sb.apiBase}/skills?top=5&skip=5`);
    const seen: number[] = [];
    let next: string | undefined = `${sb.apiBase}/skills?top=5`;
    while (next) {
      const page = await api(sb, tok, 'GET', next);
      seen.push(...page.body.skills.map((s: { skillId: number }) => s.skillId));
      next = page.body._links.next;
    }
    expect(seen).toEqual(sb.state.listSkills().map((s) => s.skillId));
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    const past = await api(sb, tok, 'GET', '/skills?skip=100');
    expect(past.body).toMatchObject({ totalRecords: 25, skills: [] });
    expect(past.body._links.next).toBeUndefined();
    for (const bad of ['top=0', 'skip=-1', 'top=abc', 'isActive=yes', 'mediaTypeId=x']) {
      expect((await api(sb, tok, 'GET', `/skills?${bad}`)).status).toBe(400);
    }
  });

  it('filters by mediaTypeId, isActive and searchString (case-insensitive)', async () => {
    const sb = await start();
    const tok = await token(sb);
    const names = async (q: string) => (await api(sb, tok, 'GET', `/skills?${q}`)).body.skills.map((s: { skillName: string }) => s.skillName);
    expect(await names('mediaTypeId=4')).toEqual(['Support Phone', 'Billing Phone', 'Outbound Sales', 'Billing Voice', 'Support Voice', 'VIP Voice']);
    expect(await names('isActive=false')).toEqual(['Voicemail Callback', 'Collections SMS']);
    expect(await names('searchString=SUPPORT')).toEqual(['Support Phone', 'Support Email', 'Support Chat', 'Support Voice']);
    expect((await api(sb, tok, 'GET', '/skills?mediaTypeId=3&searchString=phone')).body).toMatchObject({ totalRecords: 0, skills: [] });
  });
});

describe('admin sandbox: skill GET and PUT shapes', () => {
  it('GET shows the GET spellings and read-only fields; wrapSkillGet wraps it in skills: [...]', async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Web Chat');
    const got = await api(sb, tok, 'GET', `/skills/${id}`);
    expect(got.body).toMatchObject({
      skillId: id,
      skillName: 'Web Chat',
      mediaTypeId: 3,
      mediaTypeName: 'Chat',
      campaignName: 'Digital Care',
      popThankYouURL: 'https://example.com/thanks',
      patronTypingPreview: true,
      screenPopTriggerEvent: 'LINKED',
      isOutbound: false,
    });
    for (const putName of ['mediatypeid', 'popThankYouUrl', 'patronTypingIndicator']) expect(got.body).not.toHaveProperty(putName);
    expect(got.body).toEqual(sb.state.getSkill(id));
    expect((await api(sb, tok, 'GET', '/skills/999')).status).toBe(404);
    expect((await api(sb, tok, 'GET', '/skills/abc')).status).toBe(400);
    sb.setFaults({ wrapSkillGet: true });
    expect((await api(sb, tok, 'GET', `/skills/${id}`)).body).toEqual({ skills: [got.body] });
  });

  it('a PUT of the skill as read, mapped to the PUT shape, is accepted and changes nothing else', async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Web Chat');
    const before = sb.state.getSkill(id)!;
    const body = { skill: { ...toPutShape(before), serviceLevelGoal: 95, screenPopTriggerEvent: 3, popThankYouUrl: 'https://example.com/bye' } };
    const r = await api(sb, tok, 'PUT', `/skills/${id}`, { body });
    expect(r).toMatchObject({ status: 200, body: { success: true, skillId: id } });
    expect(sb.state.getSkill(id)).toEqual({ ...before, serviceLevelGoal: 95, screenPopTriggerEvent: 'ACTIVE', popThankYouURL: 'https://example.com/bye' });
    expect(sb.state.writeCount(id)).toBe(1);
  });

  it.each([
    [{ mediaTypeId: 3 }, 'skill.mediaTypeId', 'mediatypeid'],
    [{ popThankYouURL: 'https://x.example' }, 'skill.popThankYouURL', 'popThankYouUrl'],
    [{ patronTypingPreview: true }, 'skill.patronTypingPreview', 'patronTypingIndicator'],
    [{ screenPopTriggerEvent: 'LINKED' }, 'skill.screenPopTriggerEvent', 'number'],
    [{ skillId: 1 }, 'skill.skillId', 'read-only'],
    [{ mediaTypeName: 'Chat' }, 'skill.mediaTypeName', 'read-only'],
    [{ notes: null }, 'skill.notes', 'null'],
    [{ serviceLevelGoal: 101 }, 'skill.serviceLevelGoal', 'from 0 to 100'],
    [{ isActive: 'yes' }, 'skill.isActive', 'true or false'],
    [{ mediatypeid: 4 }, 'skill.mediatypeid', 'cannot change'],
    [{ skillName: 'Support Phone' }, 'skill.skillName', 'name of skill'],
    [{ frobnicate: 1 }, 'skill.frobnicate', 'not a writable'],
  ])('refuses %j with a 400 naming the field, and applies nothing', async (change, field, words) => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Web Chat');
    const before = sb.state.getSkill(id)!;
    const r = await api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(before), ...change } } });
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field, message: expect.stringContaining(words) }]);
    expect(r.body.error_description).toContain(field);
    expect(sb.state.getSkill(id)).toEqual(before);
    expect(sb.state.writeCount(id)).toBe(0);
  });

  it('ignores read-only fields under readOnlyInPut: ignore; refuses bodies that are not { skill: {...} }', async () => {
    const sb = await start({ readOnlyInPut: 'ignore' });
    const tok = await token(sb);
    const id = skillId(sb, 'SMS Care');
    const before = sb.state.getSkill(id)!;
    const { skillId: _id, mediaTypeName, campaignName, scriptName, isOutbound, outboundStrategy, isRunning } = before;
    const readOnly = { skillId: 5, mediaTypeName, campaignName, scriptName, isOutbound, outboundStrategy, isRunning };
    const ok = await api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(before), ...readOnly, notes: 'x' } } });
    expect(ok.body).toEqual({ success: true, skillId: id });
    expect(sb.state.getSkill(id)).toEqual({ ...before, notes: 'x' });
    expect((await api(sb, tok, 'PUT', `/skills/${id}`, { body: toPutShape(before) })).status).toBe(400);
    expect((await api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: [] } })).status).toBe(400);
    expect((await api(sb, tok, 'PUT', '/skills/999', { body: { skill: {} } })).status).toBe(404);
  });

  it("putOmitted 'reset' (default) puts omitted fields back to defaults; 'keep' keeps them", async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Billing Phone');
    const before = sb.state.getSkill(id)!;
    expect(before).toMatchObject({ serviceLevelGoal: 90, enableShortAbandon: true, priorityBlending: true, campaignName: 'Inbound Service' });
    await api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { serviceLevelThreshold: 25 } } });
    expect(sb.state.getSkill(id)).toMatchObject({
      skillName: 'Billing Phone',
      mediaTypeId: 4,
      serviceLevelThreshold: 25,
      serviceLevelGoal: 80,
      enableShortAbandon: false,
      priorityBlending: false,
      campaignId: null,
      campaignName: null,
    });
    const other = skillId(sb, 'Support Phone');
    const kept = sb.state.getSkill(other)!;
    sb.setFaults({ putOmitted: 'keep' });
    await api(sb, tok, 'PUT', `/skills/${other}`, { body: { skill: { serviceLevelThreshold: 25 } } });
    expect(sb.state.getSkill(other)).toEqual({ ...kept, serviceLevelThreshold: 25 });
  });

  it('has no versions: the last writer wins, console edits included', async () => {
    const sb = await start();
    const tok = await token(sb);
    const consoleTok = await token(sb, sb.consoleKey);
    const id = skillId(sb, 'Support Phone');
    const read = sb.state.getSkill(id)!;
    await api(sb, consoleTok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(read), serviceLevelGoal: 60 } } });
    sb.state.editSkill(id, { notes: 'edited in the console' });
    const r = await api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(read), initialPriority: 7 } } });
    expect(r.body.success).toBe(true);
    expect(sb.state.getSkill(id)).toEqual({ ...read, initialPriority: 7 });
    expect(sb.state.writeCount(id)).toBe(3);
    expect(() => sb.state.editSkill(id, { serviceLevelGoal: 200 })).toThrow(/serviceLevelGoal/);
    expect(() => sb.state.editSkill(id, { mediaTypeName: 'x' })).toThrow(/not writable/);
  });
});

describe('admin sandbox: failures inside a 200', () => {
  it('failWrites answers 200 { success: false, error } and applies nothing; the next PUT succeeds', async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Support Email');
    const before = sb.state.getSkill(id)!;
    sb.state.failWrites(id, 1, 'Skill is locked by another process');
    const body = { skill: { ...toPutShape(before), serviceLevelGoal: 70 } };
    const failed = await api(sb, tok, 'PUT', `/skills/${id}`, { body });
    expect(failed).toMatchObject({ status: 200, body: { success: false, skillId: id, error: 'Skill is locked by another process' } });
    expect(sb.state.getSkill(id)).toEqual(before);
    expect(sb.state.writeCount(id)).toBe(0);
    expect((await api(sb, tok, 'PUT', `/skills/${id}`, { body })).body.success).toBe(true);
    expect(sb.state.getSkill(id)!.serviceLevelGoal).toBe(70);
  });

  it('writeFailureRate fails a seeded, replayable share of writes, none of them applied', async () => {
    const run = async (seed: number) => {
      const sb = await start({ writeFailureRate: 0.4, seed, skills: 30, sample: false });
      const tok = await token(sb);
      const outcomes: boolean[] = [];
      for (const s of sb.state.listSkills()) {
        const r = await api(sb, tok, 'PUT', `/skills/${s.skillId}`, { body: { skill: { ...toPutShape(s), notes: 'changed' } } });
        outcomes.push(r.body.success);
        expect(sb.state.getSkill(s.skillId)!.notes).toBe(r.body.success ? 'changed' : s.notes);
      }
      return outcomes;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(a.filter((x) => !x).length).toBeGreaterThan(5);
    expect(a.filter((x) => x).length).toBeGreaterThan(5);
  });
});

describe('admin sandbox: POST /skills', () => {
  it('creates each valid skill and reports each invalid one inside the 200', async () => {
    const sb = await start();
    const tok = await token(sb);
    const r = await api(sb, tok, 'POST', '/skills', {
      body: { skills: [{ skillName: 'New Chat', mediatypeid: 3, serviceLevelGoal: 90 }, { skillName: 'Support Phone', mediatypeid: 4 }, { skillName: 'No media' }] },
    });
    expect(r.status).toBe(200);
    expect(r.body.errorCount).toBe(2);
    expect(r.body.skillsResults.map((x: { success: boolean }) => x.success)).toEqual([true, false, false]);
    expect(r.body.skillsResults[1].error).toContain('skillName');
    const created = sb.state.skillByName('New Chat')!;
    expect(created).toMatchObject({ skillId: r.body.skillsResults[0].skillId, mediaTypeName: 'Chat', serviceLevelGoal: 90, isActive: true });
    expect((await api(sb, tok, 'POST', '/skills', { body: { skills: [] } })).status).toBe(400);
  });
});
