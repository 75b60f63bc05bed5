/**
 * Normalisation of skill values before they are compared (pure). The rules, and why
 * (docs/skills.md repeats them for users):
 *
 * - Integers are compared as numbers: `90`, `90.0` and a live `"90"` (a decimal string, as some
 *   API versions may serialise numbers [I]) are the same value; `-0` is `0`. Any other string
 *   stays a string and so differs from every declared integer: a real change, never a guess.
 * - Booleans compare strictly: a live `"true"` differs from `true` (cxq does not guess).
 * - `notes`: an absent or `null` live note equals `""`; CRLF equals LF; trailing whitespace is not
 *   compared, because YAML block scalars (`notes: |`) add a final newline the console need not
 *   keep [I]. The declared text is what is written.
 * - Any other absent live field differs from every declared value (`old` is null): cxq cannot
 *   know the platform's default, and the diff converges after one apply.
 */
import { MANAGED_SKILL_FIELD_TYPES, type ManagedSkillField } from '../model/skill.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The comparable form of one managed field's value (live or declared); undefined when absent. */
export function normaliseSkillValue(field: ManagedSkillField, value: unknown): unknown {
  const type = MANAGED_SKILL_FIELD_TYPES[field];
  if (field === 'notes') {
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value.replaceAll('\r\n', '\n').trimEnd() : value;
  }
  if (value === null) return undefined;
  if (type === 'integer') return normaliseInteger(value);
  return value;
}

/** A number as compared: a decimal string becomes its number, `-0` becomes `0`; others unchanged. */
export function normaliseInteger(value: unknown): unknown {
  const n = typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
  return typeof n === 'number' && Object.is(n, -0) ? 0 : n;
}
