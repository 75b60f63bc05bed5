import type { Problem } from '../errors.js';
import type { FieldLocations } from './locations.js';
import { show } from './messages.js';
import { closestField } from './suggest.js';
import { DEFINITION_KINDS, type DefinitionKind, type Location } from './types.js';

/** A document's kind, and the value to validate against that kind's schema. */
export type KindOf = { kind: DefinitionKind; value: unknown } | { problem: Problem };

/**
 * The kind a document declares (pure). No `kind` → Queue (every definition written before skills
 * existed stays a queue). `kind: Queue` → Queue, validated without its `kind` key (the queue
 * schema predates kinds, and its messages stay as they were). `kind: Skill` → Skill, validated
 * whole (the skill schema requires `kind`). Anything else is a problem located at `kind`, with
 * "did you mean" for a near miss (`skill`, `Skils`).
 */
export function documentKind(value: unknown, locations: FieldLocations, start: Location): KindOf {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, 'kind')) return { kind: 'Queue', value };
  const { kind, ...rest } = value as Record<string, unknown>;
  // Object rest copies own properties as data, so a `__proto__` key stays an own property.
  if (kind === 'Queue') return { kind: 'Queue', value: rest };
  if (kind === 'Skill') return { kind: 'Skill', value };
  const at = locations.at('/kind') ?? start;
  const suggestion = typeof kind === 'string' ? closestField(kind, DEFINITION_KINDS) : undefined;
  const hint = suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
  const what = typeof kind === 'string' ? `unknown kind ${show(kind)}${hint}` : `must be Queue or Skill (got ${show(kind)})`;
  return {
    problem: { file: at.file, line: at.line, column: at.column, field: 'kind', message: `${what}: a document is a Queue (the default when kind is left out) or a Skill` },
  };
}
