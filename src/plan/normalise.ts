/**
 * Normalisation of declared and live values before they are compared. The rules, and why
 * (docs/plan.md repeats them for users):
 *
 * - `skills` is a set (the API says order carries no meaning): compared sorted by skill id, each
 *   entry reduced to `{id, level}`. Reordering skills in git or in the console is never a change.
 * - `overflowTargets` is an ordered list (order is priority): compared as is, each entry reduced
 *   to `{id, threshold}`. Reordering targets IS a change.
 * - `waitMusic` is compared leaf by leaf, and only the declared leaves (`playMusic`, `url`).
 * - Numbers are compared as numbers: `300`, `300.0` and `3e2` are the same value, `-0` is `0`.
 * - Absent vs default: a live value that is absent equals the declared "empty" value only where
 *   the API itself treats absence as empty — an absent `description` equals `""`, an absent
 *   `skills`/`overflowTargets` equals `[]`. Every other absent live field (a boolean, a number, an
 *   enum, a waitMusic leaf) differs from any declared value: cxq cannot know the server's default,
 *   and the diff converges after one apply, so it is never a phantom that shows on every plan.
 *   Absent values appear as `null` in `FieldChange.old`.
 * - Key order never matters (comparison is on canonical JSON).
 */
import type { OverflowTarget, SkillRef } from '../model/queue.js';
import { compareStrings } from '../util/canonical-json.js';

/** Fields whose value is a number. */
const NUMBER_FIELDS = new Set(['maxWaitTime', 'overflowThreshold']);

/** A skills list as a set: `{id, level}` entries sorted by id. Absent or not a list → `[]`. */
export function normaliseSkills(skills: unknown): SkillRef[] {
  if (!Array.isArray(skills)) return [];
  return skills
    .map((s: Partial<SkillRef>) => ({ id: s.id as string, level: s.level as SkillRef['level'] }))
    .sort((a, b) => compareStrings(String(a.id), String(b.id)) || compareStrings(String(a.level), String(b.level)));
}

/** Overflow targets in their (significant) order, each `{id, threshold}`. Absent → `[]`. */
export function normaliseOverflowTargets(targets: unknown): OverflowTarget[] {
  if (!Array.isArray(targets)) return [];
  return targets.map((t: Partial<OverflowTarget>) => ({
    id: t.id as string,
    threshold: normaliseNumber(t.threshold) as number,
  }));
}

/** A number as compared: `-0` becomes `0`; anything else is returned unchanged. */
export function normaliseNumber(value: unknown): unknown {
  return typeof value === 'number' && Object.is(value, -0) ? 0 : value;
}

/**
 * The comparable form of one top-level field (not `waitMusic`, which is compared per leaf).
 * Returns `undefined` for an absent live value that has no "empty" equivalent (see module doc),
 * so the caller can tell "absent" from any real value.
 */
export function normaliseField(field: string, value: unknown): unknown {
  switch (field) {
    case 'skills':
      return normaliseSkills(value);
    case 'overflowTargets':
      return normaliseOverflowTargets(value);
    case 'description':
      return value ?? '';
    default:
      return NUMBER_FIELDS.has(field) ? normaliseNumber(value) : value;
  }
}

/** The waitMusic leaves, in output order. */
export const WAIT_MUSIC_LEAVES = ['playMusic', 'url'] as const;
