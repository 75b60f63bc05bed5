import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/model/tenant.js';
import { readApplyReports, parseApplyReport } from '../../src/insight/apply-reports.js';
import { buildAudit, classify, type ApplyReport } from '../../src/insight/audit.js';
import { renderAudit } from '../../src/insight/render/audit.js';
import { silentLogger } from '../../src/log.js';

const CLIENT = 'cxq-ci';
function entry(id: string, at: string, queue: string, user: string, field = 'maxWaitTime'): AuditEntry {
  return {
    id, timestamp: at, action: 'Update', resourceType: 'Queue', resourceId: queue,
    user: { id: user, name: user === CLIENT ? 'cxq' : 'Dana Admin' },
    changes: [{ field, oldValue: 240, newValue: 300 }],
  };
}
const queues = [
  { id: 'q1', name: 'Support', version: 9 },
  { id: 'q2', name: 'Billing', version: 4 },
];
const entries = [
  entry('a3', '2026-11-20T10:05:00Z', 'q1', 'user-1', 'skills'),
  entry('a1', '2026-11-20T09:00:00Z', 'q1', CLIENT),
  entry('a2', '2026-11-20T09:00:01Z', 'q2', CLIENT),
  entry('a4', '2026-11-20T11:00:00Z', 'q9', 'user-1'), // unmanaged queue
  entry('a1', '2026-11-20T09:00:00Z', 'q1', CLIENT), // duplicate from a second per-queue read
];
const report: ApplyReport = {
  file: 'cxq-reports/apply-1.json', startedAt: '2026-11-20T08:59:50Z', finishedAt: '2026-11-20T09:00:05Z', clientId: CLIENT,
  entries: [
    { id: 'q1', outcome: 'applied', fromVersion: 7, toVersion: 8 },
    { id: 'q2', outcome: 'applied', fromVersion: 3, toVersion: 4 },
    { id: 'q3', outcome: 'failed', fromVersion: 1 },
  ],
};

