import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { buildDriftReport, driftFingerprint } from '../../src/drift/report.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/drift/render.js';
import type { Queue } from '../../src/model/queue.js';
import type { AuditEntry } from '../../src/model/tenant.js';
import { definitionOf, loaded, SKILLS, tenant } from '../plan/fixtures.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');

function audit(id: string, resourceId: string, timestamp: string): AuditEntry {
  return {
    id,
    timestamp,
    action: 'Update',
    resourceType: 'Queue',
    resourceId,
    user: { id: 'u-1', name: 'Ann' },
    changes: [{ field: 'maxWaitTime', oldValue: 420, newValue: 300 }],
  };
}

function report(live: Queue[] = tenant(), entries: AuditEntry[] | null = [], notes: string[] = []) {
  const { plan } = buildPlan({
    definitions: [loaded({ ...definitionOf(tenant()[0]!), maxWaitTime: 420 }), loaded({ name: 'Overflow Pool' })],
    live,
    skills: SKILLS,
    now: NOW,
  });
  return buildDriftReport({ plan, live: new Map(live.map((q) => [q.id, q])), audit: entries, notes });
}

describe('buildDriftReport', () => {
  it('names each drifted field with live and desired values, who changed it and its audit entries', () => {
    const r = report(tenant(), [audit('a2', 'q-tier1', '2026-11-20T09:00:00Z'), audit('a1', 'q-tier1', '2026-11-19T09:00:00Z'), audit('a3', 'q-pool', '2026-11-19T09:00:00Z')]);
    expect(r.inSync).toBe(false);
    expect(r.summary).toEqual({ managed: 2, drifted: 1, unmanaged: 1 });
    expect(r.drifted).toHaveLength(1);
    expect(r.drifted[0]).toMatchObject({
      id: 'q-tier1',
      version: 7,
      modifiedBy: { id: 'u-1', name: 'Ann' },
      dateModified: '2026-11-20T09:14:03.120Z',
      fields: [{ path: '/maxWaitTime', live: 300, desired: 420 }],
    });
    expect(r.drifted[0]?.audit.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(r.unmanaged).toEqual([{ id: 'q-tier2', name: 'Support Tier 2' }]);
    expect(Object.keys(r)).toEqual(['formatVersion', 'generatedAt', 'inSync', 'fingerprint', 'summary', 'drifted', 'unmanaged', 'notes']);
  });

  it('keeps the fingerprint when only time, version, author or order change', () => {
    const first = report();
    const later = report(tenant().reverse().map((q) => ({ ...q, version: q.version + 5, modifiedBy: { id: 'u-9' } })));
    expect(later.fingerprint).toBe(first.fingerprint);
    expect(later.drifted[0]?.version).toBe(12);
  });

  it('changes the fingerprint when the drift changes', () => {
    const live = tenant();
    live[0] = { ...live[0]!, maxWaitTime: 301 };
    expect(report(live).fingerprint).not.toBe(report().fingerprint);
  });

  it('fingerprints a list of tuples independent of field and queue order', () => {
    const a = { id: 'a', fields: [{ path: '/x', live: 1, desired: 2 }, { path: '/y', live: { b: 1, a: 2 }, desired: 3 }] };
    const b = { id: 'b', fields: [{ path: '/x', live: 1, desired: 2 }] };
    const swapped = { id: 'a', fields: [{ path: '/y', live: { a: 2, b: 1 }, desired: 3 }, { path: '/x', live: 1, desired: 2 }] };
    expect(driftFingerprint([a, b])).toBe(driftFingerprint([b, swapped]));
    expect(driftFingerprint([])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports in sync with no drifted queues', () => {
    const live = tenant();
    live[0] = { ...live[0]!, maxWaitTime: 420 };
    const r = report(live);
    expect(r.inSync).toBe(true);
    expect(r.drifted).toEqual([]);
    expect(renderDriftText(r, false)).toMatchInlineSnapshot(`
      "No drift. 2 managed queues match their definitions.
      1 live queue not managed by any definition (not drift).
      "
    `);
  });
});

describe('drift renderers', () => {
  it('text names queue, who, fields and notes', () => {
    expect(renderDriftText(report(tenant(), null, ['audit entries omitted: no audit:read']), false)).toMatchInlineSnapshot(`
      "! Support Tier 1 (q-tier1) last changed by Ann at 2026-11-20T09:14:03.120Z, version 7
          maxWaitTime: live 300, desired 420

      Drift: 1 of 2 managed queues drifted (fingerprint 46a280f91e99).
      1 live queue not managed by any definition (not drift).
      note: audit entries omitted: no audit:read
      "
    `);
  });

  it('markdown has the fingerprint, a table row per field and the audit trail', () => {
    expect(renderDriftMarkdown(report(tenant(), [audit('a1', 'q-tier1', '2026-11-19T09:00:00Z')]))).toMatchInlineSnapshot(`
      "### cxq drift: 1 of 2 managed queues drifted

      Fingerprint: \`46a280f91e9974125d49a0a22fe910da2eac94c4101b3656819468b5cc80518b\`

      | Queue | Field | Live | Desired | Last changed |
      | --- | --- | --- | --- | --- |
      | Support Tier 1 | \`maxWaitTime\` | \`300\` | \`420\` | Ann, 2026-11-20T09:14:03.120Z |

      <details><summary>! Support Tier 1 (<code>q-tier1</code>), version 7: 1 field</summary>

      Desired (−) vs live (+):

      \`\`\`diff
      - maxWaitTime: 420
      + maxWaitTime: 300
      \`\`\`

      Audit:

      - 2026-11-19T09:00:00Z Ann: \`maxWaitTime\` \`420\` → \`300\`

      </details>

      1 live queue not managed by any definition (not drift).
      "
    `);
  });
});
