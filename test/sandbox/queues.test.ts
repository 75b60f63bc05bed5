import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { call, getToken } from './helpers.js';

describe('sandbox queue list and GET', () => {
  let sb: SandboxHandle;
  let token: string;
  beforeAll(async () => {
    sb = await startSandbox({ queues: 60 });
    token = await getToken(sb);
  });
  afterAll(() => sb.close());

  it('defaults to pageSize 25 and links the next page', async () => {
    const r = await call(sb, token, 'GET', '/api/v2/routing/queues');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ pageSize: 25, pageNumber: 1, total: 60 });
    expect(r.body.results).toHaveLength(25);
    expect(r.body.nextUri).toBe('/api/v2/routing/queues?pageSize=25&pageNumber=2');
  });

  it('follows nextUri to a last page with nextUri null, covering every queue once in (name, id) order', async () => {
    const names: string[] = [];
    let uri: string | null = '/api/v2/routing/queues?pageSize=7';
    let pages = 0;
    while (uri) {
      const r = await call(sb, token, 'GET', uri);
      names.push(...r.body.results.map((q: { name: string }) => q.name));
      uri = r.body.nextUri;
      pages += 1;
    }
    expect(pages).toBe(9);
    expect(names).toHaveLength(60);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(60);
  });

  it('accepts pageSize 1 and 500 and refuses 0 and 501 with a 400 naming pageSize', async () => {
    expect((await call(sb, token, 'GET', '/api/v2/routing/queues?pageSize=1')).body.results).toHaveLength(1);
    const max = await call(sb, token, 'GET', '/api/v2/routing/queues?pageSize=500');
    expect(max.body.results).toHaveLength(60);
    expect(max.body.nextUri).toBeNull();
    for (const bad of ['0', '501', 'abc', '2.5']) {
      const r = await call(sb, token, 'GET', `/api/v2/routing/queues?pageSize=${bad}`);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'bad.request', errors: [{ field: 'pageSize' }] });
    }
  });

  it('refuses pageNumber 0 and answers an empty last page past the end', async () => {
    const r = await call(sb, token, 'GET', '/api/v2/routing/queues?pageNumber=0');
    expect(r.status).toBe(400);
    expect(r.body.errors).toEqual([{ field: 'pageNumber', message: expect.any(String) }]);
    const past = await call(sb, token, 'GET', '/api/v2/routing/queues?pageSize=50&pageNumber=3');
    expect(past.body).toMatchObject({ results: [], total: 60, nextUri: null });
  });

  it('GETs one queue by id and answers 404 not.found for an unknown one', async () => {
    const first = sb.state.listQueues()[0]!;
    const r = await call(sb, token, 'GET', `/api/v2/routing/queues/${first.id}`);
    expect(r.body).toEqual(first);
    const missing = await call(sb, token, 'GET', '/api/v2/routing/queues/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ status: 404, code: 'not.found', message: expect.stringContaining('00000000') });
  });

  it('pages skills with total and nextUri', async () => {
    const r = await call(sb, token, 'GET', '/api/v2/routing/skills?pageSize=15');
    expect(r.body.total).toBe(20);
    expect(r.body.results[0]).toEqual({ id: expect.any(String), name: expect.any(String) });
    const next = await call(sb, token, 'GET', r.body.nextUri);
    expect(next.body.results).toHaveLength(5);
    expect(next.body.nextUri).toBeNull();
  });

  it('answers 404 JSON for an unknown route and 405 with Allow for a wrong method', async () => {
    const unknown = await call(sb, token, 'GET', '/api/v2/routing/wrapupcodes');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not.found');
    const wrong = await call(sb, token, 'DELETE', `/api/v2/routing/queues/${sb.state.listQueues()[0]!.id}`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, PUT');
    expect(wrong.body).toMatchObject({ status: 405, code: 'method.not.allowed' });
  });

  it('reports health, and the state can degrade it', async () => {
    expect((await call(sb, token, 'GET', '/api/v2/health')).body).toEqual({
      status: 'Healthy',
      components: [{ name: 'routing', status: 'Healthy' }],
    });
    sb.state.setHealth('Degraded');
    expect((await call(sb, token, 'GET', '/api/v2/health')).body.status).toBe('Degraded');
    sb.state.setHealth('Healthy');
  });

  it('counts requests by route and status', () => {
    expect(sb.stats.byRoute['GET /api/v2/routing/queues']).toBeGreaterThan(10);
    expect(sb.stats.byStatus[400]).toBeGreaterThanOrEqual(5);
    expect(sb.stats.tokenRequests).toBe(1);
  });
});

describe('sandbox health option', () => {
  it('starts Unhealthy when asked', async () => {
    const sb = await startSandbox({ health: 'Unhealthy' });
    try {
      const r = await call(sb, await getToken(sb), 'GET', '/api/v2/health');
      expect(r.body.status).toBe('Unhealthy');
    } finally {
      await sb.close();
    }
  });
});
