/**
 * Access keys, tokens and discovery of the second admin server: short-lived opaque tokens (5 s by
 * default), an `id_token` JWT carrying `tenantId` (unsigned in any checkable way: a client must
 * only decode it), and a discovery answer naming the server's own origin as `api_endpoint`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Json } from './admin-fields.js';
import type { Reply } from './admin-http.js';

export const TENANT_ID = '4f1e2d3c-0b9a-4876-a5e4-d3c2b1a09f8e';
export interface AccessKey { id: string; secret: string }
export const CLIENT_KEY: AccessKey = { id: 'AK2NDADMINCLIENT7Q4Z', secret: 'second-admin-client-secret-0a9b8c' };
export const CONSOLE_KEY: AccessKey = { id: 'AK2NDADMINCONSOLE3X1', secret: 'second-admin-console-secret-5d6e' };

export type KeyName = 'client' | 'console';

export class Tokens {
  private readonly live = new Map<string, { key: KeyName; expiresAt: number }>();

  constructor(private readonly now: () => number, private readonly ttlS: number) {}

  /** Which key presented `accessKeyId` (undefined for an unknown id). */
  static keyOf(id: unknown): KeyName | undefined {
    return id === CLIENT_KEY.id ? 'client' : id === CONSOLE_KEY.id ? 'console' : undefined;
  }

  /** `POST /authentication/v1/token/access-key` with `{ accessKeyId, accessKeySecret }`. */
  issue(body: Json | undefined, origin: string): Reply {
    const id = body?.['accessKeyId'];
    const secret = body?.['accessKeySecret'];
    if (typeof id !== 'string' || typeof secret !== 'string') {
      return { status: 400, body: { error: 'invalid_request', error_description: '[second-admin] accessKeyId and accessKeySecret are required' } };
    }
    const key = Tokens.keyOf(id);
    const expected = key === 'client' ? CLIENT_KEY : key === 'console' ? CONSOLE_KEY : undefined;
    if (key === undefined || expected?.secret !== secret) {
      return { status: 401, body: { error: 'invalid_client', error_description: '[second-admin] access key not recognised' } };
    }
    const token = `2nd.${randomBytes(18).toString('base64url')}`;
    this.live.set(token, { key, expiresAt: this.now() + this.ttlS * 1000 });
    return {
      status: 200,
      body: {
        id_token: idToken(origin, this.now(), this.ttlS, key),
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'bearer', expires_in: this.ttlS, access_token: token,
        refresh_token: `2nd.refresh.${randomBytes(6).toString('hex')}`,
      },
    };
  }

  /** The key behind a bearer token still alive, or undefined. */
  check(authorization: string | undefined): KeyName | undefined {
    const token = /^bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    const t = token === undefined ? undefined : this.live.get(token);
    return t !== undefined && this.now() < t.expiresAt ? t.key : undefined;
  }
}

function b64(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}

function idToken(origin: string, now: number, ttlS: number, key: KeyName): string {
  const iat = Math.floor(now / 1000);
  const claims = {
    iss: origin, sub: `user:${randomUUID()}`, aud: 'second-admin@cxone', name: key === 'client' ? 'cxq.robot' : 'jane.console',
    tenantId: TENANT_ID, icBUId: 4_600_123, icClusterId: 'C99', iat, exp: iat + ttlS, role: { legacyId: 'Administrator' },
  };
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'second-admin-1' })}.${b64(claims)}.${randomBytes(32).toString('base64url')}`;
}

/** `GET /.well-known/cxone-configuration?tenantId=`: this server is every endpoint. */
export function discovery(q: URLSearchParams, origin: string): Reply {
  const tenantId = q.get('tenantId');
  const refuse = (status: number, error: string, why: string): Reply => ({ status, body: { error, error_description: `[second-admin] ${why}` } });
  if (tenantId === null || tenantId === '') return refuse(400, 'invalid_request', 'tenantId is required');
  if (tenantId !== TENANT_ID) return refuse(404, 'not_found', 'tenant unknown');
  return {
    status: 200,
    body: {
      private: false, area: 'na1', cluster: 'C99', domain: 'niceincontact.com', tenantId,
      ui_endpoint: `${origin}/ui`, auth_endpoint: origin, api_endpoint: origin, acd_endpoint: `${origin}/acd`,
    },
  };
}
