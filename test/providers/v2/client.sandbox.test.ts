/**
 * End-to-end: the real client against the sandbox over loopback, with the sandbox's fault options.
 * Retry delays and timeouts are shortened through ClientConfig so the suite stays fast.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type CxoneClient } from '../../../src/providers/v2/client.js';
import { DEFAULT_TIMEOUTS, type ClientConfig } from '../../../src/providers/v2/config.js';
import { DEFAULT_RETRY } from '../../../src/transport/retry-policy.js';
import { ApiError, NetworkError, OutcomeUnknownError } from '../../../src/errors.js';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src/sandbox/server.js';
import { captureLogger } from './helpers.js';

let sandbox: SandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup(options: SandboxOptions, overrides: Partial<ClientConfig> = {}): Promise<{ client: CxoneClient; sb: SandboxHandle; lines: string[] }> {
  const sb = await startSandbox({ queues: 30, ...options });
  sandbox = sb;
  const { logger, lines } = captureLogger('debug');
  const client = createClient(
    {
      baseUrl: sb.baseUrl,
      clientId: 'sandbox',
      clientSecret: 'sandbox',
      concurrency: 8,
      timeouts: { ...DEFAULT_TIMEOUTS },
      retry: { ...DEFAULT_RETRY, baseDelayMs: 20, maxDelayMs: 200 },
      ...overrides,
    },
    logger,
  );
  return { client, sb, lines };
}

describe('CxoneClient against the sandbox', () => {
  it('reads, writes with If-Match and carries unknown fields through', async () => {
    const { client, sb } = await setup({});
    const queues = await client.listQueues();
    expect(queues).toHaveLength(30);
    expect(client.stats.requests).toBe(2); // one token, one page of 500
    const q = queues[0]!;
    const updated = await client.putQueue({ ...q, maxWaitTime: 123, futureField: 'kept' }, q.version);
    expect(updated.version).toBe(q.version + 1);
    expect(updated['futureField']).toBe('kept');
    await expect(client.putQueue({ ...q, maxWaitTime: 124 }, q.version)).rejects.toMatchObject({ status: 409 });
    expect(sb.stats.puts).toBe(2);
  });

  it('survives token expiry mid-run (server clock past the token lifetime)', async () => {
    let offsetMs = 0;
    const { client } = await setup({ tokenTtlSeconds: 60, now: () => new Date(Date.now() + offsetMs) });
    const ids = (await client.listQueues()).map((q) => q.id);
    offsetMs = 120_000; // every token issued so far is now expired for the server
    const again = await Promise.all(ids.slice(0, 10).map((id) => client.getQueue(id)));
    expect(again).toHaveLength(10);
    expect(client.stats.tokenRequests).toBe(2); // ten 401s, one refresh
  });

  it('refreshes once after the server revokes every token (401), then carries on', async () => {
    const { client, sb } = await setup({});
    await client.health();
    sb.expireTokens();
    await expect(client.health()).resolves.toMatchObject({ status: 'Healthy' });
    expect(client.stats.tokenRequests).toBe(2);
    expect(sb.stats.byStatus[401]).toBe(1);
  });

  it('rides a 429 storm: every request succeeds, few 429s, the client paces itself', async () => {
    const { client, sb, lines } = await setup({ rateLimit: 40 });
    const ids = (await client.listQueues()).map((q) => q.id);
    const reads = await Promise.all([...ids, ...ids, ...ids].map((id) => client.getQueue(id)));
    expect(reads).toHaveLength(90);
    expect(client.stats.throttled).toBe(sb.stats.byStatus[429] ?? 0);
    expect(client.stats.throttled).toBeGreaterThan(0);
    expect(client.stats.throttled).toBeLessThan(20);
    expect(lines.some((l) => l.includes('"msg":"rate limited"'))).toBe(true);
  });

  it('gets through 30 % injected 503s', async () => {
    const { client, sb } = await setup({ faultRate: 0.3 }, { retry: { ...DEFAULT_RETRY, tries: 8, baseDelayMs: 10, maxDelayMs: 100 } });
    const ids = (await client.listQueues()).map((q) => q.id);
    const reads = await Promise.all(ids.map((id) => client.getQueue(id)));
    expect(reads.map((q) => q.id)).toEqual(ids);
    expect(client.stats.retries).toBe(sb.stats.byStatus[503] ?? 0);
    expect(client.stats.retries).toBeGreaterThan(0);
  });

  it('retries reads whose connection was reset', async () => {
    const { client, sb } = await setup({}, { retry: { ...DEFAULT_RETRY, tries: 8, baseDelayMs: 10, maxDelayMs: 100 } });
    const ids = (await client.listQueues()).map((q) => q.id);
    sb.setFaults({ resetRate: 0.3 });
    const reads = await Promise.all(ids.map((id) => client.getQueue(id)));
    expect(reads).toHaveLength(30);
    expect(sb.stats.resets).toBeGreaterThan(0);
  });

  it('never re-sends a PUT whose answer was lost; the write did land', async () => {
    const { client, sb } = await setup({});
    const q = (await client.listQueues())[0]!;
    sb.setFaults({ lostResponseRate: 1 });
    const err = await client.putQueue({ ...q, maxWaitTime: 99 }, q.version).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutcomeUnknownError);
    expect(sb.stats.puts).toBe(1);
    sb.setFaults({ lostResponseRate: 0 });
    expect((await client.getQueue(q.id)).version).toBe(q.version + 1);
  });

  it('names the missing scope on a 403', async () => {
    const { client } = await setup({ grantScopes: ['routing:queues:read', 'routing:queues:write', 'health:read'] });
    const err = (await client.audit({ startTime: 'now-1d' }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(403);
    expect(err.hint).toBe('The API client lacks the scope audit:read: grant it to the client in CXone, then retry.');
  });

  it('gives up on a server slower than the timeout within the deadline, naming the URL', async () => {
    const { client, sb } = await setup({}, { timeouts: { connectMs: 500, responseMs: 100, deadlineMs: 1000 } });
    await client.health();
    sb.setFaults({ latencyMs: 400 });
    const started = Date.now();
    const err = (await client.health().catch((e: unknown) => e)) as NetworkError;
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.url).toBe(`${sb.baseUrl}/api/v2/health`);
    expect(err.message).toContain(`GET ${sb.baseUrl}/api/v2/health failed: no answer within 0.1 s`);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
