import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleEdit } from '../../src/sandbox/console-edit.js';
import { CONSOLE_CLIENT } from '../../src/sandbox/server.js';
import { routeCount, startInsightTenant, type InsightTenant } from '../insight/tenant.js';

const AUDIT = 'GET /api/v2/audit';
let t: InsightTenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('an out-of-band edit over HTTP with the sandbox console client', () => {
  it('is attributed to the console user: audit marks it out-of-band, drift names who changed it', async () => {
    t = await startInsightTenant(2);
    const [a] = t.ids as [string];
    const live = t.sb.state.getQueue(a)!;
    t.manage([a]);
    writeFileSync(join(t.cwd, 'queues', 'managed.yaml'), `id: ${a}\nmaxWaitTime: ${live.maxWaitTime}\n`);
    await consoleEdit(t.sb.baseUrl, a, { maxWaitTime: live.maxWaitTime === 999 ? 998 : 999 });

    const audit = JSON.parse((await t.run(['audit', '--format', 'json'])).stdout);
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ queueId: a, madeBy: 'out-of-band', user: CONSOLE_CLIENT.actor });
    expect(audit.summary.outOfBand).toBe(1);

    const drift = await t.run(['drift', '--format', 'json']);
    expect(drift.code).toBe(2);
    const [q] = JSON.parse(drift.stdout).drifted;
    expect(q).toMatchObject({ id: a, modifiedBy: CONSOLE_CLIENT.actor });
    expect(q.audit.map((e: { user: unknown }) => e.user)).toEqual([CONSOLE_CLIENT.actor]);
    expect((await t.run(['drift', '--format', 'text'])).stdout).toContain(`last changed by ${CONSOLE_CLIENT.actor.name}`);
  });
});

describe('cxq audit against the sandbox', () => {
  it('marks cxq\'s own writes and out-of-band edits, joins the apply report, summarises', async () => {
    t = await startInsightTenant(4);
    const [a, b] = t.ids as [string, string];
    t.manage([a, b]);
    // A real apply writes queue a (and its report), then someone edits queue b in the console.
    const before = t.sb.state.getQueue(a)!;
    const defs = `id: ${a}\nmaxWaitTime: ${before.maxWaitTime === 900 ? 901 : 900}\n---\nid: ${b}\n`;
    writeFileSync(join(t.cwd, 'queues', 'managed.yaml'), defs);
    const apply = await t.run(['apply', '--yes']);
    expect(apply.code).toBe(0);
    t.sb.state.editOutOfBand(b, { maxWaitTime: 1234 });
    t.sb.state.editOutOfBand(t.ids[3]!, { maxWaitTime: 1234 }); // unmanaged: not reported

    const r = await t.run(['audit', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.entries.map((e: { queueId: string; madeBy: string }) => [e.queueId, e.madeBy])).toEqual([
      [a, 'cxq'],
      [b, 'out-of-band'],
    ]);
    const [mine, theirs] = out.entries;
    expect(mine.applyReport).toMatchObject({ fromVersion: before.version, toVersion: before.version + 1 });
    expect(mine.applyReport.file).toMatch(/^cxq-reports[/\\]apply-.*\.json$/);
    expect(theirs.applyReport).toBeNull();
    expect(theirs.changes).toContainEqual({ field: 'maxWaitTime', oldValue: expect.anything(), newValue: 1234 });
    expect(out.summary.outOfBand).toBe(1);
    expect(out.summary.byActor.map((x: { madeBy: string }) => x.madeBy).sort()).toEqual(['cxq', 'out-of-band']);
    // Two managed queues: one filtered query each.
    expect(routeCount(t.sb, AUDIT)).toBe(2);
  });

  it('prints text by default (json only when asked): one line per change, out-of-band marked', async () => {
    t = await startInsightTenant(3);
    const [a, b] = t.ids as [string, string];
    t.manage([a, b]);
    t.sb.state.editOutOfBand(b, { maxWaitTime: 1234 }, { id: 'user-eve', name: 'Eve Operator' });
    const r = await t.run(['audit']);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(r.stdout).toMatch(/^Since .*: 1 change\(s\) to managed queues, 1 out-of-band \(not made by cxq client sandbox\)\.\n/);
    expect(r.stdout).toMatch(/OUT-OF-BAND Eve Operator: maxWaitTime: \d+ -> 1234\n$/);
    expect(JSON.parse((await t.run(['audit', '--format', 'json'])).stdout).summary.outOfBand).toBe(1);
  });

  it('many managed queues: one unfiltered query; --out writes the file atomically', async () => {
    t = await startInsightTenant(12);
    t.manage(t.ids);
    for (const id of t.ids.slice(0, 3)) t.sb.state.editOutOfBand(id, { maxWaitTime: 777 });
    const r = await t.run(['audit', '--format', 'csv', '--out', 'out/audit.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote 3 audit entries to');
    expect(routeCount(t.sb, AUDIT)).toBe(1);
    const csv = readFileSync(join(t.cwd, 'out', 'audit.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('timestamp,queue_id,queue_name,audit_id,user_id,user_name,made_by,version,fields,changes,apply_report');
    expect(csv.match(/,out-of-band,/g)).toHaveLength(3);
    expect(readdirSync(join(t.cwd, 'out'))).toEqual(['audit.csv']);
  });

  it('markdown; --id narrows to one queue; --since as an ISO date', async () => {
    t = await startInsightTenant(3);
    t.manage(t.ids);
    for (const id of t.ids) t.sb.state.editOutOfBand(id, { maxWaitTime: 555 });
    const r = await t.run(['audit', '--format', 'markdown', '--id', t.ids[1]!, '--since', '2020-01-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Since 2020-01-01T00:00:00.000Z: 1 change(s), 1 out-of-band');
    expect(r.stdout).toContain('**out-of-band**');
  });
});
