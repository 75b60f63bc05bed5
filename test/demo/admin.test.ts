import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatePullRequest } from '../../src/demo/admin.js';
import { silentLogger } from '../../src/log.js';
import { planSkillsFromDirectory } from '../../src/plan/skill-source.js';
import { resolveAdminConfig } from '../../src/providers/admin/config.js';
import { createAdminSkillApi } from '../../src/providers/admin/provider.js';
import { startAdminSandbox, type AdminSandboxHandle } from '../../src/sandbox/admin/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let work: string | undefined;
let sb: AdminSandboxHandle | undefined;
afterEach(async () => {
  await sb?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  work = sb = undefined;
});

/**
 * The admin part of the demo plans what its simulated pull request changed, and nothing else:
 * checked in-process with the admin provider (the demo itself goes through the CLI).
 */
describe('demo, admin part: the simulated pull request', () => {
  it('starts in sync with the seeded examples, then plans exactly one field and one new agent', async () => {
    work = mkdtempSync(join(tmpdir(), 'cxq-demo-admin-'));
    cpSync(join(ROOT, 'examples/admin/skills'), join(work, 'skills'), { recursive: true });
    sb = await startAdminSandbox({ seedDir: join(work, 'skills') });
    const env = { CXONE_AUTH_URL: sb.baseUrl, CXONE_ACCESS_KEY_ID: 'sandbox', CXONE_ACCESS_KEY_SECRET: 'sandbox' };
    const ctx = { io: { cwd: work, env }, logger: silentLogger() };
    const plan = async () => (await planSkillsFromDirectory(ctx, createAdminSkillApi(resolveAdminConfig(env, {}, work), ctx.logger), 'skills')).plan;
    expect((await plan()).changes.filter((c) => c.action === 'update')).toEqual([]);
    await simulatePullRequest(join(work, 'skills'));
    const updates = (await plan()).changes.filter((c) => c.action === 'update');
    expect(updates.map((c) => [c.skillName, c.fields.map((f) => [f.path, f.old, f.new]), c.agents.map((a) => [a.action, a.userName, a.new])])).toEqual([
      ['Support Voice', [['/serviceLevelGoal', 80, 85]], []],
      ['VIP Voice', [], [['assign', 'chloe.martin', { proficiency: 3, active: true }]]],
    ]);
  });
});
