import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/**
 * Module-customization hooks (`node:module` register, Node >= 20.6) that append the URL of every
 * module the ESM loader loads to a file. got is ESM, so it shows here, unlike in require.cache.
 * appendFileSync: every load is on disk before the import that asked for it resolves.
 */
const HOOKS = `import { appendFileSync } from 'node:fs';
let out;
export function initialize(data) { out = data.out; }
export async function load(url, context, next) {
  appendFileSync(out, url + '\\n');
  return next(url, context);
}
`;
const REGISTER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url, { data: { out: process.env.CXQ_LOADED_FILE } });
`;

let dir = '';
let runs = 0;

/** Runs `node dist/cli.js ...args` with the hooks; the exit code and the URLs of the modules it loaded. */
function loadedBy(args: string[]): Promise<{ code: number; stdout: string; urls: string[] }> {
  const out = join(dir, `loaded-${runs++}.txt`);
  writeFileSync(out, '');
  const register = pathToFileURL(join(dir, 'register.mjs')).href;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', register, CLI, ...args],
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', CXQ_LOADED_FILE: out } },
      (err, stdout) => {
        if (err !== null && typeof err.code !== 'number') return reject(err);
        const urls = readFileSync(out, 'utf8').split('\n').filter((u) => u !== '');
        resolve({ code: err === null ? 0 : Number(err.code), stdout, urls });
      },
    );
  });
}

const GOT = '/node_modules/got/';
const RUN_MODULES = '/dist/cli/run/';
const matching = (urls: string[], part: string): string[] => urls.filter((u) => u.includes(part));

// Startup cost is the modules loaded before anything runs: `--version` and help must not pay for
// the API client (got alone ~100 ms) or any command's implementation. Asserted on the loaded
// module list rather than on timings, which a busy CI machine would make flaky.
describe('cxq startup loads commands lazily', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cxq-startup-'));
    writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
    writeFileSync(join(dir, 'register.mjs'), REGISTER);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--version loads commander but no command implementation and no got', async () => {
    const r = await loadedBy(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(matching(r.urls, '/node_modules/commander/')).not.toEqual([]);
    expect(matching(r.urls, GOT)).toEqual([]);
    expect(matching(r.urls, RUN_MODULES)).toEqual([]);
  });

  it('a command --help loads no command implementation and no got', async () => {
    const r = await loadedBy(['plan', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--detailed-exitcode');
    expect(matching(r.urls, GOT)).toEqual([]);
    expect(matching(r.urls, RUN_MODULES)).toEqual([]);
  });

  it('validate loads its own implementation only, and never got', async () => {
    const r = await loadedBy(['validate', '--dir', 'queues']);
    expect(r.code).toBe(0);
    expect(matching(r.urls, RUN_MODULES).map((u) => u.slice(u.lastIndexOf(RUN_MODULES) + RUN_MODULES.length))).toEqual(['validate.js']);
    expect(matching(r.urls, GOT)).toEqual([]);
  });

  it('a command that talks to the API loads got when it runs (the check above can see got)', async () => {
    // No credentials in the env: openApi refuses (exit 1) after the command's code has loaded.
    const r = await loadedBy(['status']);
    expect(r.code).toBe(1);
    expect(matching(r.urls, GOT)).not.toEqual([]);
  });
});
