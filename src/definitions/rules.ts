import type { Problem } from '../errors.js';
import { show } from './messages.js';
import type { AnyLoadedDefinition, LoadedDefinition, LoadedSkillDefinition, Location } from './types.js';

/** Other occurrences named in a duplicate's message; the rest are counted. */
const MAX_SHOWN_OTHERS = 3;

/** Problems found across definitions, and the definitions they make invalid. */
export interface RuleResult {
  problems: Problem[];
  invalid: ReadonlySet<LoadedDefinition>;
}

/**
 * The rules no single schema check can express (pure): the same `id` or `name` declared twice
 * (every occurrence is reported and names the others' file:line), an overflow target that is the
 * queue itself (by id; a name-only queue is checked at plan time), and a skill id listed twice in
 * one queue. References to live queues and skills are checked by `cxq plan`, not here.
 * Tolerates definitions that failed the schema (values of the wrong type are skipped), so these
 * problems are reported in the same run as the schema's.
 */
export function checkRules(definitions: readonly LoadedDefinition[]): RuleResult {
  const problems: Problem[] = [];
  const invalid = new Set<LoadedDefinition>();
  const report = (loaded: LoadedDefinition, pointer: string, field: string, message: string): void => {
    problems.push({ ...fieldAt(loaded, pointer), field, message });
    invalid.add(loaded);
  };
  for (const field of ['id', 'name'] as const) {
    for (const group of duplicateGroups(definitions, (d) => stringOrUndefined(d.definition[field]))) {
      for (const loaded of group) {
        const others = group.filter((other) => other !== loaded);
        const shown = others.slice(0, MAX_SHOWN_OTHERS).map((other) => where(other, `/${field}`));
        if (others.length > MAX_SHOWN_OTHERS) shown.push(`${others.length - MAX_SHOWN_OTHERS} more`);
        const value = show(loaded.definition[field]);
        report(loaded, `/${field}`, field, `duplicate ${field} ${value}: also declared at ${shown.join(', ')}`);
      }
    }
  }
  for (const loaded of definitions) {
    const ownId = stringOrUndefined(loaded.definition.id);
    idsOf(loaded.definition.overflowTargets).forEach((targetId, t) => {
      if (ownId === undefined || targetId !== ownId) return;
      report(loaded, `/overflowTargets/${t}/id`, `overflowTargets[${t}].id`,
        `overflow target is this queue itself (${show(targetId)}); overflow must go to another queue`);
    });
    const firstIndex = new Map<string, number>();
    idsOf(loaded.definition.skills).forEach((skillId, s) => {
      if (skillId === undefined) return;
      const first = firstIndex.get(skillId);
      if (first === undefined) {
        firstIndex.set(skillId, s);
        return;
      }
      report(loaded, `/skills/${s}/id`, `skills[${s}].id`,
        `duplicate skill ${show(skillId)}: already listed as skills[${first}]; list each skill once`);
    });
  }
  return { problems, invalid };
}

/**
 * The rules across Skill definitions (pure): the same `skillName` declared twice, the same
 * `skillId` declared twice (every occurrence reported, naming the others' file:line). A user name
 * listed twice under one skill's `agents` is a duplicate YAML key, refused while reading. Whether
 * the skills and agents exist live is checked by the plan. Tolerates schema-invalid definitions.
 */
export function checkSkillRules(skills: readonly LoadedSkillDefinition[]): { problems: Problem[]; invalid: ReadonlySet<LoadedSkillDefinition> } {
  const problems: Problem[] = [];
  const invalid = new Set<LoadedSkillDefinition>();
  const keys = {
    skillName: (d: LoadedSkillDefinition) => stringOrUndefined(d.definition.skillName),
    skillId: (d: LoadedSkillDefinition) => (Number.isInteger(d.definition.skillId) ? String(d.definition.skillId) : undefined),
  };
  for (const [field, key] of Object.entries(keys)) {
    for (const group of duplicateGroups(skills, key)) {
      for (const loaded of group) {
        const others = group.filter((other) => other !== loaded);
        const shown = others.slice(0, MAX_SHOWN_OTHERS).map((other) => where(other, `/${field}`));
        if (others.length > MAX_SHOWN_OTHERS) shown.push(`${others.length - MAX_SHOWN_OTHERS} more`);
        const value = show((loaded.definition as unknown as Record<string, unknown>)[field]);
        problems.push({ ...fieldAt(loaded, `/${field}`), field, message: `duplicate ${field} ${value}: also declared at ${shown.join(', ')}` });
        invalid.add(loaded);
      }
    }
  }
  return { problems, invalid };
}

/** Groups of two or more definitions sharing a key, in first-occurrence order. */
function duplicateGroups<D>(definitions: readonly D[], key: (d: D) => string | undefined): D[][] {
  const groups = new Map<string, D[]>();
  for (const d of definitions) {
    const k = key(d);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(d);
    else groups.set(k, [d]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** The `id` of each item of a list of `{id}` (undefined where it is not a string); [] if no list. */
function idsOf(list: unknown): (string | undefined)[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) =>
    item !== null && typeof item === 'object' && Object.hasOwn(item, 'id')
      ? stringOrUndefined((item as { id: unknown }).id)
      : undefined,
  );
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fieldAt(loaded: AnyLoadedDefinition, pointer: string): Location {
  return loaded.fieldLocations.at(pointer) ?? loaded.location;
}

function where(loaded: AnyLoadedDefinition, pointer: string): string {
  const at = fieldAt(loaded, pointer);
  return `${at.file}:${at.line}`;
}
