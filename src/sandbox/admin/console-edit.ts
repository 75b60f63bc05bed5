/**
 * An out-of-band skill edit made over HTTP on the admin sandbox, as a supervisor in the CXone
 * console would make it: a token for the built-in console access key, GET the skill, change some
 * fields, PUT the whole skill back in the PUT shape. The Admin API keeps no "modified by", so
 * nothing records who did it (cxq's drift says so). For the demo and tests; loopback only.
 */
import { CONSOLE_KEY } from './auth.js';
import { API_PREFIX } from './routes.js';
import { toPutShape } from './skill-shape.js';

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  if (!res.ok) throw new Error(`console edit: ${what} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Merges `changes` (GET-shape names) into skill `skillId` of the admin sandbox at `baseUrl`
 * (API version `version`) with the console key, and resolves to the skill as read back. Rejects
 * with an Error naming the step when the token, GET or PUT fails, including a PUT answered 200
 * with `success: false`. Never retries.
 */
export async function adminConsoleEdit(
  baseUrl: string,
  skillId: number,
  changes: Record<string, unknown>,
  version = 'v33.0',
): Promise<Record<string, unknown>> {
  const token = await json(
    await fetch(`${baseUrl}/authentication/v1/token/access-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CONSOLE_KEY),
    }),
    'the token request',
  );
  const headers = { authorization: `Bearer ${String(token['access_token'])}`, accept: 'application/json' };
  const url = `${baseUrl}${API_PREFIX}/${version}/skills/${skillId}`;
  const skill = await json(await fetch(url, { headers }), `GET skill ${skillId}`);
  const body = JSON.stringify({ skill: toPutShape({ ...skill, ...changes }) });
  const put = await json(await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body }), `PUT skill ${skillId}`);
  if (put['success'] !== true) throw new Error(`console edit: PUT skill ${skillId} failed inside a 200: ${String(put['error'])}`);
  return json(await fetch(url, { headers }), `GET skill ${skillId}`);
}
