import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { SkillDefinition } from '../../../src/definitions/types.js';
import { DefinitionError, FileError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/log.js';
import { planSkillsFromDirectory } from '../../../src/plan/skill-source.js';
import { resolveAdminConfig } from '../../../src/providers/admin/config.js';
import { createAdminSkillApi } from '../../../src/providers/admin/provider.js';
import { mediaTypeFromName, overlayDefinitions } from '../../../src/sandbox/admin/seed-dir.js';
import type { AdminSandboxHandle } from '../../../src/sandbox/admin/server.js';
import { start } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const EXAMPLES = 'examples/admin/skills';

/** The skills plan of `dir` against `sb`, computed in-process with the admin provider (read-only). */
async function planAgainst(sb: AdminSandboxHandle, dir: string, cwd = ROOT) {
  const env = { CXONE_AUTH_URL: sb.baseUrl, CXONE_API_BASE_URL: sb.baseUrl, CXONE_ACCESS_KEY_ID: 'sandbox', CXONE_ACCESS_KEY_SECRET: 'sandbox' };
  const ctx = { io: { cwd, env }, logger: silentLogger() };
  const api = createAdminSkillApi(resolveAdminConfig(env, {}, cwd), ctx.logger);
  return (await planSkillsFromDirectory(ctx, api, dir)).plan;
}

const updates = (plan: Awaited<ReturnType<typeof planAgainst>>) =>
  plan.changes
    .filter((c) => c.action === 'update')
    .map((c) => ({ skill: c.skillName, fields: c.fields.map((f) => `${f.path} ${String(f.old)} → ${String(f.new)}`), agents: c.agents.map((a) => `${a.action} ${a.userName}`) }));

let temp: string[] = [];
afterEach(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  temp = [];
});

function defsDir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cxq-admin-seed-'));
  temp.push(root);
  mkdirSync(join(root, 'defs'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'defs', name), text);
  return root;
}

describe('the admin sample tenant and examples/admin/skills agree', () => {
  it('has every skill and user name the examples use; planning them shows exactly the two planned differences', async () => {
    const sb = await start();
    for (const name of ['Billing Voice', 'Support Email', 'Collections SMS', 'Support Chat', 'Support Voice', 'VIP Voice']) {
      expect(sb.state.skillByName(name), name).toBeDefined();
    }
    for (const user of ['ana.garcia', 'ben.okafor', 'chloe.martin', 'david.kim', 'emma.schulz', 'farid.haddad']) {
      expect(sb.state.agentByUserName(user), user).toBeDefined();
    }
    const plan = await planAgainst(sb, EXAMPLES);
    expect(plan.problems).toEqual([]);
    expect(updates(plan)).toEqual([
      { skill: 'Billing Voice', fields: [], agents: ['unassign ben.okafor'] },
      { skill: 'Support Email', fields: ['/serviceLevelThreshold 3600 → 14400', '/serviceLevelGoal 80 → 90'], agents: [] },
    ]);
    expect(plan.changes.filter((c) => c.action === 'noop').map((c) => c.skillName)).toEqual(['Collections SMS', 'Support Chat', 'Support Voice', 'VIP Voice']);
    expect(plan.unmanaged).toHaveLength(7);
  });

  it('seeded from the examples (seedDir), the sandbox starts in sync with them: no change, same unmanaged skills', async () => {
    const sb = await start({ seedDir: EXAMPLES, cwd: ROOT });
    const plan = await planAgainst(sb, EXAMPLES);
    expect(plan.problems).toEqual([]);
    expect(updates(plan)).toEqual([]);
    expect(plan.changes).toHaveLength(6);
    expect(plan.unmanaged).toHaveLength(7);
    const billing = sb.state.skillByName('Billing Voice')!;
    expect(sb.state.assignments(billing.skillId).map((a) => [a.userName, a.proficiency])).toEqual([['emma.schulz', 1], ['farid.haddad', 4]]);
    expect(sb.state.writeCount(billing.skillId)).toBe(0);
    expect(sb.state.agentWriteCount(billing.skillId)).toBe(0);
  });
});

