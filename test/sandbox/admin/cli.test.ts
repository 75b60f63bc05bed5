import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io.js';
import { registerSandbox } from '../../../src/cli/sandbox.js';
import { FileError, UsageError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/log.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const FIRST = /^cxq sandbox listening on (http:\/\/127\.0\.0\.1:\d+) \(admin dialect: (\d+) skills, (\d+) agents; access key (\S+)\)$/;

/** Runs `cxq sandbox --port 0 ...args` through commander; `ready` resolves with the banner. */
function startCommand(args: string[]) {
  const controller = new AbortController();
  let stdout = '';
  let onOut: (s: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (onOut = resolve));
  const io: CliIO = {
    stdout: { write: (s: string) => ((stdout += s), onOut(stdout)) },
    stderr: { write: () => true },
    stdin: Object.assign(Readable.from([]), { isTTY: false }),
    env: {},
    cwd: root,
    signal: controller.signal,
  };
  let code: number | undefined;
  const program = new Command('cxq').exitOverride();
  registerSandbox(program, async (action) => {
    code = await action({ io, logger: silentLogger() });
  });
  const done = program.parseAsync(['sandbox', '--port', '0', ...args], { from: 'user' }).then(() => code);
  return { controller, ready, done, stdout: () => stdout };
}

/** The env vars the banner tells the user to export. */
const exported = (banner: string): Record<string, string> =>
  Object.fromEntries([...banner.matchAll(/^ {2}export (\w+)=(\S+)$/gm)].map((m) => [m[1]!, m[2]!]));

describe('cxq sandbox --dialect admin', () => {
  it('prints its URL, the API base and the env vars to export, serves the admin API, exits 0 when aborted', async () => {
    const cmd = startCommand(['--dialect', 'admin', '--skills', '5', '--rate-limit', '100']);
    const banner = await cmd.ready;
    const lines = banner.split('\n');
    const m = FIRST.exec(lines[0]!)!;
    expect(m).not.toBeNull();
    expect([m[2], m[3], m[4]]).toEqual(['18', '15', 'sandbox/sandbox']);
    const base = m[1]!;
    expect(lines[1]).toBe(`  API base: ${base}/inContactAPI/services/v33.0`);
    const env = exported(banner);
    expect(env).toEqual({
      CXONE_PROVIDER: 'admin',
      CXONE_AUTH_URL: base,
      CXONE_API_BASE_URL: base,
      CXONE_ACCESS_KEY_ID: 'sandbox',
      CXONE_ACCESS_KEY_SECRET: 'sandbox',
    });
    const tok = await fetch(`${env['CXONE_AUTH_URL']}/authentication/v1/token/access-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessKeyId: env['CXONE_ACCESS_KEY_ID'], accessKeySecret: env['CXONE_ACCESS_KEY_SECRET'] }),
    });
    const { access_token } = (await tok.json()) as { access_token: string };
    const skills = await fetch(`${base}/inContactAPI/services/v33.0/skills`, { headers: { authorization: `Bearer ${access_token}`, accept: 'application/json' } });
    expect(((await skills.json()) as { totalRecords: number }).totalRecords).toBe(18);
    cmd.controller.abort();
    expect(await cmd.done).toBe(0);
    expect(cmd.stdout()).toBe(banner);
  });

  it('takes a custom access key, never prints its secret, and applies token TTL, put mode and Retry-After', async () => {
    const cmd = startCommand(['--dialect', 'admin', '--access-key-id', 'ci', '--access-key-secret', 'hunter2', '--token-ttl', '120', '--rate-limit', '0.01', '--retry-after']);
    const banner = await cmd.ready;
    expect(banner).not.toContain('hunter2');
    expect(exported(banner)['CXONE_ACCESS_KEY_SECRET']).toBe('<--access-key-secret>');
    const base = FIRST.exec(banner.split('\n')[0]!)![1]!;
    const tok = await fetch(`${base}/authentication/v1/token/access-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessKeyId: 'ci', accessKeySecret: 'hunter2' }),
    });
    const body = (await tok.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(120);
    const h = { authorization: `Bearer ${body.access_token}`, accept: 'application/json' };
    expect((await fetch(`${base}/inContactAPI/services/v33.0/agents`, { headers: h })).status).toBe(200);
    const limited = await fetch(`${base}/inContactAPI/services/v33.0/agents`, { headers: h });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(99);
    cmd.controller.abort();
    expect(await cmd.done).toBe(0);
  });

  it('--seed DIR applies Skill definitions over the sample tenant; a missing directory is refused before listening', async () => {
    const cmd = startCommand(['--dialect', 'admin', '--seed', 'examples/admin/skills']);
    const base = FIRST.exec((await cmd.ready).split('\n')[0]!)![1]!;
    const tok = await fetch(`${base}/authentication/v1/token/access-key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accessKeyId: 'sandbox', accessKeySecret: 'sandbox' }),
    });
    const h = { authorization: `Bearer ${((await tok.json()) as { access_token: string }).access_token}`, accept: 'application/json' };
    const found = (await (await fetch(`${base}/inContactAPI/services/v33.0/skills?searchString=support%20email`, { headers: h })).json()) as { skills: { serviceLevelThreshold: number }[] };
    expect(found.skills.map((s) => s.serviceLevelThreshold)).toEqual([14400]);
    cmd.controller.abort();
    expect(await cmd.done).toBe(0);
    const err = await startCommand(['--dialect', 'admin', '--seed', 'no-such-dir']).done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as Error).message).toBe('--seed no-such-dir is not a directory');
  });

  it.each([
    [['--dialect', 'v3'], '--dialect must be v2 or admin, got "v3"'],
    [['--dialect', 'admin', '--queues', '3'], '--queues applies only with --dialect v2'],
    [['--dialect', 'admin', '--queues', '1', '--client-id', 'x'], '--queues, --client-id apply only with --dialect v2'],
    [['--skills', '3'], '--skills applies only with --dialect admin'],
    [['--dialect', 'admin', '--background-load', '5'], '--background-load applies only with --dialect v2'],
    [['--dialect', 'admin', '--skills', '-1'], '--skills must be an integer'],
    [['--dialect', 'admin', '--put-omitted', 'merge'], '--put-omitted must be keep or reset, got "merge"'],
    [['--dialect', 'admin', '--write-failure-rate', '2'], '--write-failure-rate must be a number from 0 to 1'],
    [['--dialect', 'admin', '--token-ttl', '0'], '--token-ttl must be an integer from 1 to 86400'],
    [['--dialect', 'admin', '--access-key-id', ''], '--access-key-id and --access-key-secret must not be empty'],
    [['--dialect', 'admin', '--access-key-id', 'console'], 'built-in console key'],
  ])('refuses %j with a UsageError', async (args, message) => {
    const err = await startCommand(args).done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(message);
  });
});
