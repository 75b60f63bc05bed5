import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBaseUrl, isLoopback, parseDuration, resolveClientConfig } from '../../../src/providers/v2/config.js';
import { ConfigError, UsageError } from '../../../src/errors.js';

const CREDS = { CXONE_CLIENT_ID: 'id-1', CXONE_CLIENT_SECRET: 'sec-1' };

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a throw');
}

describe('resolveClientConfig', () => {
  it('builds the production URL from CXONE_REGION', () => {
    const c = resolveClientConfig({ ...CREDS, CXONE_REGION: 'us-1' });
    expect(c.baseUrl).toBe('https://us-1.api.cxm.nice.incontact.com');
    expect(c).toMatchObject({ clientId: 'id-1', clientSecret: 'sec-1', concurrency: 8 });
    expect(c.timeouts).toEqual({ connectMs: 5000, responseMs: 15000, deadlineMs: 60000 });
    expect(c.retry).toEqual({ tries: 5, baseDelayMs: 1000, maxDelayMs: 30000, maxWaitMs: 300_000, throttleBudgetMs: 900_000 });
    expect(c.maxRps).toBeUndefined();
  });

  it('prefers CXONE_BASE_URL over CXONE_REGION and --base-url over both, trimming trailing slashes', () => {
    const env = { ...CREDS, CXONE_REGION: 'us-1', CXONE_BASE_URL: 'https://proxy.example.com/cx/' };
    expect(resolveClientConfig(env).baseUrl).toBe('https://proxy.example.com/cx');
    expect(resolveClientConfig(env, { baseUrl: 'http://127.0.0.1:8471/' }).baseUrl).toBe('http://127.0.0.1:8471');
  });

  it('refuses a region that is not one DNS label', () => {
    const err = errorOf(() => resolveClientConfig({ ...CREDS, CXONE_REGION: 'evil.com/x' }));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toContain('CXONE_REGION is not a region name');
    expect(err.message).not.toContain('evil.com');
  });

  it('names every missing variable at once', () => {
    const err = errorOf(() => resolveClientConfig({}));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(
      'missing API configuration: set CXONE_REGION or CXONE_BASE_URL (or --base-url); CXONE_CLIENT_ID; CXONE_CLIENT_SECRET or CXONE_CLIENT_SECRET_FILE',
    );
  });

  it('names only the missing secret when the rest is set', () => {
    const err = errorOf(() => resolveClientConfig({ CXONE_REGION: 'eu-1', CXONE_CLIENT_ID: 'x' }));
    expect(err.message).toBe('missing API configuration: set CXONE_CLIENT_SECRET or CXONE_CLIENT_SECRET_FILE');
  });

  it('reads the secret file, trims the trailing newline, resolves it from cwd', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-secret-'));
    writeFileSync(join(dir, 'secret.txt'), 'from-file \n');
    const c = resolveClientConfig({ CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'a', CXONE_CLIENT_SECRET_FILE: 'secret.txt' }, {}, dir);
    expect(c.clientSecret).toBe('from-file ');
  });

  it('names an unreadable secret file (missing, or a directory)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-secret-'));
    const missing = join(dir, 'nope.txt');
    const err = errorOf(() => resolveClientConfig({ CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'a', CXONE_CLIENT_SECRET_FILE: missing }));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(`cannot read CXONE_CLIENT_SECRET_FILE ${missing} (ENOENT)`);
    const err2 = errorOf(() => resolveClientConfig({ CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'a', CXONE_CLIENT_SECRET_FILE: dir }));
    expect(err2.message).toBe(`CXONE_CLIENT_SECRET_FILE ${dir} is not a regular file (it is a directory)`);
  });

  it('refuses an empty secret file without showing anything of it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-secret-'));
    writeFileSync(join(dir, 'empty'), '\n');
    const err = errorOf(() => resolveClientConfig({ CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'a', CXONE_CLIENT_SECRET_FILE: 'empty' }, {}, dir));
    expect(err.message).toBe('CXONE_CLIENT_SECRET_FILE empty is empty');
  });

  it('refuses both the inline secret and the secret file', () => {
    const err = errorOf(() => resolveClientConfig({ ...CREDS, CXONE_REGION: 'us-1', CXONE_CLIENT_SECRET_FILE: '/x' }));
    expect(err.message).toBe('both CXONE_CLIENT_SECRET and CXONE_CLIENT_SECRET_FILE are set');
  });

  it('accepts --concurrency 1 and 64, refuses 0, 65, 2.5 and text', () => {
    const env = { ...CREDS, CXONE_REGION: 'us-1' };
    expect(resolveClientConfig(env, { concurrency: '1' }).concurrency).toBe(1);
    expect(resolveClientConfig(env, { concurrency: 64 }).concurrency).toBe(64);
    for (const bad of ['0', '65', '2.5', 'many', '']) {
      const err = errorOf(() => resolveClientConfig(env, { concurrency: bad }));
      expect(err).toBeInstanceOf(UsageError);
      expect(err.message).toBe(`--concurrency must be an integer from 1 to 64, got "${bad}"`);
    }
  });

  it('takes --max-rps over CXONE_MAX_RPS and refuses non-positive values', () => {
    const env = { ...CREDS, CXONE_REGION: 'us-1', CXONE_MAX_RPS: '5' };
    expect(resolveClientConfig(env).maxRps).toBe(5);
    expect(resolveClientConfig(env, { maxRps: '2.5' }).maxRps).toBe(2.5);
    expect(errorOf(() => resolveClientConfig(env, { maxRps: '0' }))).toBeInstanceOf(UsageError);
    const envErr = errorOf(() => resolveClientConfig({ ...env, CXONE_MAX_RPS: 'fast' }));
    expect(envErr).toBeInstanceOf(ConfigError);
    expect(envErr.message).toContain('CXONE_MAX_RPS must be a number');
  });
});

