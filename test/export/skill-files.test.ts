import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSkillExport } from '../../src/export/skill-files.js';
import type { LiveSkill } from '../../src/model/skill.js';

const skill = (skillId: number, skillName: string, goal = 80): LiveSkill => ({ skillId, skillName, mediaTypeId: 4, serviceLevelGoal: goal, mediaTypeName: 'Phone' });

describe('planSkillExport', () => {
  let cwd = '';
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'cxq-skill-export-'));
  });
  afterEach(async () => rm(cwd, { recursive: true, force: true }));

  it('names files from all live skills, creates, keeps identical files, refuses or (force) updates differing ones, skips declared skills', async () => {
    const outDir = join(cwd, 'skills');
    const live = [skill(1, 'Sales'), skill(2, 'sales!'), skill(3, 'Support')];
    const first = await planSkillExport({ cwd, outDir, live, selected: [live[0]!], declared: new Map(), force: false });
    // Sales and sales! share a slug, so both carry their id, even when only one is exported.
    expect(first.map((f) => [f.path, f.action])).toEqual([['skills/sales-1.yaml', 'create']]);
    expect(first[0]?.content).toBe('# yaml-language-server: $schema=../schemas/skill.schema.json\nkind: Skill\nskillName: Sales\nserviceLevelGoal: 80\n');
    await mkdir(outDir);
    await writeFile(join(outDir, 'sales-1.yaml'), first[0]!.content);
    await writeFile(join(outDir, 'support.yaml'), 'kind: Skill\nskillName: Support\n');
    const again = await planSkillExport({ cwd, outDir, live, selected: live, declared: new Map([[2, 'skills/mine.yaml']]), force: false });
    expect(again.map((f) => [f.path, f.action])).toEqual([['skills/sales-1.yaml', 'unchanged'], ['skills/sales-2.yaml', 'skip'], ['skills/support.yaml', 'conflict']]);
    const forced = await planSkillExport({ cwd, outDir, live, selected: [live[2]!], declared: new Map(), force: true });
    expect(forced[0]?.action).toBe('update');
  });

  it('writes agents by user name when asked, leaving out agents the directory cannot name', async () => {
    const files = await planSkillExport({
      cwd, outDir: join(cwd, 'x'), live: [skill(1, 'A')], selected: [skill(1, 'A')], declared: new Map(), force: false,
      agents: { assignments: new Map([[1, [{ agentId: 5, proficiency: 2, active: true }, { agentId: 6, proficiency: 1, active: false }]]]), directory: [{ agentId: 5, userName: 'ana' }] },
    });
    expect(files[0]?.content).toContain('agents:\n  ana:\n    proficiency: 2\n    active: true\n');
    expect(files[0]?.content).not.toContain('agentsExclusive');
  });
});
