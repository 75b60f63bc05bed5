import { Document } from 'yaml';
import type { SkillDefinition } from '../definitions/types.js';
import { compareStrings } from '../util/canonical-json.js';
import {
  MANAGED_SKILL_FIELDS,
  MANAGED_SKILL_FIELD_TYPES,
  type DeclaredAgents,
  type LiveAssignment,
  type LiveSkill,
  type TenantAgent,
} from '../model/skill.js';
import { normaliseInteger } from '../plan/skill-normalise.js';

/** The agents to export with a skill: its live assignments and the tenant's agents to name them. */
export interface SkillExportAgents {
  assignments: readonly LiveAssignment[];
  directory: readonly TenantAgent[];
}

/**
 * The Skill definition of a live skill (pure): `kind: Skill`, `skillName`, then every managed
 * field the live skill holds with a value of the field's type, in canonical order (a live `"90"`
 * is written as 90; `null`, absent and wrongly typed values are left out, i.e. not managed; an
 * empty note is left out). `skillId` is not written: ids differ between tenants, names travel.
 * With `agents`, every assignment whose agent the directory names is written by user name with
 * its proficiency and active flag, sorted by user name; `agentsExclusive` is never written, so a
 * later plan leaves assignments of agents the export could not name alone. Plans back to no
 * changes against the skill it was made from.
 */
export function skillToDefinition(live: LiveSkill, agents?: SkillExportAgents): SkillDefinition {
  const out: Record<string, unknown> = { kind: 'Skill', skillName: live.skillName };
  for (const field of MANAGED_SKILL_FIELDS) {
    const type = MANAGED_SKILL_FIELD_TYPES[field];
    const value = type === 'integer' ? normaliseInteger(live[field]) : live[field];
    if (type === 'integer' ? Number.isInteger(value) : typeof value === type) {
      if (field === 'notes' && value === '') continue;
      out[field] = value;
    }
  }
  if (agents !== undefined) out['agents'] = exportAgents(agents);
  return out as unknown as SkillDefinition;
}

/**
 * The YAML file of one skill: the `yaml-language-server` modeline (`schemaRef` is the path of
 * schemas/skill.schema.json relative to the file), then {@link skillToDefinition}, block style, no
 * line folding, so the same skill always gives the same bytes. Pure.
 */
export function renderSkillYaml(live: LiveSkill, schemaRef: string, agents?: SkillExportAgents): string {
  const doc = new Document(skillToDefinition(live, agents));
  return `# yaml-language-server: $schema=${schemaRef}\n${doc.toString({ lineWidth: 0, indentSeq: true })}`;
}

function exportAgents({ assignments, directory }: SkillExportAgents): DeclaredAgents {
  const names = new Map(directory.map((a) => [a.agentId, a.userName]));
  const named = assignments
    .map((a) => ({ userName: names.get(a.agentId), a }))
    .filter((x): x is { userName: string; a: LiveAssignment } => x.userName !== undefined)
    .sort((x, y) => compareStrings(x.userName, y.userName));
  const out: DeclaredAgents = {};
  for (const { userName, a } of named) {
    // defineProperty: a user name `__proto__` must stay a key, never become the prototype.
    Object.defineProperty(out, userName, { value: { proficiency: normaliseInteger(a.proficiency) as number, active: a.active }, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
