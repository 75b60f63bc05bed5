import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTenant, type Tenant } from '../apply/tenant.js';

// An empty or mistyped --dir must never read as "in sync" (a nightly drift check green forever).

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A tenant with 3 queues and an `empty/` directory holding only a README. */
async function tenantWithEmptyDir(): Promise<Tenant> {
  const tenant = await startTenant(3);
  mkdirSync(join(tenant.cwd, 'empty'));
  writeFileSync(join(tenant.cwd, 'empty', 'README.md'), 'no definitions here\n');
  return tenant;
}

const COMMANDS: string[][] = [['plan'], ['drift'], ['apply', '--yes']];

describe('a definitions directory with no queue definitions', () => {
  it.each(COMMANDS)('%s --dir empty exits 1 naming the directory, writing nothing', async (...cmd) => {
    t = await tenantWithEmptyDir();
    const r = await t.run([...cmd, '--dir', 'empty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: no queue definitions found in empty');
    expect(r.stderr).toContain('--allow-empty');
    expect(r.stdout).not.toMatch(/No drift|No changes|in sync/i);
    expect(t.sb.stats.puts).toBe(0);
    // plan and drift validate before their first request; apply checks the platform health first.
    if (cmd[0] !== 'apply') expect(t.sb.stats.requests).toBe(0);
  });

  it('a file that holds only comments counts as no definition', async () => {
    t = await tenantWithEmptyDir();
    writeFileSync(join(t.cwd, 'empty', 'a.yaml'), '# nothing declared yet\n');
    const r = await t.run(['drift', '--dir', 'empty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no queue definitions found in empty (1 YAML file(s))');
  });

  it('apply --plan checked against an empty --dir exits 1 before any write', async () => {
    t = await tenantWithEmptyDir();
    t.declare({ 0: 600 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const r = await t.run(['apply', '--plan', 'plan.json', '--dir', 'empty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no queue definitions found in empty');
    expect(t.sb.stats.puts).toBe(0);
  });

  it('--allow-empty: plan and drift see every live queue as unmanaged, apply writes nothing', async () => {
    t = await tenantWithEmptyDir();
    const plan = await t.run(['plan', '--dir', 'empty', '--allow-empty', '--format', 'json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout)).toMatchObject({ summary: { managed: 0, update: 0, unmanaged: 3 } });
    const drift = await t.run(['drift', '--dir', 'empty', '--allow-empty', '--format', 'json']);
    expect(drift.code).toBe(0);
    expect(JSON.parse(drift.stdout)).toMatchObject({ inSync: true, summary: { managed: 0, unmanaged: 3 } });
    const apply = await t.run(['apply', '--dir', 'empty', '--allow-empty', '--report', 'r.json']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toContain('No changes.');
    expect(t.sb.stats.puts).toBe(0);
  });

  it.each(COMMANDS)('%s --dir on a directory that does not exist exits 1 with a clear error', async (...cmd) => {
    t = await tenantWithEmptyDir();
    const r = await t.run([...cmd, '--dir', 'missing', '--allow-empty']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: definitions directory missing does not exist');
    expect(r.stderr).toContain('hint: ');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(t.sb.stats.puts).toBe(0);
    // plan and drift validate before their first request; apply checks the platform health first.
    if (cmd[0] !== 'apply') expect(t.sb.stats.requests).toBe(0);
  });
});
