/**
 * The second admin server, black box over HTTP: auth and discovery, conventions (Accept, versions,
 * paging, `_links`), the wrapped GET, the PUT's shape and semantics, extra fields, rate limiting
 * and the request log. Each test proves one listed difference, so the server can be trusted when
 * the real client is run against it.
 */
import { describe, expect, it } from 'vitest';
import { boot, claimsOf, rows, type Json } from './admin-test-kit.js';

describe('auth and discovery', () => {
  it('issues 5-second tokens with an id_token JWT carrying tenantId; expiry follows the clock', async () => {
    const { s, clock, call } = await boot();
    const r = await fetch(`${s.url}/authentication/v1/token/access-key`, {
      method: 'POST', body: JSON.stringify({ accessKeyId: s.accessKey.id, accessKeySecret: s.accessKey.secret }),
    });
    const body = (await r.json()) as Json;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 5 });
    expect(claimsOf(String(body['id_token']))['tenantId']).toBe(s.tenantId);
    const token = String(body['access_token']);
    clock.t += 4_999;
    expect((await call('GET', '/skills', { token })).status).toBe(200);
    clock.t += 1;
    const late = await call('GET', '/skills', { token });
    expect(late.status).toBe(401);
    expect(late.json['error_description']).toMatch(/expired/);
    expect(late.json['message']).toBeUndefined();
  });

  it('refuses a wrong secret (401) and a body without the key (400)', async () => {
    const { s } = await boot();
    const post = (body: Json): Promise<Response> =>
      fetch(`${s.url}/authentication/v1/token/access-key`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ accessKeyId: s.accessKey.id, accessKeySecret: 'nope' })).status).toBe(401);
    expect((await post({ accessKeyId: s.accessKey.id })).status).toBe(400);
  });

  it('discovery names its own origin as api_endpoint for its tenant, 404 for another', async () => {
    const { s } = await boot();
    const r = await fetch(`${s.url}/.well-known/cxone-configuration?tenantId=${s.tenantId}`);
    expect(await r.json()).toMatchObject({ api_endpoint: s.url, auth_endpoint: s.url, area: 'na1' });
    expect((await fetch(`${s.url}/.well-known/cxone-configuration?tenantId=someone-else`)).status).toBe(404);
  });
});

describe('conventions', () => {
  it('serves v33.0 and v30.0, nothing else', async () => {
    const { call } = await boot();
    expect((await call('GET', '/skills', { version: 'v30.0' })).status).toBe(200);
    expect((await call('GET', '/skills', { version: 'v33.0' })).status).toBe(200);
    expect((await call('GET', '/skills', { version: 'v32.0' })).status).toBe(404);
  });

  it('answers 406 "No known way to render data" unless Accept names application/json', async () => {
    const { call } = await boot();
    for (const accept of [null, '*/*', 'text/html']) {
      const r = await call('GET', '/skills', { accept });
      expect([r.status, r.text]).toEqual([406, 'No known way to render data']);
    }
    expect((await call('GET', '/skills', { accept: 'text/html, application/json;q=0.9' })).status).toBe(200);
  });

  it('skills list: totalRecords, no _links, ordered by name ignoring case, default top 10, top above 50 clamped', async () => {
    const { call } = await boot({ extraSkills: 60 });
    const first = await call('GET', '/skills');
    expect(first.json['totalRecords']).toBe(66);
    expect(first.json['_links']).toBeUndefined();
    expect(rows(first, 'skills')).toHaveLength(10);
    const big = await call('GET', '/skills?top=100&skip=0');
    expect(rows(big, 'skills')).toHaveLength(50);
    const names = rows(big, 'skills').map((x) => String(x['skillName']));
    expect(names.slice(0, 3)).toEqual(['Billing Email', 'Bulk Skill 0000', 'Bulk Skill 0001']);
    const last = await call('GET', '/skills?top=100&skip=50');
    expect(rows(last, 'skills').map((x) => x['skillName']).slice(-4)).toEqual(['returns work item', 'Sales Inbound Phone', 'SMS Care', 'Support Chat']);
    expect((await call('GET', '/skills?top=-1')).status).toBe(400);
  });

  it('skills list filters by mediaTypeId, isActive and searchString', async () => {
    const { call } = await boot();
    const ids = async (q: string): Promise<unknown[]> => rows(await call('GET', `/skills?${q}`), 'skills').map((x) => x['skillId']);
    expect(await ids('mediaTypeId=3')).toEqual([3101]);
    expect(await ids('isActive=false')).toEqual([3410]);
    expect(await ids('searchString=CHAT')).toEqual([3101]);
  });

  it('/agents carries _links.next (null on the last page); a skill\'s assignments only _links.self', async () => {
    const { s, call, token } = await boot();
    const p1 = await call('GET', '/agents?top=5');
    expect(p1.json['totalRecords']).toBe(8);
    const next = String((p1.json['_links'] as Json)['next']);
    expect(next.startsWith(`${s.apiBase}/agents?`)).toBe(true);
    const p2 = (await (await fetch(next, { headers: { accept: 'application/json', authorization: `bearer ${await token()}` } })).json()) as Json;
    expect((p2['agents'] as Json[]).map((a) => a['agentId'])).toEqual([118_185, 118_222, 118_259]);
    expect((p2['_links'] as Json)['next']).toBeNull();
    const a = await call('GET', '/skills/3107/agents');
    expect(Object.keys(a.json['_links'] as Json)).toEqual(['self']);
  });
});

