import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../src/cli/exit.js';
import { secretForms } from '../../../src/transport/scrub.js';
import { netError, setupNock } from '../v2/helpers.js';
import { API, AUTH, DISCOVERY, ID_TOKEN, KEY_SECRET, SERVICES, TOKEN, TOKEN2, makeAdmin, tokenBody } from './helpers.js';

const TOKEN_PATH = '/authentication/v1/token/access-key';

function renderings(err: unknown): string {
  return [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), ...describeError(err)].join('\n');
}

/** The key, both tokens and the id_token, literal, URL-encoded and JSON-escaped. */
const FORBIDDEN = [KEY_SECRET, TOKEN, TOKEN2, ID_TOKEN].flatMap(secretForms);

describe('admin secrets never appear in logs or errors', () => {
  beforeEach(setupNock);
  afterEach(() => nock.cleanAll());

  it('has secrets whose encoded forms really differ (else the test would prove less)', () => {
    expect(new Set(secretForms(KEY_SECRET)).size).toBeGreaterThanOrEqual(3);
  });

  for (const level of ['debug', 'trace'] as const) {
    it(`at ${level}: token, discovery, 401 renewal, echoing servers and lost answers leak nothing`, async () => {
      const outputs: string[] = [];
      nock(AUTH).post(TOKEN_PATH).reply(200, tokenBody(TOKEN)).post(TOKEN_PATH).reply(200, tokenBody(TOKEN2));
      nock(DISCOVERY).get('/.well-known/cxone-configuration').query(true).reply(200, { api_endpoint: API });
      const echo = `key ${KEY_SECRET} enc ${encodeURIComponent(KEY_SECRET)} json ${JSON.stringify(KEY_SECRET)} id ${ID_TOKEN} tok ${TOKEN2}`;
      nock(API)
        .get(`${SERVICES}/skills/1`).reply(401, { message: `expired ${TOKEN}` })
        .get(`${SERVICES}/skills/1`).reply(400, { message: echo })
        .put(`${SERVICES}/skills/1`).reply(200, { success: false, error: echo })
        .post(`${SERVICES}/skills/1/agents`).reply(200, { resultSet: { errorCount: 1, agentResults: [{ agentId: 2, success: false, error: echo }] } })
        .delete(`${SERVICES}/skills/1/agents/2`).replyWithError(netError('ECONNRESET'));
      const { client, lines } = makeAdmin({}, level);
      outputs.push(renderings(await client.getSkill(1).catch((e: unknown) => e)));
      outputs.push(renderings(await client.putSkill(1, { skill: { notes: 'x' } }).catch((e: unknown) => e)));
      outputs.push(renderings(await client.assignAgents(1, [{ agentId: 2, isActive: true, proficiency: 1 }]).catch((e: unknown) => e)));
      outputs.push(renderings(await client.unassignAgent(1, 2).catch((e: unknown) => e)));

      // A token endpoint that echoes the key back in its refusal (this client never had a token).
      const keyEcho = `key ${KEY_SECRET} enc ${encodeURIComponent(KEY_SECRET)} json ${JSON.stringify(KEY_SECRET)}`;
      nock(AUTH).post(TOKEN_PATH).reply(401, { error: 'invalid_client', error_description: keyEcho });
      const bad = makeAdmin({}, level);
      outputs.push(renderings(await bad.client.listSkills().catch((e: unknown) => e)));

      const all = [...lines, ...bad.lines, ...outputs].join('\n');
      expect(lines.length).toBeGreaterThan(5);
      expect(all).toContain('[redacted]');
      expect(all).toContain('was answered 200 but reported failure'); // the failures were rendered
      for (const secret of [...FORBIDDEN, 'Bearer ']) expect(all).not.toContain(secret);
    });
  }
});
