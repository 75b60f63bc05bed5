/** Issue 12 on the wire (nock): what the client does with answers it must not believe. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, OutcomeUnknownError, ResponseShapeError, ResponseTooLargeError } from '../../../src/errors.js';
import { MAX_RESPONSE_BYTES } from '../../../src/providers/v2/limits.js';
import { BASE, SECRET, makeClient, setupNock, tokenOk } from './helpers.js';

const Q = '/api/v2/routing/queues';
const queue = { id: 'q1', name: 'Q', version: 3 };

describe('answers the client does not believe', () => {
  beforeEach(setupNock);
  afterEach(() => nock.cleanAll());

  it('a 304 or 307 is an ApiError with its status, never a success', async () => {
    tokenOk(nock(BASE)).get(`${Q}/q1`).reply(307, '', { location: '/elsewhere?x=1' }).get(`${Q}/q2`).reply(304);
    const { client } = makeClient();
    const redirect = await client.getQueue('q1').catch((e: unknown) => e);
    expect(redirect).toBeInstanceOf(ApiError);
    expect(redirect).toMatchObject({ status: 307, code: 'http.307' });
    expect((redirect as ApiError).serverMessage).toBe('the server answered 307 Temporary Redirect (redirect to a path on us-1.api.cxm.nice.incontact.com); cxq does not follow redirects');
    await expect(client.getQueue('q2')).rejects.toMatchObject({ status: 304 });
  });

  it('a body announced larger than the cap fails at once, before it is downloaded', async () => {
    tokenOk(nock(BASE)).get('/api/v2/health').reply(200, '{}', { 'content-length': String(MAX_RESPONSE_BYTES + 1) });
    const { client } = makeClient();
    const err = await client.health().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseTooLargeError);
    expect((err as Error).message).toBe('GET /api/v2/health: the answer is larger than the 32 MiB cap; the download was stopped');
  });

  it('a PUT answer too large, not JSON, or not a queue: OutcomeUnknownError (the write may have landed)', async () => {
    tokenOk(nock(BASE))
      .put(`${Q}/q1`).reply(200, '{}', { 'content-length': String(MAX_RESPONSE_BYTES + 1) })
      .put(`${Q}/q1`).reply(200, '<html>ok</html>')
      .put(`${Q}/q1`).reply(200, { id: 'q1', name: 'Q', version: 'four' });
    const { client } = makeClient();
    const tooLarge = await client.putQueue(queue, 3).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(OutcomeUnknownError);
    expect((tooLarge as Error).message).toContain('larger than the 32 MiB cap');
    const notJson = await client.putQueue(queue, 3).catch((e: unknown) => e);
    expect(notJson).toBeInstanceOf(OutcomeUnknownError);
    expect((notJson as Error).message).toContain('the 200 answer is not JSON');
    const notQueue = await client.putQueue(queue, 3).catch((e: unknown) => e);
    expect(notQueue).toBeInstanceOf(OutcomeUnknownError);
    expect((notQueue as Error).message).toContain('/version must be integer');
  });

  it('a GET answer that is not JSON is a ResponseShapeError, never an empty result', async () => {
    tokenOk(nock(BASE)).get(Q).query(true).reply(200, '');
    const { client } = makeClient();
    const err = await client.listQueues().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResponseShapeError);
    expect((err as ResponseShapeError).problems).toEqual(['the body is not JSON']);
  });

  it('unknown extra fields are kept: the shape check never closes an object', async () => {
    const live = { ...queue, mediaType: 'voice', waitMusic: { playMusic: true, url: 'https://x/y.mp3', volume: 3 } };
    tokenOk(nock(BASE)).get(`${Q}/q1`).reply(200, live);
    const { client } = makeClient();
    await expect(client.getQueue('q1')).resolves.toEqual(live);
  });

  it('a non-JSON error body is scrubbed before it is cut to an excerpt, so no part of a secret survives the cut', async () => {
    const padding = 'x'.repeat(200 - 10);
    tokenOk(nock(BASE)).get(`${Q}/q1`).reply(400, `${padding}${SECRET}`);
    const { client } = makeClient();
    const err = (await client.getQueue('q1').catch((e: unknown) => e)) as ApiError;
    expect(err.serverMessage).not.toContain(SECRET.slice(0, 8));
  });
});
