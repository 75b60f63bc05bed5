import { describe, expect, it } from 'vitest';
import { toPutShape } from '../../../src/sandbox/admin/skill-shape.js';
import { api, skillId, start, token } from './helpers.js';

describe('admin sandbox: Accept', () => {
  it.each([[undefined], ['*/*'], ['text/html'], ['application/json;q=0']])('answers 406 "No known way to render data" for Accept %s', async (accept) => {
    const sb = await start();
    const tok = await token(sb);
    const headers: Record<string, string> = { authorization: `Bearer ${tok}` };
    if (accept !== undefined) headers['accept'] = accept;
    const id = skillId(sb, 'Support Phone');
    const before = sb.state.getSkill(id)!;
    const res = await fetch(`${sb.apiBase}/skills/${id}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ skill: { notes: 'x' } }) });
    expect(res.status).toBe(406);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('No known way to render data');
    expect(sb.state.getSkill(id)).toEqual(before);
  });

  it('serves Accept lists that name application/json', async () => {
    const sb = await start();
    const tok = await token(sb);
    expect((await api(sb, tok, 'GET', '/agents', { headers: { accept: 'text/html, application/json; q=0.5' } })).status).toBe(200);
    expect((await api(sb, tok, 'GET', '/agents', { headers: { accept: 'APPLICATION/JSON; charset=utf-8' } })).status).toBe(200);
  });
});

describe('admin sandbox: rate limit and faults (shared pipeline)', () => {
  it('answers 429 without Retry-After by default, with it under retryAfter; buckets are per access key', async () => {
    // 0.01/s: one token, then 100 s to the next, so the test never races the refill.
    const sb = await start({ rateLimit: 0.01 });
    const tok = await token(sb);
    expect((await api(sb, tok, 'GET', '/agents')).status).toBe(200);
    const limited = await api(sb, tok, 'GET', '/agents');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.body).toMatchObject({ error: 'TooManyRequests', message: expect.any(String) });
    const consoleTok = await token(sb, sb.consoleKey);
    expect((await api(sb, consoleTok, 'GET', '/agents')).status).toBe(200);
    sb.setFaults({ retryAfter: true });
    const header = (await api(sb, tok, 'GET', '/agents')).headers.get('retry-after');
    expect(Number(header)).toBeGreaterThanOrEqual(99);
    sb.setFaults({ rateLimit: 0 });
    expect((await api(sb, tok, 'GET', '/agents')).status).toBe(200);
  });

  it('answers 503 at faultRate and destroys connections at resetRate without applying a PUT', async () => {
    const sb = await start({ faultRate: 1 });
    const tok = await token(sb);
    const unavailable = await api(sb, tok, 'GET', '/skills');
    expect(unavailable).toMatchObject({ status: 503, body: { error: 'ServiceUnavailable' } });
    sb.setFaults({ faultRate: 0, resetRate: 1 });
    const id = skillId(sb, 'Support Phone');
    const skill = sb.state.getSkill(id)!;
    await expect(api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(skill), notes: 'x' } } })).rejects.toThrow();
    expect(sb.state.writeCount(id)).toBe(0);
    expect(sb.stats.resets).toBe(1);
  });

  it('applies a PUT whose answer is lost (lostResponseRate), and records it so in the request log', async () => {
    const sb = await start({ lostResponseRate: 1 });
    const tok = await token(sb);
    const id = skillId(sb, 'Support Phone');
    const skill = sb.state.getSkill(id)!;
    await expect(api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(skill), notes: 'lost' } } })).rejects.toThrow();
    expect(sb.state.getSkill(id)!.notes).toBe('lost');
    expect(sb.state.writeCount(id)).toBe(1);
    expect(sb.stats.lostResponses).toBe(1);
    expect(sb.requests.map((r) => [r.method, r.path, r.route, r.outcome])).toEqual([
      ['POST', '/authentication/v1/token/access-key', 'POST /authentication/v1/token/access-key', 200],
      ['PUT', `/inContactAPI/services/v33.0/skills/${id}`, 'PUT /skills/{skillId}', 'lost'],
    ]);
  });

  it('calls onRequest on arrival, before the request is handled (a console edit there lands before the write)', async () => {
    const sb = await start();
    const tok = await token(sb);
    const id = skillId(sb, 'Support Phone');
    const read = sb.state.getSkill(id)!;
    const seen: string[] = [];
    const off = sb.onRequest((r) => {
      seen.push(`${r.seq} ${r.route}${r.query}`);
      if (r.method === 'PUT') sb.state.editSkill(id, { serviceLevelGoal: 55 });
    });
    await api(sb, tok, 'GET', `/skills/${id}?x=1`);
    await api(sb, tok, 'PUT', `/skills/${id}`, { body: { skill: { ...toPutShape(read), notes: 'ours' } } });
    off();
    await api(sb, tok, 'GET', '/agents');
    expect(seen).toEqual(['2 GET /skills/{skillId}?x=1', '3 PUT /skills/{skillId}']);
    expect(sb.state.getSkill(id)).toMatchObject({ serviceLevelGoal: read.serviceLevelGoal, notes: 'ours' });
    expect(sb.state.writeCount(id)).toBe(2);
    expect(sb.requests).toHaveLength(4);
    expect(sb.stats.byRoute).toMatchObject({ 'GET /skills/{skillId}': 1, 'PUT /skills/{skillId}': 1, 'GET /agents': 1 });
    expect(sb.stats.puts).toBe(1);
  });

  it('answers unknown routes 404 and wrong methods 405 with Allow, in its own error body', async () => {
    const sb = await start();
    const tok = await token(sb);
    expect((await api(sb, tok, 'GET', '/queues')).body).toMatchObject({ error: 'NotFound' });
    const wrong = await api(sb, tok, 'DELETE', '/skills/1000001');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT');
    expect((await api(sb, undefined, 'GET', '/nowhere')).status).toBe(401);
  });

  it('refuses options out of range', async () => {
    await expect(start({ writeFailureRate: 2 })).rejects.toThrow(RangeError);
    await expect(start({ maxTop: 0 })).rejects.toThrow(RangeError);
    await expect(start({ accessKeyId: 'console' })).rejects.toThrow(RangeError);
  });
});
