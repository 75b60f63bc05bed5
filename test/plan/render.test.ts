import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from '../../src/plan/render.js';
import { codeSpan, fitMarkdown, MARKDOWN_LIMIT } from '../../src/plan/markdown.js';
import type { Plan } from '../../src/plan/types.js';
import { definitionOf, loaded, SKILLS, tenant } from './fixtures.js';

const NOW = new Date('2026-12-01T08:00:00.000Z');

function samplePlan(): Plan {
  const live = tenant();
  return buildPlan({
    definitions: [
      loaded({ ...definitionOf(live[0]!), maxWaitTime: 420, waitMusic: { url: 'https://cdn.example.com/b.mp3' }, name: 'Support | Tier 1' }),
      loaded({ id: 'q-tier2', skills: [{ id: 'skill_c', level: 'basic' }] }),
      loaded({ name: 'Overflow Pool' }),
    ],
    live,
    skills: SKILLS,
    now: NOW,
  }).plan;
}

function noChangePlan(): Plan {
  return buildPlan({ definitions: [loaded({ name: 'Overflow Pool' })], live: tenant(), skills: SKILLS, now: NOW }).plan;
}

describe('plan text', () => {
  it('lists each queue to update with old → new, then the summary line', () => {
    expect(renderPlanText(samplePlan(), false)).toMatchInlineSnapshot(`
      "~ Support Tier 1 (q-tier1)
          name: "Support Tier 1" → "Support | Tier 1"
          waitMusic.url: "https://cdn.example.com/a.mp3" → "https://cdn.example.com/b.mp3"
          maxWaitTime: 300 → 420

      ~ Support Tier 2 (q-tier2)
          skills:
            - skill_a
            - skill_b
            + skill_c (basic)

      Plan: 2 to update, 1 unchanged, 0 unmanaged.
      "
    `);
  });

  it('says there is nothing to do when nothing differs', () => {
    expect(renderPlanText(noChangePlan(), false)).toMatchInlineSnapshot(`
      "No changes. The tenant matches the definitions.
      2 live queues not managed by any definition.
      "
    `);
  });

  it('colours only when asked', () => {
    expect(renderPlanText(samplePlan(), true)).toContain('\u001b[33m~\u001b[0m');
    expect(renderPlanText(samplePlan(), false)).not.toContain('\u001b[');
  });
});

describe('plan json', () => {
  it('has exactly the contract keys and no desired/source', () => {
    const json = JSON.parse(renderPlanJson(samplePlan())) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['formatVersion', 'generatedAt', 'summary', 'changes', 'unmanaged']);
    expect(renderPlanJson(samplePlan())).toMatchInlineSnapshot(`
      "{
        "formatVersion": 1,
        "generatedAt": "2026-12-01T08:00:00.000Z",
        "summary": {
          "managed": 3,
          "update": 2,
          "noop": 1,
          "unmanaged": 0
        },
        "changes": [
          {
            "id": "q-pool",
            "name": "Overflow Pool",
            "action": "noop",
            "version": 7,
            "fields": [],
            "patch": []
          },
          {
            "id": "q-tier1",
            "name": "Support Tier 1",
            "action": "update",
            "version": 7,
            "fields": [
              {
                "path": "/name",
                "old": "Support Tier 1",
                "new": "Support | Tier 1"
              },
              {
                "path": "/waitMusic/url",
                "old": "https://cdn.example.com/a.mp3",
                "new": "https://cdn.example.com/b.mp3"
              },
              {
                "path": "/maxWaitTime",
                "old": 300,
                "new": 420
              }
            ],
            "patch": [
              {
                "op": "replace",
                "path": "/name",
                "value": "Support | Tier 1"
              },
              {
                "op": "replace",
                "path": "/waitMusic/url",
                "value": "https://cdn.example.com/b.mp3"
              },
              {
                "op": "replace",
                "path": "/maxWaitTime",
                "value": 420
              }
            ]
          },
          {
            "id": "q-tier2",
            "name": "Support Tier 2",
            "action": "update",
            "version": 7,
            "fields": [
              {
                "path": "/skills",
                "old": [
                  {
                    "id": "skill_a",
                    "level": "advanced"
                  },
                  {
                    "id": "skill_b",
                    "level": "expert"
                  }
                ],
                "new": [
                  {
                    "id": "skill_c",
                    "level": "basic"
                  }
                ]
              }
            ],
            "patch": [
              {
                "op": "remove",
                "path": "/skills/1"
              },
              {
                "op": "replace",
                "path": "/skills/0/level",
                "value": "basic"
              },
              {
                "op": "replace",
                "path": "/skills/0/id",
                "value": "skill_c"
              }
            ]
          }
        ],
        "unmanaged": []
      }
      "
    `);
  });
});

