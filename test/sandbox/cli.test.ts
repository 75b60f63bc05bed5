import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { registerSandbox } from '../../src/cli/sandbox.js';
import { UsageError } from '../../src/errors.js';
import { silentLogger } from '../../src/log.js';
import { getToken } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LINE = /^cxq sandbox listening on (http:\/\/127\.0\.0\.1:\d+) \((\d+) queues, (\d+) skills; credentials (\S+)\)\n$/;

/**
 * Runs the sandbox command through commander with an IO whose stdout resolves `ready` with the
 * first line, so the test can talk to the server while the command runs.
 */
function startCommand(args: string[]) {
  const controller = new AbortController();
  let stdout = '';
  let onLine: (line: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (onLine = resolve));
  const io: CliIO = {
    stdout: { write: (s: string) => ((stdout += s), onLine(stdout)) },
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

describe('cxq sandbox', () => {
  it('prints one line with its URL, serves the contract until aborted, then exits 0', async () => {
    const cmd = startCommand(['--queues', '3', '--seed', 'queues']);
    const line = await cmd.ready;
    const m = LINE.exec(line)!;
    expect(m).not.toBeNull();
    expect(m[2]).toBe('11');
    expect(Number(m[3])).toBeGreaterThanOrEqual(20);
    expect(m[4]).toBe('sandbox/sandbox');
    const sb = { baseUrl: m[1]! };
    const token = await getToken(sb as never);
    const r = await fetch(`${sb.baseUrl}/api/v2/routing/queues?pageSize=500`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await r.json()) as { total: number }).total).toBe(11);
    cmd.controller.abort();
    expect(await cmd.done).toBe(0);
    expect(cmd.stdout()).toBe(line);
    await expect(fetch(`${sb.baseUrl}/api/v2/health`)).rejects.toThrow();
  });

  it('applies its flags: credentials, rate limit, and never prints a custom secret', async () => {
    const cmd = startCommand(['--client-id', 'ci', '--client-secret', 'hunter2', '--rate-limit', '1', '--seed', 'queues']);
    const line = await cmd.ready;
    expect(line).not.toContain('hunter2');
    const base = LINE.exec(line)![1]!;
    const tok = await fetch(`${base}/api/v2/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=ci&client_secret=hunter2&scope=health:read',
    });
    const { access_token } = (await tok.json()) as { access_token: string };
    const h = { authorization: `Bearer ${access_token}` };
    expect((await fetch(`${base}/api/v2/health`, { headers: h })).status).toBe(200);
    expect((await fetch(`${base}/api/v2/health`, { headers: h })).status).toBe(429);
    cmd.controller.abort();
    expect(await cmd.done).toBe(0);
  });

  it.each([
    [['--port', '65536'], '--port must be an integer from 0 to 65535, got "65536"'],
    [['--queues', '-1'], '--queues must be an integer'],
    [['--fault-rate', '1.5'], '--fault-rate must be a number from 0 to 1, got "1.5"'],
    [['--latency', 'fast'], '--latency must be an integer'],
    [['--propagation-ms', '2.5'], '--propagation-ms must be an integer'],
    [['--client-id', ''], '--client-id and --client-secret must not be empty'],
  ])('refuses %j with a UsageError', async (args, message) => {
    const cmd = startCommand(args);
    const err = await cmd.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain(message);
  });

  it('refuses a --seed that is not a directory', async () => {
    const err = await startCommand(['--seed', 'no-such-dir']).done.catch((e: unknown) => e);
    expect((err as Error).message).toBe('--seed no-such-dir is not a directory');
  });
});