describe('skills', () => {
  it('GET /skills/{id} is wrapped in skills: [ … ], with unknown fields top-level and nested', async () => {
    const { call } = await boot();
    const r = await call('GET', '/skills/3101');
    const list = rows(r, 'skills');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      skillId: 3101, mediaTypeId: 3, screenPopTriggerEvent: 'ACTIVE', popThankYouURL: 'https://example.com/thanks',
      patronTypingPreview: true, routingHints: { overflowGroup: 'g1' }, secondServerRevision: 'r7',
    });
    expect((list[0]?.['dispositions'] as Json[])[0]).toHaveProperty('colourHint');
    expect(r.json['businessUnitId']).toBe(4_600_123);
    expect((await call('GET', '/skills/999')).status).toBe(404);
  });

  it('a PUT keeps omitted fields, ignores read-only and unknown ones, and wants numbers for screenPopTriggerEvent', async () => {
    const { s, call } = await boot();
    const before = s.getSkill(3107) as Json;
    const put = await call('PUT', '/skills/3107', {
      body: { skill: { maxSecondsACW: 99, screenPopTriggerEvent: 3, skillId: 1, mediaTypeName: 'Fax', campaignName: 'x', isRunning: false, madeUp: 1 } },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({ success: true, skillId: 3107 });
    expect(s.getSkill(3107)).toEqual({ ...before, maxSecondsACW: 99, screenPopTriggerEvent: 'ACTIVE' });
  });

  it('a PUT with a GET spelling, a string trigger event, a null or a media type change is 400, and nothing changes', async () => {
    const { s, call } = await boot();
    const before = s.getSkill(3101);
    const bad: [Json, string][] = [
      [{ mediaTypeId: 3 }, 'the PUT spelling is mediatypeid'], [{ popThankYouURL: 'https://e.com' }, 'the PUT spelling is popThankYouUrl'],
      [{ patronTypingPreview: false }, 'the PUT spelling is patronTypingIndicator'], [{ screenPopTriggerEvent: 'ACTIVE' }, 'a number is expected'],
      [{ notes: null }, 'null is not accepted'], [{ mediatypeid: 4 }, 'cannot be changed'], [{ serviceLevelGoal: 101 }, 'from 0 to 100'],
      [{ skillName: 'SMS Care' }, 'already used'],
    ];
    for (const [skill, message] of bad) {
      const r = await call('PUT', '/skills/3101', { body: { skill: { maxSecondsACW: 5, ...skill } } });
      expect([r.status, r.json['error_description']]).toEqual([400, expect.stringContaining(message)]);
    }
    expect((await call('PUT', '/skills/3101', { body: { maxSecondsACW: 5 } })).status).toBe(400);
    expect(s.getSkill(3101)).toEqual(before);
    const good = await call('PUT', '/skills/3101', { body: { skill: { mediatypeid: 3, popThankYouUrl: 'https://e.com/t', patronTypingIndicator: false } } });
    expect(good.status).toBe(200);
    expect(s.getSkill(3101)).toMatchObject({ popThankYouURL: 'https://e.com/t', patronTypingPreview: false });
  });

  it('POST /skills answers per-item results in a 200', async () => {
    const { call } = await boot();
    const r = await call('POST', '/skills', { body: { skills: [{ skillName: 'New Voice', mediatypeid: 4 }, { skillName: 'SMS Care', mediatypeid: 7 }] } });
    expect(r.status).toBe(200);
    expect(r.json['errorCount']).toBe(1);
    expect((r.json['skillsResults'] as Json[]).map((x) => x['success'])).toEqual([true, false]);
  });
});

describe('rate limit and the request log', () => {
  it('a token bucket of burst 1 answers 429 without Retry-After; the console key is not limited', async () => {
    const { s, clock, call, token } = await boot({ rateLimitPerS: 2 });
    await call('GET', '/skills'); // the client's token is fetched first; token calls are not limited
    const second = await call('GET', '/skills');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeNull();
    const consoleToken = await token(s.consoleKey);
    expect((await call('GET', '/skills', { token: consoleToken })).status).toBe(200);
    clock.t += 499;
    expect((await call('GET', '/skills')).status).toBe(429);
    clock.t += 1;
    expect((await call('GET', '/skills')).status).toBe(200);
  });

  it('records method, path, arrival time, key and status of every request', async () => {
    const { s, clock, call, token } = await boot();
    await call('GET', '/skills?top=3');
    clock.t += 1234;
    await call('PUT', '/skills/3200', { token: await token(s.consoleKey), body: { skill: { notes: 'edited in the console' } } });
    const t0 = Date.parse('2026-12-01T10:00:00.000Z');
    expect(s.requests.map((r) => [r.method, r.path, r.at - t0, r.key, r.status])).toEqual([
      ['POST', '/authentication/v1/token/access-key', 0, 'client', 200],
      ['GET', '/inContactAPI/services/v33.0/skills?top=3', 0, 'client', 200],
      ['POST', '/authentication/v1/token/access-key', 1234, 'console', 200],
      ['PUT', '/inContactAPI/services/v33.0/skills/3200', 1234, 'console', 200],
    ]);
    expect(s.writes).toEqual([{ at: t0 + 1234, by: 'console', skillId: 3200, what: 'skill', fields: ['notes'] }]);
  });
});
