/**
 * Access-key authentication of the admin dialect and API-host discovery. Tokens are random
 * opaque strings kept in memory; the `id_token` is an HS256 JWT signed with a per-process key.
 * Secrets are compared in constant time and never logged.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BearerTokens } from '../bearer.js';
import type { Reply } from '../http.js';
import { adminError } from './replies.js';

export const ACCESS_KEY_PATH = '/authentication/v1/token/access-key';
export const DISCOVERY_PATH = '/.well-known/cxone-configuration';

/** The key id and secret of the built-in console user (for out-of-band edits over HTTP). */
export const CONSOLE_KEY = { accessKeyId: 'console', accessKeySecret: 'console' } as const;

/** What a valid token stands for: the access key it was issued to. */
export interface AdminGrant {
  clientId: string;
  expiresAt: number;
}

export interface AdminAuthConfig {
  /** Access keys accepted: id → secret. */
  keys: ReadonlyMap<string, string>;
  tenantId: string;
  tokenTtlSeconds: number;
  now: () => Date;
  /** The sandbox's own `http://127.0.0.1:PORT` (set once listening). */
  baseUrl: () => string;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const same = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));
const b64 = (x: object): string => Buffer.from(JSON.stringify(x), 'utf8').toString('base64url');

/** Tokens issued by the admin sandbox; `expireAll` revokes every one. */
export class AdminTokens {
  readonly #tokens: BearerTokens<AdminGrant>;
  readonly #signingKey = randomBytes(32);

  constructor(private readonly config: AdminAuthConfig) {
    this.#tokens = new BearerTokens<AdminGrant>('sbxa_', config.now);
  }

  /**
   * `POST /authentication/v1/token/access-key` with a JSON `{ accessKeyId, accessKeySecret }`:
   * 200 `{ access_token, token_type, expires_in, id_token }`, 400 for a malformed body, 401 for an
   * unknown key or a wrong secret.
   */
  tokenEndpoint(req: IncomingMessage, body: string): Reply {
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    let parsed: Record<string, unknown> | undefined;
    try {
      const v: unknown = type.startsWith('application/json') ? JSON.parse(body) : undefined;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) parsed = v as Record<string, unknown>;
    } catch {
      parsed = undefined;
    }
    const id = parsed?.['accessKeyId'];
    const secret = parsed?.['accessKeySecret'];
    if (typeof id !== 'string' || typeof secret !== 'string') {
      return oauthError(400, 'invalid_request', 'send application/json { "accessKeyId": "...", "accessKeySecret": "..." }');
    }
    const expected = this.config.keys.get(id);
    if (expected === undefined || !same(secret, expected)) return oauthError(401, 'invalid_client', 'unknown access key or wrong secret');
    const ttl = this.config.tokenTtlSeconds;
    const nowMs = this.config.now().getTime();
    const token = this.#tokens.issue({ clientId: id, expiresAt: nowMs + ttl * 1000 });
    return {
      status: 200,
      body: { access_token: token, token_type: 'bearer', expires_in: ttl, id_token: this.#idToken(id, nowMs, ttl) },
      headers: { 'cache-control': 'no-store' },
    };
  }

  /** The grant behind `Authorization: Bearer …`, or undefined (missing, malformed, unknown, expired). */
  authenticate(header: string | undefined): AdminGrant | undefined {
    return this.#tokens.authenticate(header);
  }

  /** Revokes every issued token. */
  expireAll(): void {
    this.#tokens.expireAll();
  }

  /**
   * `GET /.well-known/cxone-configuration?tenantId=…`: the sandbox itself as API and auth host;
   * 400 without `tenantId`, 404 for a tenant that is not this one.
   */
  discovery(url: URL): Reply {
    const tenantId = url.searchParams.get('tenantId');
    if (!tenantId) return adminError(400, 'tenantId is required');
    if (tenantId !== this.config.tenantId) return adminError(404, `unknown tenant ${tenantId}`);
    const base = this.config.baseUrl();
    return {
      status: 200,
      body: { api_endpoint: base, auth_endpoint: base, area: 'sbx1', cluster: 'SBX1', domain: '127.0.0.1', tenantId },
    };
  }

  #idToken(keyId: string, nowMs: number, ttl: number): string {
    const iat = Math.floor(nowMs / 1000);
    const claims = {
      iss: this.config.baseUrl(),
      sub: `user:${keyId}`,
      aud: 'cxq-sandbox',
      iat,
      exp: iat + ttl,
      tenantId: this.config.tenantId,
      name: keyId === CONSOLE_KEY.accessKeyId ? 'Dana Admin (console)' : `Access key ${keyId}`,
    };
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    return `${unsigned}.${createHmac('sha256', this.#signingKey).update(unsigned).digest('base64url')}`;
  }
}

function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, error_description: description } };
}
