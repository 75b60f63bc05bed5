import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { erlangCServiceLevel } from '../../../src/insight/erlang.js';
import type { SkillAbandonmentReport } from '../../../src/insight/skill-abandonment.js';
import type { SkillAuditResult } from '../../../src/insight/skill-audit.js';
import type { SkillStatusReport } from '../../../src/insight/skill-status.js';
import { cxqAdmin, SERVERS, workDir, type AdminServer } from './servers.js';

/** GET on the server's API with its own token, as a second opinion on what the CLI read. */
async function apiGet(server: AdminServer, path: string): Promise<Record<string, unknown>> {
  const tok = await fetch(`${server.env['CXONE_AUTH_URL']}/authentication/v1/token/access-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessKeyId: server.env['CXONE_ACCESS_KEY_ID'], accessKeySecret: server.env['CXONE_ACCESS_KEY_SECRET'] }),
  });
  const { access_token: token } = (await tok.json()) as { access_token: string };
  const res = await fetch(`${server.url}/inContactAPI/services/v33.0${path}`, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe.each(SERVERS)('cxq status, report abandonment and audit on the admin dialect (%s)', (_label, start) => {
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
    expect((await cxqAdmin(server, w.dir, ['export', '--out-dir', 'skills'])).code).toBe(0);
    return w.dir;
  }

  it('status: Erlang C from the skill summary and activity, the skill own targets, numbers as the server serves them', async () => {
    const cwd = await exported();
    const r = await cxqAdmin(server!, cwd, ['status', '--dir', 'skills', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as SkillStatusReport;
    const { skillId } = server!.sample;
    const s = report.skills.find((x) => x.skillId === skillId)!;
    expect(s.method).toBe('erlang-c(summary+activity)');
    const live = server!.skill(skillId);
    expect(s).toMatchObject({ targetSource: 'skill', slaSeconds: live['serviceLevelThreshold'], target: (live['serviceLevelGoal'] as number) / 100 });
    const q = `startDate=${encodeURIComponent(report.window.startDate)}&endDate=${encodeURIComponent(report.window.endDate)}`;
    const body = await apiGet(server!, `/skills/${skillId}/summary?${q}`);
    const summary = ((body['skillSummaries'] as unknown[] | undefined)?.[0] ?? body) as Record<string, number>;
    expect(s.inputs.contactsOffered).toBe(summary['contactsOffered']);
    expect(s.inputs.averageHandleTime).toBe(summary['averageHandleTime']);
    expect(s.inputs.windowSeconds).toBe(3600);
    const c = erlangCServiceLevel({
      load: (s.inputs.contactsOffered! * s.inputs.averageHandleTime!) / 3600,
      agents: s.inputs.agentsLoggedIn!,
      handleTime: s.inputs.averageHandleTime!,
      targetSeconds: s.slaSeconds,
    });
    expect(s.predictedServiceLevel).toBeCloseTo(c.serviceLevel, 4);
    expect(s.breachPredicted).toBe(c.overloaded || c.serviceLevel < s.target);

    const flags = JSON.parse((await cxqAdmin(server!, cwd, ['status', '--dir', 'skills', '--format', 'json', '--sla', '60', '--target', '90', '--id', String(skillId)])).stdout) as SkillStatusReport;
    expect(flags.skills).toHaveLength(1);
    expect(flags.skills[0]).toMatchObject({ skillId, slaSeconds: 60, target: 0.9, targetSource: 'flags' });
    const text = await cxqAdmin(server!, cwd, ['status', '--dir', 'skills']);
    expect(text.stdout).toMatch(/^SKILL\s+ID\s+AGENTS\s+QUEUE\s+OFFERED/);
    expect(text.stdout).toContain('erlang-c(summary+activity)');
    const html = await cxqAdmin(server!, cwd, ['status', '--dir', 'skills', '--format', 'html']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).not.toContain('<script');
    expect((await cxqAdmin(server!, cwd, ['status', '--dir', 'skills', '--id', 'abc'])).code).toBe(1);
    // Some traffic can never be answered 100% within 1 s: a breach, so --fail-on-breach exits 2.
    const strict = ['status', '--dir', 'skills', '--id', String(skillId), '--sla', '1', '--target', '100'];
    expect((await cxqAdmin(server!, cwd, strict)).code).toBe(0);
    expect((await cxqAdmin(server!, cwd, [...strict, '--fail-on-breach'])).code).toBe(2);
  });

  it('report abandonment: buckets from completed contacts sum to the contacts, short abandons as the skill counts them', async () => {
    const cwd = await exported();
    const r = await cxqAdmin(server!, cwd, ['report', 'abandonment', '--dir', 'skills', '--since', '3h', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as SkillAbandonmentReport;
    expect(report.kind).toBe('Skill');
    let contacts = 0;
    for (const q of report.queues) {
      expect(q.buckets.slice(0, 6).map((b) => b.range)).toEqual(['0-30', '30-60', '60-120', '120-300', '300-600', '600+']);
      const offered = q.buckets.reduce((n, b) => n + b.offered, 0);
      expect(offered).toBe(q.total.offered);
      expect(q.total.offered + (q.shortAbandonsCounted ? 0 : q.shortAbandons)).toBe(q.contacts);
      contacts += q.contacts;
    }
    expect(contacts).toBeGreaterThan(0);
    expect(report.total.offered).toBe(report.queues.reduce((n, q) => n + q.total.offered, 0));
    const csv = await cxqAdmin(server!, cwd, ['report', 'abandonment', '--dir', 'skills', '--since', '3h', '--format', 'csv']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('skill_id,skill_name,wait_range,offered,answered,abandoned,abandonment_rate,average_wait');
    expect(lines.length).toBe(1 + report.queues.reduce((n, q) => n + q.buckets.length + 1, 0));
    const text = await cxqAdmin(server!, cwd, ['report', 'abandonment', '--dir', 'skills', '--since', '3h']);
    expect(text.stdout).toContain('note: buckets computed from completed contacts');
    expect(text.stdout).toMatch(/\d+ skill\(s\): \d+ offered/);
    const html = await cxqAdmin(server!, cwd, ['report', 'abandonment', '--dir', 'skills', '--since', '3h', '--format', 'html']);
    expect(html.stdout).toContain('<td>all skills</td>');
  });

  it('audit: from cxq apply reports only, and says so', async () => {
    const cwd = await exported();
    const { skillId } = server!.sample;
    const baseUrl = `${server!.url}/inContactAPI/services/v33.0`;
    const finishedAt = new Date(Date.now() - 3600_000).toISOString();
    const report = (base: string, entries: unknown[]) => JSON.stringify({ formatVersion: 1, command: 'apply', startedAt: finishedAt, finishedAt, baseUrl: base, clientId: 'key-1', entries });
    await mkdir(join(cwd, 'cxq-reports'));
    await writeFile(join(cwd, 'cxq-reports', 'apply-a.json'), report(baseUrl, [
      { kind: 'Skill', skillId, skillName: 'x', outcome: 'applied', fields: [{ path: '/serviceLevelGoal', old: 80, new: 85 }], agents: [{ action: 'assign', userName: 'li.wei', agentId: 7, old: null, new: { proficiency: 2, active: true } }] },
      { kind: 'Skill', skillId, skillName: 'x', outcome: 'failed', fields: [{ path: '/notes', old: '', new: 'n' }] },
      { id: 'queue-1', name: 'A queue', outcome: 'applied', fromVersion: 1, toVersion: 2 },
    ]));
    await writeFile(join(cwd, 'cxq-reports', 'apply-other-tenant.json'), report('https://elsewhere.example/inContactAPI/services/v33.0', [
      { kind: 'Skill', skillId, outcome: 'applied', fields: [{ path: '/maxPriority', old: 1, new: 2 }] },
    ]));
    const r = await cxqAdmin(server!, cwd, ['audit', '--dir', 'skills', '--format', 'json']);
    expect(r.code).toBe(0);
    const audit = JSON.parse(r.stdout) as SkillAuditResult;
    expect(audit).toMatchObject({ kind: 'Skill', source: 'cxq-apply-reports', summary: { entries: 1, reports: 1 } });
    expect(audit.notes[0]).toContain('keeps no audit history for skills');
    expect(audit.entries[0]).toMatchObject({ skillId, madeBy: 'cxq', clientId: 'key-1', timestamp: finishedAt, report: { file: 'cxq-reports/apply-a.json' } });
    expect(audit.entries[0]?.skillName).toBe(server!.skill(skillId)['skillName']);
    const text = await cxqAdmin(server!, cwd, ['audit', '--dir', 'skills']);
    expect(text.stdout).toContain('serviceLevelGoal: 80 -> 85; + agent li.wei: proficiency 2, active');
    expect(text.stdout).toContain('note: the Admin API keeps no audit history for skills');
    const csv = await cxqAdmin(server!, cwd, ['audit', '--dir', 'skills', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('timestamp,skill_id,skill_name,made_by,client_id,fields,changes,apply_report');
    expect(csv.stderr).toContain('keeps no audit history for skills');
    const md = await cxqAdmin(server!, cwd, ['audit', '--dir', 'skills', '--format', 'markdown', '--since', '10m']);
    expect(md.stdout).toContain('No changes in this period.');
    const unmanaged = await cxqAdmin(server!, cwd, ['audit', '--dir', 'skills', '--id', '999999999']);
    expect(unmanaged.code).toBe(1);
    expect(unmanaged.stderr).toContain('not a skill managed by the definitions in skills');
  });
});
