import { compareStrings } from '../util/canonical-json.js';
/** Fields whose value is a number. */
const NUMBER_FIELDS = new Set(['maxWaitTime', 'overflowThreshold']);
/** A skills list as a set: `{id, level}` entries sorted by id. Absent or not a list → `[]`. */
export function normaliseSkills(skills) {
    if (!Array.isArray(skills))
        return [];
    return skills
        .map((s) => ({ id: s.id, level: s.level }))
        .sort((a, b) => compareStrings(String(a.id), String(b.id)) || compareStrings(String(a.level), String(b.level)));
}
/** Overflow targets in their (significant) order, each `{id, threshold}`. Absent → `[]`. */
export function normaliseOverflowTargets(targets) {
    if (!Array.isArray(targets))
        return [];
    return targets.map((t) => ({
        id: t.id,
        threshold: normaliseNumber(t.threshold),
    }));
}
/** A number as compared: `-0` becomes `0`; anything else is returned unchanged. */
export function normaliseNumber(value) {
    return typeof value === 'number' && Object.is(value, -0) ? 0 : value;
}
/**
 * The comparable form of one top-level field (not `waitMusic`, which is compared per leaf).
 * Returns `undefined` for an absent live value that has no "empty" equivalent (see module doc),
 * so the caller can tell "absent" from any real value.
 */
export function normaliseField(field, value) {
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
export const WAIT_MUSIC_LEAVES = ['playMusic', 'url'];
//# sourceMappingURL=normalise.js.map