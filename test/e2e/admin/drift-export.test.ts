import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SkillDriftReport } from '../../../src/drift/skill-report.js';
import { cxqAdmin, sandboxServer, SERVERS, workDir, type AdminServer } from './servers.js';

describe.each(SERVERS)('cxq drift and export on the admin dialect (%s)', (_label, start) => {
  let server: AdminServer | undefined;
  let done: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await server?.close();
    await done?.();
    server = undefined;
  });

  async function exported(): Promise<string> {
    server = await start();
    const w = await workDir();
    done = w.done;
    const r = await cxqAdmin(server, w.dir, ['export', '--out-dir', 'skills', '--agents']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Export: \d+ created, 0 updated, 0 unchanged, 0 skipped in skills\/\./);
    return w.dir;
  }

  it('exports skills that validate and drift back to in sync; a second export changes nothing', async () => {
    const cwd = await exported();
    const files = await readdir(join(cwd, 'skills'));
    expect(files.length).toBeGreaterThan(3);
    expect((await cxqAdmin(server!, cwd, ['validate', '--dir', 'skills'])).code).toBe(0);
    const drift = await cxqAdmin(server!, cwd, ['drift', '--dir', 'skills', '--format', 'json']);
    expect(drift.code).toBe(0);
    const report = JSON.parse(drift.stdout) as SkillDriftReport;
    expect(report).toMatchObject({ kind: 'Skill', inSync: true, drifted: [], summary: { drifted: 0, unmanaged: 0 } });
    expect(report.summary.managed).toBe(files.length);
    const again = await cxqAdmin(server!, cwd, ['export', '--out-dir', 'skills', '--agents']);
    expect(again.stdout).toContain(`0 created, 0 updated, ${files.length} unchanged`);
  });

  it('a console edit is drift (exit 2) with no author, the same fingerprint twice, --report always JSON', async () => {
    const cwd = await exported();
    const { skillId } = server!.sample;
    const before = server!.skill(skillId)['serviceLevelGoal'];
    server!.edit(skillId, 'serviceLevelGoal', 42);
    const text = await cxqAdmin(server!, cwd, ['drift', '--dir', 'skills', '--report', 'drift.json']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`(skill ${skillId})`);
    expect(text.stdout).toContain(`serviceLevelGoal: live 42, desired ${before}`);
    expect(text.stdout).toContain('changed outside cxq; the Admin API keeps no author for skills');
    expect(text.stdout).toMatch(/note: the Admin API keeps no author \(modifiedBy\)/);
    const saved = JSON.parse(await readFile(join(cwd, 'drift.json'), 'utf8')) as SkillDriftReport;
    expect(saved.drifted).toEqual([
      expect.objectContaining({ skillId, modifiedBy: null, agents: [], fields: [{ path: '/serviceLevelGoal', live: 42, desired: before, lastWrite: { by: 'unknown' } }] }),
    ]);
    const json = JSON.parse((await cxqAdmin(server!, cwd, ['drift', '--dir', 'skills', '--format', 'json'])).stdout) as SkillDriftReport;
    expect(json.fingerprint).toBe(saved.fingerprint);
    expect(json.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const md = await cxqAdmin(server!, cwd, ['drift', '--dir', 'skills', '--format', 'markdown']);
    expect(md.stdout).toContain('### cxq drift: 1 of');
    expect(md.stdout).toContain('changed outside cxq');
  });

  it('attributes a live value to the cxq apply report that wrote it', async () => {
    const cwd = await exported();
    const { skillId } = server!.sample;
    server!.edit(skillId, 'serviceLevelGoal', 42);
    await mkdir(join(cwd, 'cxq-reports'));
    const report = {
      formatVersion: 1, command: 'apply', startedAt: '2026-11-30T09:00:00.000Z', finishedAt: '2026-11-30T09:00:05.000Z',
      baseUrl: `${server!.url}/inContactAPI/services/v33.0`, clientId: server!.env['CXONE_ACCESS_KEY_ID'],
      entries: [{ kind: 'Skill', skillId, skillName: 'x', outcome: 'applied', fields: [{ path: '/serviceLevelGoal', old: 80, new: 42 }], agents: [] }],
    };
    await writeFile(join(cwd, 'cxq-reports', 'apply-1.json'), JSON.stringify(report));
    const r = await cxqAdmin(server!, cwd, ['drift', '--dir', 'skills']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('last written by cxq apply at 2026-11-30T09:00:05.000Z (report cxq-reports/apply-1.json)');
  });

  it('refuses to overwrite a changed file without --force, and --id/--name select', async () => {
    const cwd = await exported();
    const { skillId } = server!.sample;
    server!.edit(skillId, 'serviceLevelGoal', 42);
    const refused = await cxqAdmin(server!, cwd, ['export', '--out-dir', 'skills', '--agents']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('differ from the live skills and were not overwritten');
    const forced = await cxqAdmin(server!, cwd, ['export', '--out-dir', 'skills', '--agents', '--force', '--id', String(skillId)]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^~ updated skills\/\S+\.yaml/m);
    expect((await cxqAdmin(server!, cwd, ['drift', '--dir', 'skills'])).code).toBe(0);
    const none = await cxqAdmin(server!, cwd, ['export', '--out-dir', 'other', '--name', 'No Such *']);
    expect(none.code).toBe(1);
    expect((await cxqAdmin(server!, cwd, ['export', '--out-dir', 'other', '--id', '999999999'])).stderr).toContain('no live skill has id 999999999');
  });
});

describe('cxq drift on the admin sandbox: agents', () => {
  it('shows an out-of-band proficiency change with the agent lines, attributed to no one', async () => {
    const server = await sandboxServer();
    const w = await workDir();
    try {
      expect((await cxqAdmin(server, w.dir, ['export', '--out-dir', 'skills', '--agents'])).code).toBe(0);
      const { skillId, agent } = server.sample;
      server.setProficiency!(skillId, agent, 9);
      const r = await cxqAdmin(server, w.dir, ['drift', '--dir', 'skills']);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('agents (what apply would do):');
      expect(r.stdout).toMatch(/~ agent ana\.garcia: proficiency 9 → \d+\n\s+changed outside cxq/);
      const json = JSON.parse((await cxqAdmin(server, w.dir, ['drift', '--dir', 'skills', '--format', 'json'])).stdout) as SkillDriftReport;
      expect(json.drifted[0]?.agents[0]).toMatchObject({ action: 'update', userName: agent, live: { proficiency: 9 }, lastWrite: { by: 'unknown' } });
    } finally {
      await server.close();
      await w.done();
    }
  });
});