describe('seedDir: Skill definitions applied over the sample tenant', () => {
  it('creates a missing skill (media type from its name) and unknown agents; without the sample only the definitions', async () => {
    const root = defsDir({
      'a.yaml': 'kind: Skill\nskillName: Returns Chat\nserviceLevelGoal: 70\nagents:\n  zoe.van-dijk: { proficiency: 7, active: false }\n  ana.garcia: { proficiency: 2 }\n',
    });
    const sb = await start({ seedDir: 'defs', cwd: root, sample: false });
    expect(sb.state.listSkills().map((s) => [s.skillName, s.mediaTypeId, s.serviceLevelGoal, s.serviceLevelThreshold])).toEqual([['Returns Chat', 3, 70, 30]]);
    const zoe = sb.state.agentByUserName('zoe.van-dijk')!;
    expect([zoe.firstName, zoe.lastName, zoe.isActive]).toEqual(['Zoe', 'Van Dijk', true]);
    const id = sb.state.skillByName('Returns Chat')!.skillId;
    expect(sb.state.assignments(id).map((a) => [a.userName, a.proficiency, a.isActive])).toEqual([['zoe.van-dijk', 7, false], ['ana.garcia', 2, true]]);
    expect((await planAgainst(sb, 'defs', root)).changes.map((c) => c.action)).toEqual(['noop']);
  });

  it('keeps undeclared assignments unless agentsExclusive, and an undeclared active flag as it was', () => {
    const base = {
      agents: [{ userName: 'a', firstName: 'A', lastName: 'A', teamId: 1, isActive: true }],
      skills: [
        { skillName: 'S', fields: { mediaTypeId: 4 }, assignments: [{ userName: 'a', proficiency: 5, isActive: false }, { userName: 'b', proficiency: 9, isActive: true }] },
      ],
    };
    const def = (extra: Partial<SkillDefinition>): SkillDefinition => ({ kind: 'Skill', skillName: 's', agents: { A: { proficiency: 1 } }, ...extra });
    const merged = overlayDefinitions(base, [def({ serviceLevelGoal: 60, notes: 'two lines\nhere\n' })]);
    expect(merged.skills[0]!.assignments).toEqual([{ userName: 'b', proficiency: 9, isActive: true }, { userName: 'A', proficiency: 1, isActive: false }]);
    expect(merged.skills[0]!.fields).toEqual({ mediaTypeId: 4, serviceLevelGoal: 60, notes: 'two lines\nhere' });
    expect(merged.agents).toHaveLength(1);
    const exclusive = overlayDefinitions(base, [def({ agentsExclusive: true })]);
    expect(exclusive.skills[0]!.assignments.map((a) => a.userName)).toEqual(['A']);
    expect(base.skills[0]!.assignments).toHaveLength(2);
    expect([mediaTypeFromName('Support Email'), mediaTypeFromName('SMS Care'), mediaTypeFromName('Digital Messaging'), mediaTypeFromName('Emailer')]).toEqual([1, 7, 9, 4]);
  });

  it('refuses invalid definitions, queue definitions and a missing directory before listening', async () => {
    const bad = defsDir({ 'a.yaml': 'kind: Skill\nskillName: S\nserviceLevelGoal: 120\n' });
    await expect(start({ seedDir: 'defs', cwd: bad })).rejects.toBeInstanceOf(DefinitionError);
    const queues = defsDir({ 'q.yaml': 'name: Support\n' });
    const err = await start({ seedDir: 'defs', cwd: queues }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DefinitionError);
    expect((err as DefinitionError).message).toContain('queue definition(s) in the admin seed directory defs');
    await expect(start({ seedDir: 'nope', cwd: queues })).rejects.toBeInstanceOf(FileError);
  });
});
