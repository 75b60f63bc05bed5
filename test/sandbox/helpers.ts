import { ALL_SCOPES } from '../../src/providers/v2/types.js';
import type { SandboxHandle } from '../../src/sandbox/server.js';

/** Raw token request; returns the fetch Response. */
export function tokenRequest(
  sb: SandboxHandle,
  form: Record<string, string>,
  contentType = 'application/x-www-form-urlencoded',
): Promise<Response> {
  return fetch(`${sb.baseUrl}/api/v2/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new URLSearchParams(form).toString(),
  });
}

/** A valid access token for the default sandbox credentials and `scopes`. */
export async function getToken(sb: SandboxHandle, scopes: readonly string[] = ALL_SCOPES): Promise<string> {
  const res = await tokenRequest(sb, {
    grant_type: 'client_credentials',
    client_id: 'sandbox',
    client_secret: 'sandbox',
    scope: scopes.join(' '),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A request with a bearer token; JSON body in and out. */
export async function call(
  sb: SandboxHandle,
  token: string | undefined,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${sb.baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** PUT a queue with If-Match = version (unless overridden). */
export function put(sb: SandboxHandle, token: string, queue: Record<string, unknown>, ifMatch?: string | null): Promise<Answer> {
  const headers: Record<string, string> = {};
  const v = ifMatch === undefined ? String(queue['version']) : ifMatch;
  if (v !== null) headers['if-match'] = v;
  return call(sb, token, 'PUT', `/api/v2/routing/queues/${String(queue['id'])}`, { body: queue, headers });
}
