import { DEFINITION_FIELDS } from '../definitions/types.js';
import { normaliseField, WAIT_MUSIC_LEAVES } from './normalise.js';
/**
 * The fields a definition manages, in canonical field order, as the apply step must write them.
 *
 * - `id` is never a managed field: it identifies the queue.
 * - `name` is managed only when the definition ALSO declares an `id`: then a different live name is
 *   a rename. A name-only definition uses `name` to find its queue, so the name cannot change.
 * - A field left out of the definition is absent here and keeps its live value.
 * - `skills` come sorted by id (order carries no meaning), entries reduced to `{id, level}`;
 *   `overflowTargets` keep their order, entries reduced to `{id, threshold}`; `waitMusic` keeps only
 *   its declared leaves. Everything is a fresh copy: mutating the result never touches `def`.
 *
 * Pure; never throws.
 */
export function desiredFields(def) {
    const out = {};
    for (const field of DEFINITION_FIELDS) {
        if (field === 'id')
            continue;
        if (field === 'name' && def.id === undefined)
            continue;
        const value = def[field];
        if (value === undefined)
            continue;
        out[field] = field === 'waitMusic' ? declaredWaitMusic(def.waitMusic ?? {}) : normaliseField(field, value);
    }
    return out;
}
function declaredWaitMusic(wm) {
    const out = {};
    for (const leaf of WAIT_MUSIC_LEAVES)
        if (wm[leaf] !== undefined)
            out[leaf] = wm[leaf];
    return out;
}
//# sourceMappingURL=desired.js.map