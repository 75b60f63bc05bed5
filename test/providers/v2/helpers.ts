import nock from 'nock';
import { Writable } from 'node:stream';
import { createLogger, type LogLevel, type Logger } from '../../../src/log.js';
import { DEFAULT_TIMEOUTS, type ClientConfig } from '../../../src/providers/v2/config.js';
import { DEFAULT_RETRY } from '../../../src/transport/retry-policy.js';
import { createClient, type CxoneClient } from '../../../src/providers/v2/client.js';

export const BASE = 'https://us-1.api.cxm.nice.incontact.com';
export const SECRET = 's3cr3t-Value-xyz';
export const TOKEN = 'tok-AAAA-1111';
export const TOKEN2 = 'tok-BBBB-2222';

/** A config for nock tests: the production defaults unless a test overrides them. */
export function testConfig(overrides: Partial<ClientConfig> = {}): ClientConfig {
  return {
    baseUrl: BASE,
    clientId: 'client-1',
    clientSecret: SECRET,
    concurrency: 8,
    timeouts: { ...DEFAULT_TIMEOUTS },
    retry: { ...DEFAULT_RETRY },
    ...overrides,
  };
}

/** A logger capturing every JSON line it writes. */
export function captureLogger(level: LogLevel = 'trace'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { logger: createLogger(level, stream), lines };
}

export function makeClient(overrides: Partial<ClientConfig> = {}, level: LogLevel = 'silent'): { client: CxoneClient; lines: string[] } {
  const { logger, lines } = captureLogger(level);
  return { client: createClient(testConfig(overrides), logger), lines };
}

/** Intercepts one token request answering `token` (default TOKEN). */
export function tokenOk(scope: nock.Scope, token = TOKEN, expiresIn = 3600): nock.Scope {
  return scope.post('/api/v2/oauth/token').reply(200, { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: '' });
}

export function setupNock(): void {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
}

/** An Error as a dropped connection raises it (nock needs an Error instance to emit it). */
export function netError(code: string): Error {
  return Object.assign(new Error(code === 'ECONNRESET' ? 'socket hang up' : `connect ${code}`), { code });
}

/**
 * Advances fake time in small steps until `done()` or `maxMs` elapsed; returns the time advanced.
 * Each step also lets one real macrotask turn pass (setImmediate is never faked here): nock answers
 * through real I/O callbacks, and without that turn a loaded machine could advance fake time past
 * a request's timeout before the answer it already has is delivered.
 */
export async function advanceUntil(vi: { advanceTimersByTimeAsync(ms: number): Promise<unknown> }, done: () => boolean, maxMs = 120_000, stepMs = 10): Promise<number> {
  let elapsed = 0;
  while (!done() && elapsed < maxMs) {
    await vi.advanceTimersByTimeAsync(stepMs);
    await new Promise<void>((resolve) => setImmediate(resolve));
    elapsed += stepMs;
  }
  return elapsed;
}

/** Settles a promise into a flag-readable record, so fake time can be advanced until it settles. */
export function track<T>(p: Promise<T>): { settled: boolean; value?: T; error?: unknown } {
  const r: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  p.then(
    (v) => Object.assign(r, { settled: true, value: v }),
    (e: unknown) => Object.assign(r, { settled: true, error: e }),
  );
  return r;
}
