import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import type { DriftReport } from '../../src/drift/report.js';
import { ALL_SCOPES } from '../../src/providers/v2/types.js';
import { copyOfExamples, cxq, exampleSandbox, fixTime, TIER1, TIER2 } from '../plan/e2e-helpers.js';

const EVE = { id: 'user-eve', name: 'Eve Operator' };
const CLOCK = () => new Date('2026-11-20T10:00:00.000Z');

describe('cxq drift against the sandbox', () => {
  let sb: SandboxHandle | undefined;
  afterEach(async () => {
    await sb?.close();
    sb = undefined;
  });

  it('exits 0 with inSync true when nothing drifted, and sends no audit query', async () => {
    sb = await exampleSandbox({ now: CLOCK });
    const r = await cxq(sb.baseUrl, ['drift', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as DriftReport;
    expect(report).toMatchObject({ inSync: true, summary: { managed: 8, drifted: 0, unmanaged: 0 }, drifted: [], notes: [] });
    expect(sb.stats.byRoute['GET /api/v2/audit'] ?? 0).toBe(0);
  });

  it('reports an out-of-band edit: field, who, when, audit entry; exit 2; same fingerprint twice', async () => {
    sb = await exampleSandbox({ now: CLOCK });
    sb.state.editOutOfBand(TIER1, { maxWaitTime: 999 }, EVE);
    const first = await cxq(sb.baseUrl, ['drift', '--format', 'json']);
    expect(first.code).toBe(2);
    const report = JSON.parse(first.stdout) as DriftReport;
    expect(report.summary).toEqual({ managed: 8, drifted: 1, unmanaged: 0 });
    expect(report.drifted[0]).toMatchObject({
      id: TIER1,
      name: 'Support Tier 1',
      version: 2,
      modifiedBy: EVE,
      dateModified: '2026-11-20T10:00:00.000Z',
      fields: [{ path: '/maxWaitTime', live: 999, desired: 300 }],
    });
    expect(report.drifted[0]?.audit).toHaveLength(1);
    expect(report.drifted[0]?.audit[0]).toMatchObject({ resourceId: TIER1, user: EVE });
    const second = JSON.parse((await cxq(sb.baseUrl, ['drift', '--format', 'json'])).stdout) as DriftReport;
    expect(second.fingerprint).toBe(report.fingerprint);
    expect(sb.stats.byRoute['GET /api/v2/audit']).toBe(2); // one query per run
  });

  it('gives a different fingerprint for a different drift', async () => {
    sb = await exampleSandbox({ now: CLOCK });
    sb.state.editOutOfBand(TIER1, { maxWaitTime: 999 }, EVE);
    const one = (JSON.parse((await cxq(sb.baseUrl, ['drift', '--format', 'json'])).stdout) as DriftReport).fingerprint;
    sb.state.editOutOfBand(TIER2, { skillRoutingType: 'any' }, EVE);
    const two = (JSON.parse((await cxq(sb.baseUrl, ['drift', '--format', 'json'])).stdout) as DriftReport).fingerprint;
    expect(two).not.toBe(one);
  });

  it('still works without audit:read, saying so in notes', async () => {
    sb = await exampleSandbox({ now: CLOCK, grantScopes: ALL_SCOPES.filter((s) => s !== 'audit:read') });
    sb.state.editOutOfBand(TIER1, { maxWaitTime: 999 }, EVE);
    const r = await cxq(sb.baseUrl, ['drift', '--format', 'json']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as DriftReport;
    expect(report.notes).toEqual([expect.stringContaining('lacks the audit:read scope')]);
    expect(report.drifted[0]?.audit).toEqual([]);
  });

  it('prints text by default; --report FILE always holds the JSON record, whatever --format says', async () => {
    sb = await exampleSandbox({ now: CLOCK });
    sb.state.editOutOfBand(TIER1, { maxWaitTime: 999 }, EVE);
    const copy = await copyOfExamples();
    try {
      const plain = await cxq(sb.baseUrl, ['drift'], copy.dir);
      expect(plain.code).toBe(2);
      expect(plain.stdout).toContain('! Support Tier 1 (3f6c1a52…) last changed by Eve Operator');
      expect(plain.stdout).toMatch(/Drift: 1 of 8 managed queues drifted \(fingerprint [0-9a-f]{12}\)\.\n$/);
      expect(() => JSON.parse(plain.stdout)).toThrow();

      const r = await cxq(sb.baseUrl, ['drift', '--format', 'markdown', '--report', 'out/drift.json'], copy.dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toMatch(/^### cxq drift: 1 of 8 managed queues drifted\n/);
      const report = JSON.parse(await readFile(join(copy.dir, 'out', 'drift.json'), 'utf8')) as DriftReport;
      expect(report).toMatchObject({ formatVersion: 1, inSync: false, summary: { managed: 8, drifted: 1, unmanaged: 0 } });
      expect(report.drifted[0]).toMatchObject({ id: TIER1, fields: [{ path: '/maxWaitTime', live: 999, desired: 300 }] });

      const text = await cxq(sb.baseUrl, ['drift', '--report', 'out/text.json'], copy.dir);
      expect(text.stdout).toContain('Report written to out/text.json.');
      expect(JSON.parse(await readFile(join(copy.dir, 'out', 'text.json'), 'utf8'))).toEqual({ ...report, generatedAt: expect.any(String) });
    } finally {
      await copy.remove();
    }
  });

  it('prints text', async () => {
    sb = await exampleSandbox({ now: CLOCK });
    sb.state.editOutOfBand(TIER1, { maxWaitTime: 999, skills: [{ id: 'skill_tier1', level: 'advanced' }] }, EVE);
    const r = await cxq(sb.baseUrl, ['drift', '--format', 'text']);
    expect(r.code).toBe(2);
    expect(fixTime(r.stdout)).toMatchInlineSnapshot(`
      "! Support Tier 1 (3f6c1a52…) last changed by Eve Operator at 2026-11-20T10:00:00.000Z, version 2
          maxWaitTime: live 999, desired 300
          skills (desired → live):
            - skill_english

      Drift: 1 of 8 managed queues drifted (fingerprint ae8569e25ebc).
      "
    `);
  });
});
