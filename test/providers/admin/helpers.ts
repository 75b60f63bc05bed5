import { createAdminClient, type AdminClient } from '../../../src/providers/admin/client.js';
import type { AdminConfig } from '../../../src/providers/admin/config.js';
import { DEFAULT_TIMEOUTS } from '../../../src/transport/settings.js';
import { DEFAULT_RETRY } from '../../../src/transport/retry-policy.js';
import { captureLogger } from '../v2/helpers.js';
import type { LogLevel } from '../../../src/log.js';

export const AUTH = 'https://na1.nice-incontact.com';
export const DISCOVERY = 'https://cxone.niceincontact.com';
export const API = 'https://api-na1.niceincontact.com';
export const SERVICES = '/inContactAPI/services/v33.0';
export const KEY_ID = 'AKID-123';
/** Characters that differ in their URL-encoded and JSON-escaped forms. */
export const KEY_SECRET = 'k3y/Secret+"quoted"=x y';
export const TOKEN = 'adm-token-AAAA';
export const TOKEN2 = 'adm-token-BBBB';
export const TENANT = '11eb1e2a-ab12-4c3d-9e8f-0123456789ab';

/** An unsigned JWT whose payload carries `claims` (signature checking is not cxq's job here). */
export function jwt(claims: Record<string, unknown>): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

export const ID_TOKEN = jwt({ tenantId: TENANT, sub: 'user-1' });

export function adminConfig(overrides: Partial<AdminConfig> = {}): AdminConfig {
  return {
    authUrl: AUTH,
    discoveryUrl: DISCOVERY,
    apiVersion: 'v33.0',
    accessKeyId: KEY_ID,
    accessKeySecret: KEY_SECRET,
    concurrency: 4,
    timeouts: { ...DEFAULT_TIMEOUTS },
    retry: { ...DEFAULT_RETRY, tries: 3, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  };
}

export function makeAdmin(overrides: Partial<AdminConfig> = {}, level: LogLevel = 'silent'): { client: AdminClient; lines: string[] } {
  const { logger, lines } = captureLogger(level);
  return { client: createAdminClient(adminConfig(overrides), logger), lines };
}

export function tokenBody(token = TOKEN, expiresIn = 3600, idToken = ID_TOKEN): Record<string, unknown> {
  return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, id_token: idToken };
}

export const skill = (id: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  skillId: id,
  skillName: `Skill ${id}`,
  mediaTypeId: 4,
  isActive: true,
  ...extra,
});