describe('plan markdown', () => {
  it('renders counts, a row per field with escaped pipes, and collapsible details', () => {
    expect(renderPlanMarkdown(samplePlan())).toMatchInlineSnapshot(`
      "### cxq plan: 2 to update, 1 unchanged, 0 unmanaged

      | Queue | Field | Old | New |
      | --- | --- | --- | --- |
      | Support Tier 1 | \`name\` | \`"Support Tier 1"\` | \`"Support \\| Tier 1"\` |
      | Support Tier 1 | \`waitMusic.url\` | \`"https://cdn.example.com/a.mp3"\` | \`"https://cdn.example.com/b.mp3"\` |
      | Support Tier 1 | \`maxWaitTime\` | \`300\` | \`420\` |
      | Support Tier 2 | \`skills\` | \`skill_a (advanced)\` | (none) |
      | Support Tier 2 | \`skills\` | \`skill_b (expert)\` | (none) |
      | Support Tier 2 | \`skills\` | (none) | \`skill_c (basic)\` |

      <details><summary>~ Support Tier 1 (<code>q-tier1</code>), version 7: 3 fields</summary>

      \`\`\`diff
      - name: "Support Tier 1"
      + name: "Support | Tier 1"
      - waitMusic.url: "https://cdn.example.com/a.mp3"
      + waitMusic.url: "https://cdn.example.com/b.mp3"
      - maxWaitTime: 300
      + maxWaitTime: 420
      \`\`\`

      </details>

      <details><summary>~ Support Tier 2 (<code>q-tier2</code>), version 7: 1 field</summary>

      \`\`\`diff
        skills:
      - skill_a
      - skill_b
      + skill_c (basic)
      \`\`\`

      </details>

      "
    `);
  });

  it('renders the no-change comment', () => {
    expect(renderPlanMarkdown(noChangePlan())).toMatchInlineSnapshot(`
      "### cxq plan: no changes

      The tenant matches the definitions (1 managed queue, 2 unmanaged).
      "
    `);
  });

  it('keeps a plan of 2,000 changed queues under the limit with an explicit note', () => {
    const base = samplePlan();
    const template = base.changes.find((c) => c.action === 'update')!;
    const changes = Array.from({ length: 2000 }, (_, i) => ({ ...template, id: `q-${String(i).padStart(5, '0')}`, name: `Queue ${i}` }));
    const plan: Plan = { ...base, changes, summary: { ...base.summary, update: 2000, managed: 2000, noop: 0 } };
    const md = renderPlanMarkdown(plan);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    const shown = (md.match(/<details>/g) ?? []).length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`**… ${2000 - shown} more queues not shown; see the plan artifact.**`);
  });
});

describe('fitMarkdown', () => {
  const items = [1, 2, 3].map((i) => ({ rows: [`| q${i} |`], details: `<details>${'x'.repeat(100)}</details>` }));
  const input = { head: 'H\n\n', tableHeader: '| Q |\n| --- |', items, tail: 'T\n', artifact: 'plan artifact' };
  const full = fitMarkdown({ ...input, limit: Number.POSITIVE_INFINITY });

  it('keeps everything when the whole comment is exactly at the limit', () => {
    expect(fitMarkdown({ ...input, limit: full.length })).toBe(full);
    expect(full).not.toContain('not shown');
  });

  it('drops whole queues from the end, with the note, one character over the limit', () => {
    const cut = fitMarkdown({ ...input, limit: full.length - 1 });
    expect(cut.length).toBeLessThanOrEqual(full.length - 1);
    expect(cut).toContain('| q1 |');
    expect(cut).not.toContain('| q3 |');
    expect(cut).toMatch(/\*\*… [12] more queues? not shown; see the plan artifact\.\*\*/);
  });

  it('shows no table when not even one queue fits', () => {
    const cut = fitMarkdown({ ...input, limit: 80 });
    expect(cut).toBe('H\n\n**… 3 more queues not shown; see the plan artifact.**\n\nT\n');
  });
});

describe('codeSpan', () => {
  it('escapes pipes, outfences backticks and cuts long values', () => {
    expect(codeSpan('a|b')).toBe('`a\\|b`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`a')).toBe('`` `a ``');
    expect(codeSpan('x'.repeat(200))).toBe(`\`${'x'.repeat(119)}…\``);
  });
});
