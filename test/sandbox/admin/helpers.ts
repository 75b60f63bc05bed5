import { afterEach } from 'vitest';
import { startAdminSandbox, type AdminSandboxHandle, type AdminSandboxOptions } from '../../../src/sandbox/admin/server.js';

/** A fixed instant for tests that read analytics or expiry (pass `clock.now` as the `now` option). */
export function testClock(iso = '2026-11-20T12:00:00.000Z') {
  let t = Date.parse(iso);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

let running: AdminSandboxHandle[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
});

/** Starts an admin sandbox closed after the test. */
export async function start(options: AdminSandboxOptions = {}): Promise<AdminSandboxHandle> {
  const sb = await startAdminSandbox(options);
  running.push(sb);
  return sb;
}

/** Raw POST to the access-key token endpoint. */
export function tokenRequest(sb: AdminSandboxHandle, body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(`${sb.baseUrl}/authentication/v1/token/access-key`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** An access token for `key` (default the cxq key). */
export async function token(sb: AdminSandboxHandle, key = sb.accessKey): Promise<string> {
  const res = await tokenRequest(sb, key);
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/** A request under `sb.apiBase` (or an absolute URL) with the bearer token and Accept: application/json. */
export async function api(
  sb: AdminSandboxHandle,
  tok: string | undefined,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (tok !== undefined) headers['authorization'] = `Bearer ${tok}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path.startsWith('http') ? path : `${sb.apiBase}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

/** The id of a sample skill by name. */
export function skillId(sb: AdminSandboxHandle, name: string): number {
  const s = sb.state.skillByName(name);
  if (!s) throw new Error(`no skill ${name}`);
  return s.skillId;
}
