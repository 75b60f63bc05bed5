/**
 * `cxq export` of skills (admin dialect): which file each live skill goes to and what happens to
 * it, with the queue export's rules (src/export/files.ts): deterministic names from ALL live
 * skills, never overwrite a differing file without `force`, skip a skill another file already
 * declares. Reads existing files; writes nothing (writeExport writes).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { schemaPath } from '../definitions/schema.js';
import type { LiveAssignment, LiveSkill, TenantAgent } from '../model/skill.js';
import { readIfExists, relativePosix, type ExportFile } from './files.js';
import { exportFileNames } from './naming.js';
import { renderSkillYaml } from './skill-yaml.js';

/**
 * The schema the skill modelines point at: always `<cwd>/schemas/skill.schema.json` (see
 * `schemaFileFor` for why never the cxq installation's path).
 */
export function skillSchemaFileFor(cwd: string): { file: string; exists: boolean; bundled: string } {
  const file = join(cwd, 'schemas', 'skill.schema.json');
  return { file, exists: existsSync(file), bundled: schemaPath('Skill') };
}

/** A skill as the export naming and selection see it: its id as a string, its name. */
export function namedSkill(s: LiveSkill): { id: string; name: string } {
  return { id: String(s.skillId), name: s.skillName };
}

export interface SkillExportInput {
  cwd: string;
  outDir: string;
  /** Every live skill (names are computed over all of them). */
  live: readonly LiveSkill[];
  selected: readonly LiveSkill[];
  /** skillId → file (relative to cwd) that already declares that skill. */
  declared: ReadonlyMap<number, string>;
  force: boolean;
  /** With agents (`--agents`): the assignments by skill id and the tenant's agents to name them. */
  agents?: { assignments: ReadonlyMap<number, readonly LiveAssignment[]>; directory: readonly TenantAgent[] };
}

/**
 * One {@link ExportFile} per selected skill (`queue` holds the skill's id as a string and its
 * name), sorted by path: `create`, `unchanged`, `conflict` (differs, no force), `update` (differs,
 * force), `skip` (declared elsewhere). Throws `FileError` when an existing file cannot be read.
 */
export async function planSkillExport(input: SkillExportInput): Promise<ExportFile[]> {
  const names = exportFileNames(input.live.map(namedSkill));
  const schema = skillSchemaFileFor(input.cwd).file;
  const files: ExportFile[] = [];
  for (const s of input.selected) {
    const target = join(input.outDir, names.get(String(s.skillId)) ?? `skill-${s.skillId}.yaml`);
    const path = relativePosix(input.cwd, target);
    const agents = input.agents === undefined
      ? undefined
      : { assignments: input.agents.assignments.get(s.skillId) ?? [], directory: input.agents.directory };
    const content = renderSkillYaml(s, relativePosix(dirname(target), schema), agents);
    const queue = namedSkill(s);
    const declaredIn = input.declared.get(s.skillId);
    if (declaredIn !== undefined && declaredIn !== path) {
      files.push({ queue, path, action: 'skip', content, declaredIn });
      continue;
    }
    const existing = await readIfExists(target);
    const action = existing === null ? 'create' : existing === content ? 'unchanged' : input.force ? 'update' : 'conflict';
    files.push({ queue, path, action, content });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
