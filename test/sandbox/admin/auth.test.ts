import { describe, expect, it } from 'vitest';
import { api, start, testClock, token, tokenRequest } from './helpers.js';

const claims = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

describe('admin sandbox: access-key token', () => {
  it('answers access_token, bearer, expires_in and an id_token JWT carrying tenantId, iss and exp', async () => {
    const clock = testClock();
    const sb = await start({ tokenTtlSeconds: 900, tenantId: 'tenant-abc', now: clock.now });
    const res = await tokenRequest(sb, { accessKeyId: 'sandbox', accessKeySecret: 'sandbox' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string | number>;
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 900, id_token: expect.any(String) });
    const parts = String(body['id_token']).split('.');
    expect(parts).toHaveLength(3);
    expect(JSON.parse(Buffer.from(parts[0]!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    const c = claims(String(body['id_token']));
    expect(c).toMatchObject({ tenantId: 'tenant-abc', iss: sb.baseUrl, exp: Date.parse('2026-11-20T12:00:00Z') / 1000 + 900 });
  });

  it('accepts the console key and a configured key, and refuses wrong secrets, unknown keys and bad bodies', async () => {
    const sb = await start({ accessKeyId: 'ci-key', accessKeySecret: 'hunter2' });
    expect((await tokenRequest(sb, { accessKeyId: 'ci-key', accessKeySecret: 'hunter2' })).status).toBe(200);
    expect((await tokenRequest(sb, sb.consoleKey)).status).toBe(200);
    const wrong = await tokenRequest(sb, { accessKeyId: 'ci-key', accessKeySecret: 'sandbox' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    expect((await tokenRequest(sb, { accessKeyId: 'sandbox', accessKeySecret: 'sandbox' })).status).toBe(401);
    expect((await tokenRequest(sb, 'accessKeyId=ci-key', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await tokenRequest(sb, { accessKeyId: 'ci-key' })).status).toBe(400);
    expect((await fetch(`${sb.baseUrl}/authentication/v1/token/access-key`)).status).toBe(405);
    expect(sb.stats.tokenRequests).toBe(7);
  });

  it('answers 401 for a missing, unknown or expired token, and after expireTokens()', async () => {
    const clock = testClock();
    const sb = await start({ tokenTtlSeconds: 60, now: clock.now });
    const tok = await token(sb);
    expect((await api(sb, tok, 'GET', '/skills')).status).toBe(200);
    expect((await api(sb, undefined, 'GET', '/skills')).status).toBe(401);
    expect((await api(sb, 'not-a-token', 'GET', '/skills')).status).toBe(401);
    clock.advance(59_999);
    expect((await api(sb, tok, 'GET', '/skills')).status).toBe(200);
    clock.advance(1);
    const expired = await api(sb, tok, 'GET', '/skills');
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: 'Unauthorized', message: expect.stringContaining('expired') });
    const fresh = await token(sb);
    expect((await api(sb, fresh, 'GET', '/skills')).status).toBe(200);
    sb.expireTokens();
    expect((await api(sb, fresh, 'GET', '/skills')).status).toBe(401);
  });
});

describe('admin sandbox: discovery and versions', () => {
  it('discovers itself as the API host for its tenant; other tenants 404, none 400', async () => {
    const sb = await start();
    const tok = await token(sb);
    const res = await fetch(`${sb.baseUrl}/.well-known/cxone-configuration?tenantId=${claims(await idToken(sb)).tenantId}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ api_endpoint: sb.baseUrl, auth_endpoint: sb.baseUrl, area: expect.any(String), cluster: expect.any(String), domain: expect.any(String) });
    expect((await fetch(`${sb.baseUrl}/.well-known/cxone-configuration?tenantId=someone-else`)).status).toBe(404);
    expect((await fetch(`${sb.baseUrl}/.well-known/cxone-configuration`)).status).toBe(400);
    expect((await api(sb, tok, 'GET', `${sb.baseUrl}/inContactAPI/services/v20.0/skills`)).status).toBe(200);
    expect((await api(sb, tok, 'GET', `${sb.baseUrl}/inContactAPI/services/v33.0/skills`)).status).toBe(200);
    for (const v of ['v19.0', 'v34.0', 'v33.1', 'latest']) {
      expect((await api(sb, tok, 'GET', `${sb.baseUrl}/inContactAPI/services/${v}/skills`)).status).toBe(404);
    }
  });

  it('serves the range it is given', async () => {
    const sb = await start({ versions: { min: 30, max: 31 } });
    const tok = await token(sb);
    expect((await api(sb, tok, 'GET', `${sb.baseUrl}/inContactAPI/services/v31.0/agents`)).status).toBe(200);
    expect((await api(sb, tok, 'GET', `${sb.baseUrl}/inContactAPI/services/v33.0/agents`)).status).toBe(404);
  });
});

async function idToken(sb: Parameters<typeof token>[0]): Promise<string> {
  return ((await (await tokenRequest(sb, sb.accessKey)).json()) as { id_token: string }).id_token;
}
