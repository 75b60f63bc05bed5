import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeError } from '../../../src/cli/exit.js';
import { BASE, SECRET, TOKEN, TOKEN2, makeClient, netError, setupNock, tokenOk } from './helpers.js';

/** Every rendering of an error a user or a log could ever see. */
function renderings(err: unknown): string {
  return [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true }), ...describeError(err)].join('\n');
}

describe('secrets never appear in logs or errors', () => {
  beforeEach(setupNock);
  afterEach(() => nock.cleanAll());

  for (const level of ['debug', 'trace'] as const) {
    it(`at ${level}: token, refresh, failures and errors carry neither the secret nor a token`, async () => {
      const outputs: string[] = [];
      const scope = tokenOk(nock(BASE))
        .get('/api/v2/health').reply(401, { status: 401, code: 'unauthorized', message: 'expired' });
      tokenOk(scope, TOKEN2)
        .get('/api/v2/health').reply(200, { status: 'Healthy', components: [] })
        .put('/api/v2/routing/queues/a').reply(400, {
          status: 400, code: 'bad.request', message: `bad request from token ${TOKEN2}`,
          errors: [{ field: 'name', message: `echo ${TOKEN2}` }],
        })
        .put('/api/v2/routing/queues/b').replyWithError(netError('ECONNRESET'));
      const { client, lines } = makeClient({}, level);
      await client.health();
      outputs.push(renderings(await client.putQueue({ id: 'a', name: 'A', version: 1 }, 1).catch((e: unknown) => e)));
      outputs.push(renderings(await client.putQueue({ id: 'b', name: 'B', version: 1 }, 1).catch((e: unknown) => e)));

      // A second client whose token request fails, with a server that echoes the secret back.
      nock(BASE).post('/api/v2/oauth/token').reply(401, { status: 401, code: 'invalid_client', message: `bad secret ${SECRET}` });
      const bad = makeClient({}, level);
      outputs.push(renderings(await bad.client.health().catch((e: unknown) => e)));

      const all = [...lines, ...bad.lines, ...outputs].join('\n');
      expect(lines.length).toBeGreaterThan(5); // the debug lines really were written
      expect(all).toContain('[redacted]'); // the echoes were there, and were scrubbed
      for (const secret of [SECRET, TOKEN, TOKEN2, 'Bearer ']) expect(all).not.toContain(secret);
    });
  }
});
