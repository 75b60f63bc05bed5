import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { call, getToken, tokenRequest } from './helpers.js';

const good = { grant_type: 'client_credentials', client_id: 'sandbox', client_secret: 'sandbox' };

describe('sandbox token endpoint', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await startSandbox({ queues: 2, grantScopes: ['routing:queues:read', 'health:read', 'audit:read'] });
  });
  afterAll(() => sb.close());

  it('grants the requested scopes that the client may have, with the token type and lifetime', async () => {
    const res = await tokenRequest(sb, { ...good, scope: 'routing:queues:read routing:queues:write health:read' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'routing:queues:read health:read' });
    expect(typeof body['access_token']).toBe('string');
  });

  it('answers 401 invalid_client for a wrong secret or an unknown client id', async () => {
    for (const form of [{ ...good, client_secret: 'wrong' }, { ...good, client_id: 'other' }]) {
      const res = await tokenRequest(sb, form);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ status: 401, code: 'invalid_client' });
    }
  });

  it('answers 400 invalid_scope naming an unknown scope', async () => {
    const res = await tokenRequest(sb, { ...good, scope: 'routing:queues:read routing:queues:delete' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('invalid_scope');
    expect(body.message).toContain('routing:queues:delete');
  });

  it('refuses a JSON token request and a wrong grant type', async () => {
    const json = await tokenRequest(sb, good, 'application/json');
    expect(json.status).toBe(400);
    const grant = await tokenRequest(sb, { ...good, grant_type: 'password' });
    expect(((await grant.json()) as { code: string }).code).toBe('unsupported_grant_type');
  });

  it('accepts HTTP Basic client authentication', async () => {
    const res = await fetch(`${sb.baseUrl}/api/v2/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=health%3Aread',
    });
    expect(res.status).toBe(200);
  });

  it('answers 401 unauthorized for a missing, malformed or unknown token', async () => {
    for (const token of [undefined, '', 'not-a-token']) {
      const r = await call(sb, token, 'GET', '/api/v2/routing/queues');
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ status: 401, code: 'unauthorized', message: expect.any(String) });
    }
  });

  it('answers 403 missing.scope naming the scope the endpoint needs', async () => {
    const token = await getToken(sb, ['routing:queues:read', 'health:read', 'audit:read']);
    const q = sb.state.listQueues()[0]!;
    const r = await call(sb, token, 'PUT', `/api/v2/routing/queues/${q.id}`, { body: q, headers: { 'if-match': '1' } });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ code: 'missing.scope' });
    expect(r.body.message).toContain('routing:queues:write');
    const a = await call(sb, token, 'POST', '/api/v2/analytics/queues/details/query', { body: { selectors: [] } });
    expect(a.body.message).toContain('analytics:queues:read');
    expect(sb.state.writeCount(q.id)).toBe(0);
  });

  it('answers 401 after expireTokens(), and a new token works', async () => {
    const token = await getToken(sb, ['health:read']);
    expect((await call(sb, token, 'GET', '/api/v2/health')).status).toBe(200);
    sb.expireTokens();
    expect((await call(sb, token, 'GET', '/api/v2/health')).status).toBe(401);
    expect((await call(sb, await getToken(sb, ['health:read']), 'GET', '/api/v2/health')).status).toBe(200);
  });
});

describe('sandbox token lifetime', () => {
  it('honours tokenTtlSeconds on the clock: valid until expires_in, 401 from then on', async () => {
    let t = Date.parse('2026-11-20T09:00:00Z');
    const sb = await startSandbox({ tokenTtlSeconds: 60, now: () => new Date(t) });
    try {
      const res = await tokenRequest(sb, { ...good, scope: 'health:read' });
      const body = (await res.json()) as { access_token: string; expires_in: number };
      expect(body.expires_in).toBe(60);
      t += 59_999;
      expect((await call(sb, body.access_token, 'GET', '/api/v2/health')).status).toBe(200);
      t += 1;
      expect((await call(sb, body.access_token, 'GET', '/api/v2/health')).status).toBe(401);
    } finally {
      await sb.close();
    }
  });

  it('uses the configured client credentials', async () => {
    const sb = await startSandbox({ clientId: 'ci-bot', clientSecret: 's3cr3t' });
    try {
      expect((await tokenRequest(sb, good)).status).toBe(401);
      const ok = await tokenRequest(sb, { ...good, client_id: 'ci-bot', client_secret: 's3cr3t' });
      expect(ok.status).toBe(200);
    } finally {
      await sb.close();
    }
  });
});