describe('the secret file (issue 12 §7)', () => {
  const env = (file: string) => ({ CXONE_REGION: 'us-1', CXONE_CLIENT_ID: 'a', CXONE_CLIENT_SECRET_FILE: file });

  it('refuses a FIFO at once instead of hanging in open', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-secret-'));
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const err = errorOf(() => resolveClientConfig(env(fifo)));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(`CXONE_CLIENT_SECRET_FILE ${fifo} is not a regular file (it is a FIFO (named pipe))`);
  });

  it('refuses a device (/dev/zero never ends) and a file over 64 KiB, showing nothing of either', () => {
    expect(errorOf(() => resolveClientConfig(env('/dev/zero'))).message).toBe('CXONE_CLIENT_SECRET_FILE /dev/zero is not a regular file (it is a device)');
    const dir = mkdtempSync(join(tmpdir(), 'cxq-secret-'));
    writeFileSync(join(dir, 'big'), 'k'.repeat(64 * 1024 + 1));
    writeFileSync(join(dir, 'max'), 'k'.repeat(64 * 1024));
    const err = errorOf(() => resolveClientConfig(env('big'), {}, dir));
    expect(err.message).toBe('CXONE_CLIENT_SECRET_FILE big is larger than 64 KiB');
    expect(err.message).not.toContain('kkkk');
    expect(resolveClientConfig(env('max'), {}, dir).clientSecret).toHaveLength(64 * 1024);
  });

  it('follows a link to a regular file (mounted secrets are links)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxq-secret-'));
    writeFileSync(join(dir, 'real'), 'linked-secret\n');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    expect(resolveClientConfig(env('link'), {}, dir).clientSecret).toBe('linked-secret');
  });
});

