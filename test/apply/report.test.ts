import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, journalPathFor, readJournal } from '../../src/apply/journal.js';
import { renderReportMarkdown } from '../../src/apply/markdown.js';
import { buildReport } from '../../src/apply/report.js';
import { defaultReportPath, markdownPathFor, recoverReport, writeReportFiles } from '../../src/apply/report-file.js';
import { renderApplySummary } from '../../src/apply/summary.js';
import type { JournalEvent } from '../../src/apply/types.js';
import { FileError } from '../../src/errors.js';

const field = { path: '/maxWaitTime', old: 300, new: 600 };
const start: JournalEvent = {
  type: 'start',
  at: '2026-11-20T09:00:00.000Z',
  command: 'apply',
  mode: 'dir',
  baseUrl: 'http://127.0.0.1:1',
  clientId: 'cxq-client',
  gitCommit: 'a'.repeat(40),
  planChecksum: null,
  queues: [
    { id: 'a', name: 'A', action: 'update', version: 3, fields: [field] },
    { id: 'b', name: 'B | pipes', action: 'update', version: 5, fields: [field] },
    { id: 'c', name: 'C', action: 'noop', version: 9, fields: [] },
    { id: 'd', name: 'D', action: 'update', version: 1, fields: [field] },
  ],
};
const attemptA: JournalEvent = { type: 'attempt', at: '2026-11-20T09:00:01.000Z', id: 'a', attempt: 1, version: 3, reason: 'initial' };
const resultA: JournalEvent = { type: 'result', at: '2026-11-20T09:00:02.000Z', id: 'a', name: 'A', outcome: 'applied', fromVersion: 3, toVersion: 4, attempts: 1, fields: [field] };
const attemptB: JournalEvent = { type: 'attempt', at: '2026-11-20T09:00:01.500Z', id: 'b', attempt: 1, version: 5, reason: 'initial' };
const resultB: JournalEvent = {
  type: 'result',
  at: '2026-11-20T09:00:03.000Z',
  id: 'b',
  name: 'B | pipes',
  outcome: 'failed',
  fromVersion: 5,
  toVersion: 5,
  attempts: 1,
  fields: [field],
  error: { status: 400, code: 'bad.request', message: 'validation failed', errors: [{ field: 'maxWaitTime', message: 'must be between 10 and 7200' }] },
};

describe('buildReport', () => {
  it('builds every entry in plan order with the contract fields and the summary', () => {
    const events: JournalEvent[] = [start, attemptA, attemptB, resultA, resultB,
      { type: 'confirm', at: '2026-11-20T09:00:04.000Z', confirmed: [], unconfirmed: ['a'] },
      { type: 'end', at: '2026-11-20T09:00:05.000Z', interrupted: true }];
    const r = buildReport(events);
    expect(Object.keys(r)).toEqual(['formatVersion', 'command', 'startedAt', 'finishedAt', 'baseUrl', 'clientId', 'gitCommit', 'planChecksum', 'interrupted', 'summary', 'entries']);
    expect(r).toMatchObject({ formatVersion: 1, command: 'apply', startedAt: start.at, finishedAt: '2026-11-20T09:00:05.000Z', interrupted: true });
    expect(r.summary).toEqual({ applied: 1, failed: 1, skipped: 1, noop: 1 });
    expect(r.entries.map((e) => [e.id, e.outcome])).toEqual([['a', 'applied'], ['b', 'failed'], ['c', 'noop'], ['d', 'skipped']]);
    expect(r.entries[0]).toEqual({ id: 'a', name: 'A', outcome: 'applied', fromVersion: 3, toVersion: 4, attempts: 1, fields: [field], confirmed: false });
    expect(r.entries[1]!.error!.errors).toHaveLength(1);
    expect(r.entries[3]).toEqual({ id: 'd', name: 'D', outcome: 'skipped', fromVersion: 1, toVersion: 1, attempts: 0, fields: [field] });
  });

  it('after a crash, a sent but unanswered write is failed as outcome.unknown and the report is marked recovered', () => {
    const r = buildReport([start, attemptA, attemptB, resultB]);
    expect(r.recovered).toBe(true);
    expect(r.finishedAt).toBe(resultB.at);
    expect(r.entries[0]).toMatchObject({ outcome: 'failed', attempts: 1, error: { code: 'outcome.unknown' } });
    expect(r.entries[3]!.outcome).toBe('skipped');
  });

  it('refuses events without a start', () => {
    expect(() => buildReport([attemptA], 'x.jsonl')).toThrow(FileError);
  });
});

