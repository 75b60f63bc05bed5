import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { addApiOptions } from '../../../src/cli/api-options.js';
import { openApi } from '../../../src/cli/run/open-api.js';
import type { CliContext } from '../../../src/cli/io.js';
import { ConfigError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/log.js';
import { Readable } from 'node:stream';
import { setupNock } from './helpers.js';

function ctx(env: Record<string, string>): CliContext {
  return {
    io: {
      stdout: { write: () => true },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      env,
      cwd: process.cwd(),
      signal: new AbortController().signal,
    },
    logger: silentLogger(),
  };
}

describe('openApi', () => {
  let requests = 0;
  const count = (): void => void requests++;
  beforeEach(() => {
    setupNock();
    requests = 0;
    nock.emitter.on('no match', count);
  });
  afterEach(() => {
    nock.emitter.removeListener('no match', count);
    nock.cleanAll();
  });

  it('refuses plain http to a remote host before sending anything', async () => {
    const env = { CXONE_BASE_URL: 'http://cxone.example.com', CXONE_CLIENT_ID: 'a', CXONE_CLIENT_SECRET: 'b' };
    const err = await openApi(ctx(env), {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toBe('refusing plain http:// to cxone.example.com: the client secret and tokens would travel in clear text');
    expect(requests).toBe(0);
  });

  it('names the missing variables', async () => {
    await expect(openApi(ctx({ CXONE_REGION: 'us-1' }), {})).rejects.toThrow(
      'missing API configuration: set CXONE_CLIENT_ID; CXONE_CLIENT_SECRET or CXONE_CLIENT_SECRET_FILE',
    );
    expect(requests).toBe(0);
  });

  it('builds a client from env and flags, --base-url winning', async () => {
    const api = await openApi(ctx({ CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'id', CXONE_CLIENT_SECRET: 's' }), {
      baseUrl: 'http://127.0.0.1:9/',
      concurrency: '3',
    });
    expect(api.baseUrl).toBe('http://127.0.0.1:9');
    expect(api.clientId).toBe('id');
    expect(api.stats).toEqual({ requests: 0, retries: 0, throttled: 0, tokenRequests: 0 });
    expect(requests).toBe(0);
  });

  it('adds --base-url, --concurrency (default 8) and --max-rps to a command', () => {
    const cmd = addApiOptions(new Command('x')).exitOverride();
    cmd.parse(['--max-rps', '5', '--base-url', 'http://127.0.0.1:1'], { from: 'user' });
    expect(cmd.opts()).toEqual({ baseUrl: 'http://127.0.0.1:1', concurrency: '8', maxRps: '5' });
  });
});
