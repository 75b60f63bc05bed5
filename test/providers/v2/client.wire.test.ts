import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, CredentialsError, CxqError } from '../../../src/errors.js';
import { type Queue } from '../../../src/model/queue.js';
import { ALL_SCOPES } from '../../../src/providers/v2/types.js';
import { BASE, SECRET, TOKEN, TOKEN2, makeClient, setupNock, tokenOk } from './helpers.js';

const Q = '/api/v2/routing/queues';
const queue = (id: string, version = 1): Queue => ({ id, name: `Queue ${id}`, version, customField: { keep: true } });
const row = (waitTimeRange: string) => ({ queue: { id: 'a' }, waitTimeRange, abandonedCount: 1, answeredCount: 4, waitTime: 20 });
const entry = (id: string) => ({
  id, timestamp: '2026-11-20T09:14:03.120Z', action: 'Update', resourceType: 'Queue', resourceId: 'q1',
  user: { id: 'u1', name: 'U' }, changes: [{ field: 'maxWaitTime', oldValue: 1, newValue: 2 }],
});
const err = (status: number, code: string, message: string, extra: object = {}) => ({ status, code, message, ...extra });

describe('CxoneClient on the wire', () => {
  beforeEach(setupNock);
  afterEach(() => nock.cleanAll());

  it('asks for a token with the exact form body and sends it as a bearer header', async () => {
    const seen: { body?: string; type?: string } = {};
    const scope = nock(BASE)
      .post('/api/v2/oauth/token', (body: unknown) => {
        seen.body = typeof body === 'string' ? body : new URLSearchParams(body as Record<string, string>).toString();
        return true;
      })
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600, scope: ALL_SCOPES.join(' ') })
      .get('/api/v2/health')
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .matchHeader('accept', 'application/json')
      .reply(200, { status: 'Healthy', components: [] });
    const { client } = makeClient();
    await expect(client.health()).resolves.toEqual({ status: 'Healthy', components: [] });
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: SECRET,
      scope: ALL_SCOPES.join(' '),
    });
    expect(scope.isDone()).toBe(true);
    expect(client.stats).toEqual({ requests: 2, retries: 0, throttled: 0, tokenRequests: 1 });
  });

  it('PUTs the whole object with If-Match, JSON content type and the same version in the body', async () => {
    let body: unknown;
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/q%201`, (b: unknown) => ((body = b), true))
      .matchHeader('if-match', '7')
      .matchHeader('content-type', 'application/json')
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .reply(200, { ...queue('q 1', 8) });
    const { client } = makeClient();
    const updated = await client.putQueue({ ...queue('q 1', 3), maxWaitTime: 300 }, 7);
    expect(updated.version).toBe(8);
    expect(body).toEqual({ id: 'q 1', name: 'Queue q 1', version: 7, customField: { keep: true }, maxWaitTime: 300 });
    expect(scope.isDone()).toBe(true);
  });

  it('lists queues with pageSize 500 and follows nextUri across 3 pages', async () => {
    const scope = tokenOk(nock(BASE))
      .get(Q).query({ pageSize: '500', pageNumber: '1' })
      .reply(200, { results: [queue('a')], pageNumber: 1, nextUri: `${Q}?pageSize=500&pageNumber=2` })
      .get(Q).query({ pageSize: '500', pageNumber: '2' })
      .reply(200, { results: [queue('b')], pageNumber: 2, nextUri: `${Q}?pageSize=500&pageNumber=3` })
      .get(Q).query({ pageSize: '500', pageNumber: '3' })
      .reply(200, { results: [queue('c')], pageNumber: 3, nextUri: null });
    const { client } = makeClient();
    expect((await client.listQueues()).map((q) => q.id)).toEqual(['a', 'b', 'c']);
    expect(scope.isDone()).toBe(true);
    expect(client.stats.requests).toBe(4);
  });

  it('stops on a repeated nextUri instead of looping', async () => {
    tokenOk(nock(BASE))
      .get('/api/v2/routing/skills').query(true).reply(200, { results: [{ id: 's', name: 'S' }], nextUri: '/api/v2/routing/skills?page=2' })
      .get('/api/v2/routing/skills').query({ page: '2' }).times(2).reply(200, { results: [], nextUri: '/api/v2/routing/skills?page=2' });
    const { client } = makeClient();
    await expect(client.listSkills()).rejects.toThrow('pagination would never end');
  });

  it('follows the analytics cursor with POST and an empty body', async () => {
    const bodies: unknown[] = [];
    const scope = tokenOk(nock(BASE))
      .post('/api/v2/analytics/queues/data/query', (b: unknown) => (bodies.push(b), true))
      .reply(200, { results: [row('0-30')], nextUri: '/api/v2/analytics/queues/data/query?cursor=c2' })
      .post('/api/v2/analytics/queues/data/query', (b: unknown) => (bodies.push(b), true))
      .query({ cursor: 'c2' })
      .matchHeader('content-length', '0')
      .reply(200, { results: [row('30-60')] });
    const { client } = makeClient();
    const rows = await client.queueDistribution(['a'], { startDate: 'now-7d', endDate: 'now' });
    expect(rows.map((r) => r.waitTimeRange)).toEqual(['0-30', '30-60']);
    expect(bodies[0]).toEqual({
      dateRange: { startDate: 'now-7d', endDate: 'now' },
      groupBy: ['waitTimeRange', 'queue'],
      metrics: ['abandonedCount', 'waitTime'],
      selectors: [{ id: 'a', type: 'queue' }],
      pageSize: 500,
    });
    expect(bodies[1]).toBe('');
    expect(scope.isDone()).toBe(true);
  });

  it('follows the audit cursor with GET', async () => {
    const scope = tokenOk(nock(BASE))
      .get('/api/v2/audit')
      .query({ resourceId: 'q1', resourceType: 'Queue', action: 'Update', startTime: 'now-1d', endTime: 'now', pageSize: '100' })
      .reply(200, { results: [entry('a1')], nextUri: '/api/v2/audit?cursor=x' })
      .get('/api/v2/audit').query({ cursor: 'x' })
      .reply(200, { results: [entry('a2')] });
    const { client } = makeClient();
    expect((await client.audit({ resourceId: 'q1', startTime: 'now-1d' })).map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(scope.isDone()).toBe(true);
  });

  it('batches queue details at 100 selectors per query', async () => {
    const sizes: number[] = [];
    tokenOk(nock(BASE))
      .post('/api/v2/analytics/queues/details/query', (b: { selectors: { id: string }[]; dateRange: unknown; groupBy: unknown }) => {
        sizes.push(b.selectors.length);
        return JSON.stringify(b.dateRange) === '{"startDate":"now-5m","endDate":"now"}' && JSON.stringify(b.groupBy) === '["queue"]';
      })
      .times(3)
      .reply(200, (_uri, b) => ({ metrics: (b as { selectors: { id: string }[] }).selectors.map((s) => ({ queue: { id: s.id }, occupancy: 0.5, waitTime: 10, abandonedCount: 1, answeredCount: 9 })) }));
    const { client } = makeClient();
    const ids = Array.from({ length: 201 }, (_, i) => `q${i}`);
    const rows = await client.queueDetails(ids);
    expect(rows.map((r) => r.queue.id)).toEqual(ids);
    expect(sizes.sort((a, b) => a - b)).toEqual([1, 100, 100]);
    expect(await client.queueDetails([])).toEqual([]);
  });

  it('refreshes the token once after a 401 and retries the request', async () => {
    const scope = tokenOk(nock(BASE))
      .get(`${Q}/a`).matchHeader('authorization', `Bearer ${TOKEN}`).reply(401, err(401, 'unauthorized', 'expired'));
    tokenOk(scope, TOKEN2)
      .get(`${Q}/a`).matchHeader('authorization', `Bearer ${TOKEN2}`).reply(200, queue('a'));
    const { client } = makeClient();
    expect((await client.getQueue('a')).id).toBe('a');
    expect(scope.isDone()).toBe(true);
    expect(client.stats).toEqual({ requests: 4, retries: 1, throttled: 0, tokenRequests: 2 });
  });

  it('turns a second 401 into a CredentialsError naming the variables and the scopes', async () => {
    const scope = tokenOk(nock(BASE)).get(`${Q}/a`).reply(401, err(401, 'unauthorized', 'bad token'));
    tokenOk(scope, TOKEN2).get(`${Q}/a`).reply(401, err(401, 'unauthorized', 'bad token'));
    const { client } = makeClient();
    const e = (await client.getQueue('a').catch((x: unknown) => x)) as CredentialsError;
    expect(e).toBeInstanceOf(CredentialsError);
    expect(e.message).toBe(`GET ${Q}/a failed: HTTP 401 unauthorized: bad token`);
    expect(e.hint).toContain('CXONE_CLIENT_ID and CXONE_CLIENT_SECRET');
    expect(e.hint).toContain(ALL_SCOPES.join(' '));
    expect(scope.isDone()).toBe(true);
  });

  it('10 concurrent requests share one token request, and one refresh after they all get 401', async () => {
    const scope = tokenOk(nock(BASE))
      .get('/api/v2/health').times(10).reply(401, err(401, 'unauthorized', 'expired'));
    tokenOk(scope, TOKEN2)
      .get('/api/v2/health').matchHeader('authorization', `Bearer ${TOKEN2}`).times(10).reply(200, { status: 'Healthy', components: [] });
    const { client } = makeClient({ concurrency: 10 });
    await Promise.all(Array.from({ length: 10 }, () => client.health()));
    expect(client.stats.tokenRequests).toBe(2);
    expect(scope.isDone()).toBe(true);
  });

  it('maps a 401 from the token endpoint to a CredentialsError naming the scopes, without retrying', async () => {
    const scope = nock(BASE).post('/api/v2/oauth/token').reply(401, err(401, 'invalid_client', 'unknown client'));
    const { client } = makeClient();
    const e = (await client.health().catch((x: unknown) => x)) as CredentialsError;
    expect(e).toBeInstanceOf(CredentialsError);
    expect(e.message).toBe('POST /api/v2/oauth/token failed: HTTP 401 invalid_client: unknown client');
    expect(e.hint).toBe(`Check CXONE_CLIENT_ID and CXONE_CLIENT_SECRET (or CXONE_CLIENT_SECRET_FILE); the scopes requested were: ${ALL_SCOPES.join(' ')}.`);
    expect(scope.isDone()).toBe(true);
    expect(client.stats.requests).toBe(1);
  });

  it('maps 400 invalid_scope from the token endpoint to a CredentialsError naming the scopes', async () => {
    nock(BASE).post('/api/v2/oauth/token').reply(400, err(400, 'invalid_scope', 'audit:read not allowed'));
    const { client } = makeClient();
    const e = (await client.health().catch((x: unknown) => x)) as CredentialsError;
    expect(e).toBeInstanceOf(CredentialsError);
    expect(e.hint).toContain(`not allowed the scopes requested (${ALL_SCOPES.join(' ')})`);
  });

  it('names the missing scope of a 403, from the message or else from the endpoint', async () => {
    tokenOk(nock(BASE))
      .get('/api/v2/audit').query(true).reply(403, err(403, 'missing.scope', 'token lacks audit:read'))
      .put(`${Q}/a`).reply(403, err(403, 'missing.scope', 'forbidden'));
    const { client } = makeClient();
    const e1 = (await client.audit({ startTime: 'now-1d' }).catch((x: unknown) => x)) as ApiError;
    expect(e1.hint).toBe('The API client lacks the scope audit:read: grant it to the client in CXone, then retry.');
    const e2 = (await client.putQueue(queue('a'), 1).catch((x: unknown) => x)) as ApiError;
    expect(e2.status).toBe(403);
    expect(e2.hint).toContain('routing:queues:write');
    expect(client.stats.retries).toBe(0);
  });

  it('never retries 409 or 412, and says what to do', async () => {
    const scope = tokenOk(nock(BASE))
      .put(`${Q}/a`).reply(409, err(409, 'conflict', 'version mismatch'))
      .put(`${Q}/b`).reply(412, err(412, 'precondition.required', 'If-Match required'));
    const { client } = makeClient();
    const e409 = (await client.putQueue(queue('a'), 1).catch((x: unknown) => x)) as ApiError;
    expect(e409).toBeInstanceOf(ApiError);
    expect([e409.status, e409.code, e409.serverMessage, e409.method, e409.path]).toEqual([409, 'conflict', 'version mismatch', 'PUT', `${Q}/a`]);
    expect(e409.hint).toContain('Someone else changed this queue');
    const e412 = (await client.putQueue(queue('b'), 1).catch((x: unknown) => x)) as ApiError;
    expect(e412.status).toBe(412);
    expect(scope.isDone()).toBe(true);
    expect(client.stats).toMatchObject({ requests: 3, retries: 0 });
  });

  it('surfaces the errors[] of a 400 and names the fields in the hint', async () => {
    tokenOk(nock(BASE)).put(`${Q}/a`).reply(400, err(400, 'bad.request', 'validation failed', {
      errors: [{ field: 'maxWaitTime', message: 'must be between 10 and 7200' }, { field: 'skills[0].id', message: 'unknown skill' }],
    }));
    const { client } = makeClient();
    const e = (await client.putQueue(queue('a'), 1).catch((x: unknown) => x)) as ApiError;
    expect(e.errors).toEqual([
      { field: 'maxWaitTime', message: 'must be between 10 and 7200' },
      { field: 'skills[0].id', message: 'unknown skill' },
    ]);
    expect(e.hint).toBe('The server rejected maxWaitTime, skills[0].id: fix the definition (cxq validate) and retry.');
  });

  it('copes with a non-JSON error body and a 404', async () => {
    tokenOk(nock(BASE))
      .get(`${Q}/gone`).reply(404, err(404, 'not.found', 'no such queue'))
      .get('/api/v2/health').reply(400, '<html><body>Bad gateway config</body></html>', { 'content-type': 'text/html' });
    const { client } = makeClient();
    const e404 = (await client.getQueue('gone').catch((x: unknown) => x)) as ApiError;
    expect(e404.hint).toContain('The queue no longer exists');
    const eHtml = (await client.health().catch((x: unknown) => x)) as ApiError;
    expect(eHtml).toBeInstanceOf(ApiError);
    expect(eHtml.code).toBe('http.400');
    expect(eHtml.serverMessage).toBe('<html><body>Bad gateway config</body></html>');
  });

  it('refuses a nextUri pointing at another host (the token would follow it)', async () => {
    tokenOk(nock(BASE)).get('/api/v2/routing/skills').query(true).reply(200, { results: [], nextUri: 'https://evil.example/steal' });
    const { client } = makeClient();
    await expect(client.listSkills()).rejects.toBeInstanceOf(CxqError);
  });
});