describe('journal and report files', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one flushed line per event and reads them back, ignoring a torn last line', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxq-journal-'));
    const file = journalPathFor(join(dir, 'sub', 'apply-x.json'));
    expect(file).toBe(join(dir, 'sub', 'apply-x.journal.jsonl'));
    const j = Journal.open(file);
    const flushed = Promise.all([j.append(start), j.append(attemptA)]);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
    await flushed;
    await j.close();
    await expect(j.append(resultA)).rejects.toThrow(FileError);
    writeFileSync(file, readFileSync(file, 'utf8') + '{"type":"resu');
    expect(readJournal(file)).toEqual([start, attemptA]);
    expect(j.events).toEqual([start, attemptA]);
  });

  it('group-commits concurrent appends: every line is on disk once all resolve', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxq-journal-'));
    const j = Journal.open(join(dir, 'j.journal.jsonl'));
    const events = Array.from({ length: 25 }, (_, i): JournalEvent => ({ ...attemptA, attempt: i + 1 }));
    await Promise.all(events.map((e) => j.append(e)));
    await j.close();
    expect(readJournal(join(dir, 'j.journal.jsonl'))).toEqual(events);
  });

  it('writes JSON and Markdown atomically (no temp file left) and recovers a crashed run', () => {
    dir = mkdtempSync(join(tmpdir(), 'cxq-report-'));
    const journal = join(dir, 'apply-1.journal.jsonl');
    writeFileSync(journal, [start, attemptA, resultA, attemptB].map((e) => JSON.stringify(e)).join('\n') + '\n');
    const { report, json, markdown } = recoverReport(journal);
    expect(json).toBe(join(dir, 'apply-1.json'));
    expect(markdown).toBe(join(dir, 'apply-1.md'));
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual(report);
    expect(report.summary).toEqual({ applied: 1, failed: 1, skipped: 1, noop: 1 });
    expect(readdirSync(dir).sort()).toEqual(['apply-1.journal.jsonl', 'apply-1.json', 'apply-1.md']);
  });

  it('names the default report with a filesystem-safe UTC timestamp', () => {
    expect(defaultReportPath('/w', new Date('2026-11-20T09:14:03.120Z'))).toBe('/w/cxq-reports/apply-2026-11-20T09-14-03-120Z.json');
    expect(markdownPathFor('/w/r.json')).toBe('/w/r.md');
  });

  it('throws FileError when the report cannot be written', () => {
    dir = mkdtempSync(join(tmpdir(), 'cxq-report-'));
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeReportFiles(buildReport([start]), join(dir, 'file', 'r.json'))).toThrow(FileError);
  });
});

describe('renderings', () => {
  const r = buildReport([start, attemptA, resultA, attemptB, resultB, { type: 'end', at: '2026-11-20T09:00:05.000Z', interrupted: false }]);

  it('renders Markdown with counts, rows, failure reasons and field changes', () => {
    const md = renderReportMarkdown(r);
    expect(md).toContain('**1 applied, 1 failed, 1 skipped, 1 unchanged**');
    expect(md).toContain('| applied | A | `a` | 3 → 4 | 1 |');
    expect(md).toContain('| failed | B \\| pipes | `b` | 5 → 5 | 1 |');
    expect(md).toContain('HTTP 400 `bad.request`: validation failed');
    expect(md).toContain('- `maxWaitTime`: must be between 10 and 7200');
    expect(md).toContain('| `/maxWaitTime` | `300` | `600` |');
    expect(md).not.toContain('| noop |');
  });

  it('prints a summary naming each failed queue with the server reason', () => {
    expect(renderApplySummary(r)).toBe(
      'Apply finished: 1 applied, 1 failed, 1 skipped, 1 unchanged.\n' +
        '  failed: B | pipes (b): HTTP 400 bad.request: validation failed\n' +
        '    maxWaitTime: must be between 10 and 7200\n',
    );
  });
});
