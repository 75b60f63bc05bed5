import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import { parseSavedPlan } from '../../src/plan/saved.js';
import { copyOfExamples, cxq, exampleSandbox, fixTime, TIER1 } from '../plan/e2e-helpers.js';

describe('cxq plan against the sandbox', () => {
  let sb: SandboxHandle;
  let copy: Awaited<ReturnType<typeof copyOfExamples>>;
  beforeAll(async () => {
    sb = await exampleSandbox();
    copy = await copyOfExamples();
    await copy.edit('support/tier1.yaml', 'maxWaitTime: 300', 'maxWaitTime: 420');
    await copy.edit('support/tier1.yaml', 'level: expert', 'level: basic');
    // reordering a set-like list is not a change
    await copy.edit('support/tier2.yaml', '  - id: skill_tier2\n    level: expert\n  - id: skill_tier1\n    level: advanced', '  - id: skill_tier1\n    level: advanced\n  - id: skill_tier2\n    level: expert');
  });
  afterAll(async () => {
    await sb.close();
    await copy.remove();
  });

  it('exits 0 and says so when the tenant matches, also with --detailed-exitcode', async () => {
    const r = await cxq(sb.baseUrl, ['plan', '--dir', 'queues', '--detailed-exitcode']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No changes. The tenant matches the definitions.\n');
  });

  it('shows each change Terraform-style and exits 2 with --detailed-exitcode, 0 without', async () => {
    const r = await cxq(sb.baseUrl, ['plan', '--detailed-exitcode'], copy.dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatchInlineSnapshot(`
      "~ Support Tier 1 (3f6c1a52…)
          maxWaitTime: 300 → 420
          skills:
            ~ skill_english: expert → basic

      Plan: 1 to update, 7 unchanged, 0 unmanaged.
      "
    `);
    expect((await cxq(sb.baseUrl, ['plan'], copy.dir)).code).toBe(0);
  });

  it('prints the json contract', async () => {
    const r = await cxq(sb.baseUrl, ['plan', '--format', 'json'], copy.dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { summary: unknown; changes: { action: string }[] };
    expect(json.summary).toEqual({ managed: 8, update: 1, noop: 7, unmanaged: 0 });
    expect(fixTime(JSON.stringify(JSON.parse(r.stdout).changes.filter((c: { action: string }) => c.action === 'update'), null, 2))).toMatchInlineSnapshot(`
      "[
        {
          "id": "3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11",
          "name": "Support Tier 1",
          "action": "update",
          "version": 1,
          "fields": [
            {
              "path": "/maxWaitTime",
              "old": 300,
              "new": 420
            },
            {
              "path": "/skills",
              "old": [
                {
                  "id": "skill_english",
                  "level": "expert"
                },
                {
                  "id": "skill_tier1",
                  "level": "advanced"
                }
              ],
              "new": [
                {
                  "id": "skill_english",
                  "level": "basic"
                },
                {
                  "id": "skill_tier1",
                  "level": "advanced"
                }
              ]
            }
          ],
          "patch": [
            {
              "op": "replace",
              "path": "/maxWaitTime",
              "value": 420
            },
            {
              "op": "replace",
              "path": "/skills/0/level",
              "value": "basic"
            }
          ]
        }
      ]"
    `);
  });

  it('prints a markdown comment', async () => {
    const r = await cxq(sb.baseUrl, ['plan', '--format', 'markdown'], copy.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "### cxq plan: 1 to update, 7 unchanged, 0 unmanaged

      | Queue | Field | Old | New |
      | --- | --- | --- | --- |
      | Support Tier 1 | \`maxWaitTime\` | \`300\` | \`420\` |
      | Support Tier 1 | \`skills\` | \`skill_english: expert\` | \`skill_english: basic\` |

      <details><summary>~ Support Tier 1 (<code>3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11</code>), version 1: 2 fields</summary>

      \`\`\`diff
      - maxWaitTime: 300
      + maxWaitTime: 420
        skills:
      ~ skill_english: expert → basic
      \`\`\`

      </details>

      "
    `);
  });

  it('colours text on a TTY unless NO_COLOR is set', async () => {
    const { runCaptured } = await import('../helpers/cli.js');
    const base = ['--log-level', 'warn', 'plan', '--base-url', sb.baseUrl];
    const env = { CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox' };
    expect((await runCaptured(base, { env, cwd: copy.dir, tty: true })).stdout).toContain('\u001b[33m~');
    expect((await runCaptured(base, { env: { ...env, NO_COLOR: '1' }, cwd: copy.dir, tty: true })).stdout).not.toContain('\u001b[');
  });

  it('saves a plan with versions, desired fields, checksum and base URL', async () => {
    const out = join(copy.dir, 'plans', 'plan.json');
    const r = await cxq(sb.baseUrl, ['plan', '--out', out], copy.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Saved the plan to ${out}`);
    const saved = parseSavedPlan(await readFile(out, 'utf8'), out);
    expect(saved.baseUrl).toBe(sb.baseUrl);
    expect(saved.gitCommit).toBeNull(); // the copy is not a git repository
    const change = saved.changes.find((c) => c.id === TIER1);
    expect(change).toMatchObject({ action: 'update', version: 1, desired: { maxWaitTime: 420 } });
  });

  it('records the git commit when run inside a repository', async () => {
    const out = join(copy.dir, 'plan-in-repo.json');
    expect((await cxq(sb.baseUrl, ['plan', '--out', out])).code).toBe(0);
    expect(parseSavedPlan(await readFile(out, 'utf8'), out).gitCommit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('exits 1 naming file:line when a definition has no live queue, or a skill does not exist', async () => {
    await writeFile(join(copy.dir, 'queues', 'ghost.yaml'), 'id: 00000000-0000-4000-8000-000000000000\nname: Ghost\n');
    await copy.edit('sales.yaml', 'id: skill_sales', 'id: skill_nope');
    try {
      const r = await cxq(sb.baseUrl, ['plan', '--detailed-exitcode'], copy.dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/queues\/ghost\.yaml:1:\d+ id: queue 00000000-0000-4000-8000-000000000000 \("Ghost"\) does not exist in the tenant; cxq does not create queues/);
      expect(r.stderr).toMatch(/queues\/sales\.yaml:\d+:\d+ skills\[0\]\.id: skill "skill_nope" does not exist in the tenant/);
    } finally {
      await copy.edit('sales.yaml', 'id: skill_nope', 'id: skill_sales');
      await rm(join(copy.dir, 'queues', 'ghost.yaml'));
    }
  });
});

describe('cxq plan request budget', () => {
  it('reads 1,000 queues with ≤ ceil(1000/500) + 5 requests and no per-queue GET', async () => {
    const sb = await exampleSandbox({ queues: 1000 });
    try {
      const r = await cxq(sb.baseUrl, ['plan', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).summary.unmanaged).toBe(1000);
      expect(sb.stats.requests).toBeLessThanOrEqual(Math.ceil(1000 / 500) + 5);
      expect(sb.stats.byRoute['GET /api/v2/routing/queues/{id}'] ?? 0).toBe(0);
    } finally {
      await sb.close();
    }
  });
});

describe('cxq plan: a reviewer sees list items and invisible characters (text and markdown)', () => {
  let sb: SandboxHandle;
  let copy: Awaited<ReturnType<typeof copyOfExamples>>;
  beforeAll(async () => {
    sb = await exampleSandbox();
    copy = await copyOfExamples();
    await copy.edit('support/tier1.yaml', 'name: Support Tier 1', 'name: "Support\\u200b Tier 1"');
    await copy.edit('support/tier1.yaml', 'threshold: 120', 'threshold: 90');
    await copy.edit('support/tier1.yaml', '  - id: skill_english\n    level: expert\n', '');
  });
  afterAll(async () => {
    await sb.close();
    await copy.remove();
  });

  it('text', async () => {
    const r = await cxq(sb.baseUrl, ['plan'], copy.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '~ Support Tier 1 (3f6c1a52…)',
        '    name: "Support Tier 1" → "Support\\u200b Tier 1"',
        '    skills:',
        '      - skill_english',
        '    overflowTargets:',
        '      ~ [0] threshold 120 → 90',
        '',
        'Plan: 1 to update, 7 unchanged, 0 unmanaged.',
        '',
      ].join('\n'),
    );
  });

  it('markdown', async () => {
    const r = await cxq(sb.baseUrl, ['plan', '--format', 'markdown'], copy.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Support Tier 1 | `name` | `"Support Tier 1"` | `"Support\\u200b Tier 1"` |');
    expect(r.stdout).toContain('| Support Tier 1 | `skills` | `skill_english (expert)` | (none) |');
    expect(r.stdout).toContain('| Support Tier 1 | `overflowTargets[0]` | `threshold 120` | `threshold 90` |');
    expect(r.stdout).not.toContain('\u200b');
  });
});
