/**
 * An out-of-band edit made over HTTP, as a person in the CXone console would make it: token for the
 * built-in `console` client, GET the queue, change some fields, PUT it back with If-Match. The
 * sandbox audits it as the console user, so `cxq audit` and `cxq drift` show it as out-of-band.
 * For the demo and tests; loopback only (the sandbox listens on 127.0.0.1).
 */
import type { Queue } from '../model/queue.js';
import { CONSOLE_CLIENT, type ExtraClient } from './auth.js';

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (!res.ok) throw new Error(`console edit: ${what} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Merges `changes` into queue `id` of the sandbox at `baseUrl` over HTTP with `client`'s
 * credentials (default: the `console` client) and resolves to the queue the PUT returned. Rejects
 * with an Error naming the step and the HTTP status when the token, GET or PUT fails (for example
 * 409 when the queue changed between the GET and the PUT). Never retries.
 */
export async function consoleEdit(
  baseUrl: string,
  id: string,
  changes: Record<string, unknown>,
  client: Pick<ExtraClient, 'id' | 'secret'> = CONSOLE_CLIENT,
): Promise<Queue> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
  const token = await json(
    await fetch(`${baseUrl}/api/v2/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }),
    'the token request',
  );
  const auth = { authorization: `Bearer ${String(token['access_token'])}` };
  const url = `${baseUrl}/api/v2/routing/queues/${encodeURIComponent(id)}`;
  const queue = await json(await fetch(url, { headers: auth }), `GET ${id}`);
  const body = { ...queue, ...changes };
  const res = await fetch(url, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json', 'if-match': String(queue['version']) },
    body: JSON.stringify(body),
  });
  return (await json(res, `PUT ${id}`)) as Queue;
}