describe('classify and buildAudit', () => {
  it('marks the tool\'s own client as cxq, anyone else as out-of-band', () => {
    expect(classify(entry('x', 't', 'q1', CLIENT), CLIENT)).toBe('cxq');
    expect(classify(entry('x', 't', 'q1', 'cxq-other'), CLIENT)).toBe('out-of-band');
  });
  const result = buildAudit({ since: 'now-30d', clientId: CLIENT, entries, queues, reports: [report] });
  it('keeps managed queues only, deduplicated, in time order, versions inferred from the live one', () => {
    expect(result.entries.map((e) => [e.id, e.queueName, e.madeBy, e.version])).toEqual([
      ['a1', 'Support', 'cxq', 8],
      ['a2', 'Billing', 'cxq', 4],
      ['a3', 'Support', 'out-of-band', 9],
    ]);
  });
  it('joins each apply-report entry with the write that produced its toVersion', () => {
    expect(result.entries.map((e) => e.applyReport?.toVersion ?? null)).toEqual([8, 4, null]);
    expect(result.entries[0]!.applyReport).toEqual({ file: 'cxq-reports/apply-1.json', startedAt: report.startedAt, fromVersion: 7, toVersion: 8 });
  });
  it('does not join when the version disagrees, or the write lies outside the run', () => {
    const wrongVersion = { ...report, entries: [{ id: 'q1', outcome: 'applied', toVersion: 9 }] };
    const late = { ...report, startedAt: '2026-11-20T09:10:00Z', finishedAt: '2026-11-20T09:11:00Z' };
    for (const r of [wrongVersion, late]) {
      const out = buildAudit({ since: 's', clientId: CLIENT, entries, queues, reports: [r] });
      expect(out.entries.every((e) => e.applyReport === null)).toBe(true);
    }
  });
  it('clock skew: 60 s before the run still joins, 61 s does not', () => {
    const at = (s: string) => buildAudit({ since: 's', clientId: CLIENT, entries: [entry('b', s, 'q2', CLIENT)], queues, reports: [report] });
    expect(at('2026-11-20T08:58:50Z').entries[0]!.applyReport).not.toBeNull();
    expect(at('2026-11-20T08:58:49Z').entries[0]!.applyReport).toBeNull();
  });
  it('without a live version, joins the earliest entry of the report\'s client in the window', () => {
    const out = buildAudit({
      since: 's', clientId: CLIENT, queues: [{ id: 'q2', name: 'Billing' }], reports: [report],
      entries: [entry('c1', '2026-11-20T09:00:00Z', 'q2', 'user-1'), entry('c2', '2026-11-20T09:00:02Z', 'q2', CLIENT)],
    });
    expect(out.entries.map((e) => [e.id, e.version, e.applyReport?.toVersion ?? null])).toEqual([['c1', null, null], ['c2', null, 4]]);
  });
  it('summarises per queue and per actor, counting out-of-band changes', () => {
    expect(result.summary).toEqual({
      entries: 3,
      outOfBand: 1,
      byQueue: [
        { id: 'q2', name: 'Billing', changes: 1, cxq: 1, outOfBand: 0 },
        { id: 'q1', name: 'Support', changes: 2, cxq: 1, outOfBand: 1 },
      ],
      byActor: [
        { id: CLIENT, name: 'cxq', madeBy: 'cxq', changes: 2 },
        { id: 'user-1', name: 'Dana Admin', madeBy: 'out-of-band', changes: 1 },
      ],
    });
  });

  it('csv: one row per entry, quoted where needed', () => {
    expect(renderAudit(result, 'csv')).toBe([
      'timestamp,queue_id,queue_name,audit_id,user_id,user_name,made_by,version,fields,changes,apply_report',
      '2026-11-20T09:00:00Z,q1,Support,a1,cxq-ci,cxq,cxq,8,maxWaitTime,maxWaitTime: 240 -> 300,cxq-reports/apply-1.json',
      '2026-11-20T09:00:01Z,q2,Billing,a2,cxq-ci,cxq,cxq,4,maxWaitTime,maxWaitTime: 240 -> 300,cxq-reports/apply-1.json',
      '2026-11-20T10:05:00Z,q1,Support,a3,user-1,Dana Admin,out-of-band,9,skills,skills: 240 -> 300,',
      '',
    ].join('\r\n'));
    const quoted = buildAudit({ since: 's', clientId: CLIENT, queues: [{ id: 'q1', name: 'Sales, "West"' }], reports: [], entries: [entry('z', 't', 'q1', 'u')] });
    expect(renderAudit(quoted, 'csv')).toContain(',q1,"Sales, ""West""",z,');
  });
  it('markdown', () => {
    expect(renderAudit(result, 'markdown')).toMatchInlineSnapshot(`
      "## Queue change audit

      Since now-30d: 3 change(s), 1 out-of-band (not made by cxq client \`cxq-ci\`).

      ### Changes per queue

      | Queue | Id | Changes | By cxq | Out-of-band |
      | --- | --- | --- | --- | --- |
      | Billing | q2 | 1 | 1 | 0 |
      | Support | q1 | 2 | 1 | 1 |

      ### Changes per actor

      | Actor | Id | Made by | Changes |
      | --- | --- | --- | --- |
      | cxq | cxq-ci | cxq | 2 |
      | Dana Admin | user-1 | out-of-band | 1 |

      ### Entries

      | Time | Queue | Actor | Made by | Version | Changes | Apply report |
      | --- | --- | --- | --- | --- | --- | --- |
      | 2026-11-20T09:00:00Z | Support | cxq | cxq | 8 | maxWaitTime: 240 -> 300 | cxq-reports/apply-1.json |
      | 2026-11-20T09:00:01Z | Billing | cxq | cxq | 4 | maxWaitTime: 240 -> 300 | cxq-reports/apply-1.json |
      | 2026-11-20T10:05:00Z | Support | Dana Admin | **out-of-band** | 9 | skills: 240 -> 300 | - |
      "
    `);
  });
  it('json carries entries and summary', () => {
    const json = JSON.parse(renderAudit(result, 'json'));
    expect(Object.keys(json)).toEqual(['since', 'clientId', 'entries', 'summary']);
    expect(json.entries[2].madeBy).toBe('out-of-band');
  });
});

describe('apply reports and --out', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  it('reads apply reports of this tenant only, skipping other files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'cxq-audit-'));
    await mkdir(join(dir, 'cxq-reports'));
    const base = { formatVersion: 1, command: 'apply', startedAt: 'a', finishedAt: 'b', clientId: 'c', entries: [{ id: 'q1', outcome: 'applied', toVersion: 2 }] };
    await writeFile(join(dir, 'cxq-reports', 'apply-1.json'), JSON.stringify({ ...base, baseUrl: 'http://127.0.0.1:1/' }));
    await writeFile(join(dir, 'cxq-reports', 'apply-2.json'), JSON.stringify({ ...base, baseUrl: 'https://other' }));
    await writeFile(join(dir, 'cxq-reports', 'drift.json'), JSON.stringify({ ...base, command: 'drift' }));
    await writeFile(join(dir, 'cxq-reports', 'broken.json'), '{');
    await writeFile(join(dir, 'cxq-reports', 'apply-1.md'), '# report');
    const reports = await readApplyReports(dir, 'http://127.0.0.1:1', silentLogger());
    expect(reports).toEqual([{ file: join('cxq-reports', 'apply-1.json'), startedAt: 'a', finishedAt: 'b', clientId: 'c', entries: [{ id: 'q1', outcome: 'applied', toVersion: 2 }] }]);
    expect(await readApplyReports(join(dir, 'missing'), 'x', silentLogger())).toEqual([]);
  });
  it('parseApplyReport rejects other format versions', () => {
    expect(parseApplyReport({ formatVersion: 2, command: 'apply', startedAt: 'a', finishedAt: 'b', entries: [] }, 'f')).toBeNull();
  });
});
