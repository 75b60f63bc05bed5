import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CredentialsError, CxqError } from '../../../src/errors.js';
import { adminRefreshSkewMs, tenantIdOf } from '../../../src/providers/admin/auth.js';
import { setupNock } from '../v2/helpers.js';
import { API, AUTH, DISCOVERY, ID_TOKEN, KEY_ID, KEY_SECRET, SERVICES, TENANT, TOKEN, TOKEN2, jwt, makeAdmin, skill, tokenBody } from './helpers.js';

const TOKEN_PATH = '/authentication/v1/token/access-key';
const list = (n: number) => ({ totalRecords: n, skills: Array.from({ length: n }, (_, i) => skill(i + 1)) });

describe('admin authentication and discovery on the wire', () => {
  beforeEach(setupNock);
  afterEach(() => {
    nock.cleanAll();
    vi.useRealTimers();
  });

  it('posts the access key as JSON, discovers the API host from the id_token and calls it with the token', async () => {
    let tokenRequest: unknown;
    const auth = nock(AUTH)
      .post(TOKEN_PATH, (b: unknown) => ((tokenRequest = b), true))
      .matchHeader('content-type', 'application/json')
      .matchHeader('accept', 'application/json')
      .reply(200, tokenBody());
    const discovery = nock(DISCOVERY)
      .get('/.well-known/cxone-configuration')
      .query({ tenantId: TENANT })
      .reply(200, { api_endpoint: API, auth_endpoint: AUTH, area: 'na1', cluster: 'C32', domain: 'niceincontact.com' });
    const api = nock(API)
      .get(`${SERVICES}/skills`)
      .query({ skip: '0', top: '100' })
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .matchHeader('accept', 'application/json')
      .reply(200, list(2));
    const { client } = makeAdmin();
    expect((await client.listSkills()).map((s) => s.skillId)).toEqual([1, 2]);
    expect(tokenRequest).toEqual({ accessKeyId: KEY_ID, accessKeySecret: KEY_SECRET });
    expect(client.baseUrl).toBe(`${API}${SERVICES}`);
    expect([auth.isDone(), discovery.isDone(), api.isDone()]).toEqual([true, true, true]);
    expect(client.stats).toEqual({ requests: 3, retries: 0, throttled: 0, tokenRequests: 2 });
  });

  it('shares one token request and one discovery among concurrent first calls', async () => {
    const auth = nock(AUTH).post(TOKEN_PATH).once().reply(200, tokenBody());
    const discovery = nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).once().reply(200, { api_endpoint: API });
    nock(API).get(/\/skills\/\d+$/).times(5).reply(200, (uri) => skill(Number(uri.split('/').pop())));
    const { client } = makeAdmin();
    const got = await Promise.all([1, 2, 3, 4, 5].map((id) => client.getSkill(id)));
    expect(got.map((s) => s.skillId)).toEqual([1, 2, 3, 4, 5]);
    expect([auth.isDone(), discovery.isDone()]).toEqual([true, true]);
    expect(client.stats.tokenRequests).toBe(2);
  });

  it('reaches a loopback sandbox: discovery on the token host, a plain-http loopback API host', async () => {
    const LOCAL = 'http://127.0.0.1:8471';
    nock(LOCAL)
      .post(TOKEN_PATH).reply(200, tokenBody())
      .get('/.well-known/cxone-configuration').query({ tenantId: TENANT }).reply(200, { api_endpoint: LOCAL })
      .get(`${SERVICES}/skills/9`).reply(200, skill(9));
    const { client } = makeAdmin({ authUrl: LOCAL, discoveryUrl: LOCAL });
    await expect(client.getSkill(9)).resolves.toMatchObject({ skillId: 9 });
    expect(client.baseUrl).toBe(`${LOCAL}${SERVICES}`);
  });

  it('skips discovery when the API host is given', async () => {
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody());
    const api = nock('https://api.example.test').get('/inContactAPI/services/v30.0/agents').query(true).reply(200, { totalRecords: 0, agents: [] });
    const { client } = makeAdmin({ apiBaseUrl: 'https://api.example.test', apiVersion: 'v30.0' });
    await expect(client.listAgents()).resolves.toEqual([]);
    expect(api.isDone()).toBe(true);
  });

  it('refuses a discovered host that is not https, and never sends the token there', async () => {
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody());
    nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).reply(200, { api_endpoint: 'http://api.evil.test' });
    const evil = nock('http://api.evil.test').get(/.*/).reply(200, {});
    const { client } = makeAdmin();
    await expect(client.listSkills()).rejects.toThrow(/refusing plain http:\/\/ to api\.evil\.test/);
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody());
    nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).reply(200, { api_endpoint: 'https://127.0.0.1:8443' });
    await expect(client.listSkills()).rejects.toThrow('not a public https host');
    expect(evil.isDone()).toBe(false);
  });

  it('names the endpoint when discovery answers without api_endpoint', async () => {
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody());
    nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).reply(200, { area: 'na1' });
    const { client } = makeAdmin();
    await expect(client.listSkills()).rejects.toThrow("GET /.well-known/cxone-configuration: the answer does not have the shape the API contract gives it: the body must have required property 'api_endpoint'");
  });

  it('turns a refused key into a CredentialsError naming the admin variables', async () => {
    nock(AUTH).post(TOKEN_PATH).reply(401, { error: 'invalid_client', error_description: 'Access key is invalid' });
    const { client } = makeAdmin();
    const err = await client.listSkills().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialsError);
    expect((err as CredentialsError).message).toBe(`POST ${TOKEN_PATH} failed: HTTP 401 http.401: Access key is invalid`);
    expect((err as CredentialsError).hint).toContain('CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET');
  });

  it('refreshes the token 5 minutes before it expires, not earlier', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody(TOKEN, 3600));
    nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).reply(200, { api_endpoint: API });
    const api = nock(API);
    const { client } = makeAdmin();
    api.get(`${SERVICES}/skills/1`).matchHeader('authorization', `Bearer ${TOKEN}`).reply(200, skill(1));
    await client.getSkill(1);
    vi.setSystemTime(new Date('2026-12-01T10:54:59Z'));
    api.get(`${SERVICES}/skills/1`).matchHeader('authorization', `Bearer ${TOKEN}`).reply(200, skill(1));
    await client.getSkill(1);
    vi.setSystemTime(new Date('2026-12-01T10:55:01Z'));
    const refresh = nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody(TOKEN2, 3600));
    api.get(`${SERVICES}/skills/1`).matchHeader('authorization', `Bearer ${TOKEN2}`).reply(200, skill(1));
    await client.getSkill(1);
    expect(refresh.isDone()).toBe(true);
    expect(api.isDone()).toBe(true);
    expect(client.stats.tokenRequests).toBe(3); // two tokens and one discovery: no second discovery
  });

  it('after a 401 fetches one new token, retries once, then fails with the admin hint', async () => {
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody(TOKEN)).post(TOKEN_PATH).reply(200, tokenBody(TOKEN2));
    nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).reply(200, { api_endpoint: API });
    const api = nock(API)
      .get(`${SERVICES}/skills/7`).matchHeader('authorization', `Bearer ${TOKEN}`).reply(401, { message: 'token expired' })
      .get(`${SERVICES}/skills/7`).matchHeader('authorization', `Bearer ${TOKEN2}`).reply(401, { message: 'still no' });
    const { client } = makeAdmin();
    const err = await client.getSkill(7).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CredentialsError);
    expect((err as CredentialsError).hint).toContain('CXONE_ACCESS_KEY_ID');
    expect(api.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(client.stats.tokenRequests).toBe(3);
  });

  it('after a 401 and a fresh token, the retry that succeeds is the answer', async () => {
    nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody(TOKEN)).post(TOKEN_PATH).reply(200, tokenBody(TOKEN2));
    nock(API)
      .get(`${SERVICES}/skills/7`).reply(401, {})
      .get(`${SERVICES}/skills/7`).matchHeader('authorization', `Bearer ${TOKEN2}`).reply(200, skill(7));
    const { client } = makeAdmin({ apiBaseUrl: API });
    await expect(client.getSkill(7)).resolves.toMatchObject({ skillId: 7 });
  });
});

describe('tenantIdOf and the refresh skew', () => {
  it('reads tenantId from the payload without verifying the signature', () => {
    expect(tenantIdOf(ID_TOKEN)).toBe(TENANT);
  });

  it('refuses a token that is not a JWT or lacks a usable tenantId, never quoting it', () => {
    for (const bad of ['not-a-jwt', jwt({ sub: 'x' }), jwt({ tenantId: 'a/../b' }), jwt({ tenantId: 42 })]) {
      const err = (() => {
        try {
          tenantIdOf(bad);
        } catch (e) {
          return e as CxqError;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(CxqError);
      expect(err?.message).not.toContain(bad);
    }
  });

  it('is 5 minutes for hour-long tokens and a tenth of the life of short ones', () => {
    expect(adminRefreshSkewMs(3600)).toBe(300_000);
    expect(adminRefreshSkewMs(600)).toBe(60_000);
    expect(adminRefreshSkewMs(30)).toBe(3_000);
  });
});
