/**
 * What the second admin server's own tests share: a server on a fake clock, a token, and a call
 * over HTTP with global fetch (black box: nothing but the wire).
 */
import { afterEach } from 'vitest';
import { startSecondAdminServer, type SecondAdminOptions, type SecondAdminServer } from './second-admin-server.js';

export type Json = Record<string, unknown>;

export interface Kit {
  s: SecondAdminServer;
  clock: { t: number };
  token(key?: { id: string; secret: string }): Promise<string>;
  call(method: string, path: string, init?: CallInit): Promise<Answer>;
}

export interface CallInit { token?: string; body?: unknown; accept?: string | null; version?: string }
export interface Answer { status: number; headers: Headers; text: string; json: Json }

const open: SecondAdminServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Starts a server on a fake clock at a fixed instant; closed after each test. */
export async function boot(options: Omit<SecondAdminOptions, 'now'> = {}): Promise<Kit> {
  const clock = { t: Date.parse('2026-12-01T10:00:00.000Z') };
  const s = await startSecondAdminServer({ ...options, now: () => clock.t });
  open.push(s);
  let cached: string | undefined;
  const token = async (key = s.accessKey): Promise<string> => {
    const r = await fetch(`${s.url}/authentication/v1/token/access-key`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessKeyId: key.id, accessKeySecret: key.secret }),
    });
    return String(((await r.json()) as Json)['access_token']);
  };
  const call = async (method: string, path: string, init: CallInit = {}): Promise<Answer> => {
    cached ??= await token();
    const headers: Record<string, string> = { authorization: `bearer ${init.token ?? cached}` };
    if (init.accept !== null) headers['accept'] = init.accept ?? 'application/json';
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(`${s.url}/inContactAPI/services/${init.version ?? 'v33.0'}${path}`, {
      method, headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await r.text();
    let json: Json = {};
    try { json = JSON.parse(text) as Json; } catch { /* a text answer (406) */ }
    return { status: r.status, headers: r.headers, text, json };
  };
  return { s, clock, token, call };
}

/** Decodes a JWT's claims without checking anything (what a client may do with an id_token). */
export function claimsOf(jwt: string): Json {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Json;
}

export function rows(a: Answer, field: string): Json[] {
  return a.json[field] as Json[];
}