describe('base URLs (issue 12 §9)', () => {
  it('never echoes a value that does not parse: names the variable or flag and what a valid one looks like', () => {
    const pasted = 'S3cr3t+canary/value';
    for (const [flags, env, name] of [
      [{}, { ...CREDS, CXONE_BASE_URL: pasted }, 'CXONE_BASE_URL'],
      [{ baseUrl: pasted }, { ...CREDS }, '--base-url'],
      [{}, { ...CREDS, CXONE_BASE_URL: 'S3cr3t:canary' }, 'CXONE_BASE_URL'],
    ] as const) {
      const err = errorOf(() => resolveClientConfig(env, flags)) as ConfigError;
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toMatch(new RegExp(`^${name.replace('-', '\\-')} (is not a valid URL|must be an https:// URL)`));
      expect(`${err.message} ${err.hint}`).not.toContain('canary');
      expect(err.hint).toContain('https://us-1.api.cxm.nice.incontact.com');
    }
  });

  it('removes the API prefix /api/v2 (with or without a trailing slash) and says so', () => {
    for (const url of ['https://us-1.api.cxm.nice.incontact.com/api/v2', 'https://us-1.api.cxm.nice.incontact.com/api/v2/']) {
      const c = resolveClientConfig({ ...CREDS, CXONE_BASE_URL: url });
      expect(c.baseUrl).toBe('https://us-1.api.cxm.nice.incontact.com');
      expect(c.apiPrefixStripped).toBe(true);
    }
    const proxied = resolveClientConfig({ ...CREDS, CXONE_BASE_URL: 'https://proxy.example.com/cx/api/v2' });
    expect(proxied.baseUrl).toBe('https://proxy.example.com/cx');
    const plain = resolveClientConfig({ ...CREDS, CXONE_BASE_URL: 'https://proxy.example.com/cx' });
    expect(plain.apiPrefixStripped).toBeUndefined();
  });
});

describe('--max-wait and --timeout', () => {
  const env = { ...CREDS, CXONE_REGION: 'us-1' };
  it('reads durations in ms, s, m, h (a bare number is seconds), flag over variable', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('10m')).toBe(600_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('45')).toBe(45_000);
    for (const bad of ['', '0s', '-5s', '10 minutes', '1d', '25x', String(25 * 86_400)]) expect(parseDuration(bad), bad).toBeUndefined();
    expect(resolveClientConfig(env).retry.maxWaitMs).toBe(300_000);
    expect(resolveClientConfig({ ...env, CXONE_MAX_WAIT: '2m' }).retry.maxWaitMs).toBe(120_000);
    expect(resolveClientConfig({ ...env, CXONE_MAX_WAIT: '2m' }, { maxWait: '30s' }).retry.maxWaitMs).toBe(30_000);
    expect(resolveClientConfig(env).runTimeoutMs).toBeUndefined();
    expect(resolveClientConfig({ ...env, CXONE_TIMEOUT: '10m' }, { timeout: '90s' }).runTimeoutMs).toBe(90_000);
  });

  it('refuses a bad flag as a usage error and a bad variable as a configuration error', () => {
    expect(errorOf(() => resolveClientConfig(env, { timeout: 'soon' }))).toBeInstanceOf(UsageError);
    const e = errorOf(() => resolveClientConfig({ ...env, CXONE_MAX_WAIT: 'forever' }));
    expect(e).toBeInstanceOf(ConfigError);
    expect(e.message).toBe('CXONE_MAX_WAIT must be a duration such as 90s, 10m or 1h (above 0, at most 24 days), got "forever"');
  });
});

describe('checkBaseUrl', () => {
  it('allows plain http only on loopback', () => {
    for (const ok of ['http://127.0.0.1:8471', 'http://127.9.8.7', 'http://localhost:1', 'http://[::1]:80', 'https://cx.example.com']) {
      expect(() => checkBaseUrl(ok)).not.toThrow();
    }
    for (const bad of ['http://10.0.0.1', 'http://cx.example.com', 'http://128.0.0.1', 'http://localhost.evil.com']) {
      const err = errorOf(() => checkBaseUrl(bad));
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toContain('clear text');
      expect((err as ConfigError).hint).toContain('Use https://');
    }
  });

  it('refuses credentials in the URL and other schemes', () => {
    expect(errorOf(() => checkBaseUrl('https://u:p@cx.example.com')).message).toContain('must not contain credentials');
    expect(errorOf(() => checkBaseUrl('ftp://cx.example.com')).message).toContain('must be an https:// URL');
    expect(errorOf(() => checkBaseUrl('not a url')).message).toContain('is not a valid URL');
  });

  it('recognises loopback hosts', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('[::1]')).toBe(true);
    expect(isLoopback('LOCALHOST')).toBe(true);
    expect(isLoopback('127.0.0.1.nip.io')).toBe(false);
  });
});
