import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, UsageError } from '../../../src/errors.js';
import { DEFAULT_DISCOVERY_URL, MAX_SECRET_FILE_BYTES, resolveAdminConfig, servicesBase } from '../../../src/providers/admin/config.js';

const KEY = { CXONE_ACCESS_KEY_ID: 'id', CXONE_ACCESS_KEY_SECRET: 'sec ret' };
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'cxq-admin-config-'));
  dirs.push(d);
  return d;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('resolveAdminConfig', () => {
  it('builds the token host from the area and defaults version and discovery', () => {
    const c = resolveAdminConfig({ ...KEY, CXONE_AREA: 'na1' });
    expect(c).toMatchObject({
      authUrl: 'https://na1.nice-incontact.com',
      apiVersion: 'v33.0',
      discoveryUrl: DEFAULT_DISCOVERY_URL,
      accessKeyId: 'id',
      accessKeySecret: 'sec ret',
      concurrency: 8,
    });
    expect(c.apiBaseUrl).toBeUndefined();
  });

  it('takes CXONE_AUTH_URL over the area, --base-url over CXONE_API_BASE_URL, --max-rps over CXONE_MAX_RPS', () => {
    const c = resolveAdminConfig(
      { ...KEY, CXONE_AREA: 'eu1', CXONE_AUTH_URL: 'https://auth.example.test/', CXONE_API_BASE_URL: 'https://env.example.test', CXONE_MAX_RPS: '3', CXONE_API_VERSION: 'v30.0' },
      { baseUrl: 'https://flag.example.test', maxRps: '7' },
    );
    expect(c).toMatchObject({ authUrl: 'https://auth.example.test', apiBaseUrl: 'https://flag.example.test', maxRps: 7, apiVersion: 'v30.0' });
    expect(servicesBase(c.apiBaseUrl!, c.apiVersion)).toBe('https://flag.example.test/inContactAPI/services/v30.0');
  });

  it('asks discovery on a loopback token host (the sandbox), unless CXONE_DISCOVERY_URL says otherwise', () => {
    expect(resolveAdminConfig({ ...KEY, CXONE_AUTH_URL: 'http://127.0.0.1:8471' }).discoveryUrl).toBe('http://127.0.0.1:8471');
    expect(resolveAdminConfig({ ...KEY, CXONE_AREA: 'na1', CXONE_DISCOVERY_URL: 'https://cxone-gov.niceincontact.com' }).discoveryUrl).toBe(
      'https://cxone-gov.niceincontact.com',
    );
  });

  it('names every missing variable at once', () => {
    expect(() => resolveAdminConfig({})).toThrow(
      'missing admin API configuration: set CXONE_AREA or CXONE_AUTH_URL; CXONE_ACCESS_KEY_ID; CXONE_ACCESS_KEY_SECRET or CXONE_ACCESS_KEY_SECRET_FILE',
    );
  });

  it('refuses plain http to a remote host in every URL variable', () => {
    for (const name of ['CXONE_AUTH_URL', 'CXONE_API_BASE_URL', 'CXONE_DISCOVERY_URL']) {
      const env = { ...KEY, CXONE_AREA: 'na1', [name]: 'http://cxone.example.com' };
      expect(() => resolveAdminConfig(env)).toThrow(`refusing plain http:// to cxone.example.com (${name})`);
    }
    expect(() => resolveAdminConfig({ ...KEY, CXONE_AREA: 'na1' }, { baseUrl: 'http://10.0.0.1' })).toThrow(ConfigError);
  });

  it('refuses an area that is not a token and a version not of the form vNN.0', () => {
    expect(() => resolveAdminConfig({ ...KEY, CXONE_AREA: 'evil.com/x' })).toThrow('CXONE_AREA "evil.com/x" is not an area name');
    for (const v of ['33', 'v33', 'v33.1', 'v33.0/../x']) {
      expect(() => resolveAdminConfig({ ...KEY, CXONE_AREA: 'na1', CXONE_API_VERSION: v })).toThrow('is not an API version');
    }
  });

  it('refuses a bad --concurrency as a usage error', () => {
    expect(() => resolveAdminConfig({ ...KEY, CXONE_AREA: 'na1' }, { concurrency: '0' })).toThrow(UsageError);
  });

  it('reads the secret file (trailing newline trimmed), relative to cwd', () => {
    const d = tempDir();
    writeFileSync(join(d, 'key'), 'file-secret\n');
    const c = resolveAdminConfig({ CXONE_ACCESS_KEY_ID: 'id', CXONE_AREA: 'na1', CXONE_ACCESS_KEY_SECRET_FILE: 'key' }, {}, d);
    expect(c.accessKeySecret).toBe('file-secret');
  });

  it('refuses both secret variables, a directory, an oversized or empty file, never showing content', () => {
    const d = tempDir();
    writeFileSync(join(d, 'big'), 'x'.repeat(MAX_SECRET_FILE_BYTES + 1));
    writeFileSync(join(d, 'empty'), '\n');
    mkdirSync(join(d, 'dir'));
    const env = (file: string) => ({ CXONE_ACCESS_KEY_ID: 'id', CXONE_AREA: 'na1', CXONE_ACCESS_KEY_SECRET_FILE: file });
    expect(() => resolveAdminConfig({ ...env('big'), CXONE_ACCESS_KEY_SECRET: 'x' }, {}, d)).toThrow('both CXONE_ACCESS_KEY_SECRET and CXONE_ACCESS_KEY_SECRET_FILE are set');
    expect(() => resolveAdminConfig(env('big'), {}, d)).toThrow('CXONE_ACCESS_KEY_SECRET_FILE big is larger than 64 KiB');
    expect(() => resolveAdminConfig(env('dir'), {}, d)).toThrow('CXONE_ACCESS_KEY_SECRET_FILE dir is not a regular file (it is a directory)');
    expect(() => resolveAdminConfig(env('missing'), {}, d)).toThrow('(ENOENT)');
    expect(() => resolveAdminConfig(env('empty'), {}, d)).toThrow('CXONE_ACCESS_KEY_SECRET_FILE empty is empty');
  });

  it('refuses a FIFO at once, with the same reader as v2 (never a hang in open)', () => {
    const d = tempDir();
    execFileSync('mkfifo', [join(d, 'pipe')]);
    const env = { CXONE_ACCESS_KEY_ID: 'id', CXONE_AREA: 'na1', CXONE_ACCESS_KEY_SECRET_FILE: 'pipe' };
    expect(() => resolveAdminConfig(env, {}, d)).toThrow('CXONE_ACCESS_KEY_SECRET_FILE pipe is not a regular file (it is a FIFO (named pipe))');
  });
});
