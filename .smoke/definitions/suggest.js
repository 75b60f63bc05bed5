/** Largest edit distance at which an unknown field is taken for a typo of a known one. */
export const MAX_SUGGESTION_DISTANCE = 2;
/**
 * Edit distance between two strings (optimal string alignment: insert, delete, substitute, swap two
 * neighbours, each costing 1), so `maxWaitTme` → `maxWaitTime` is 1 and `naem` → `name` is 1.
 * Gives up early and returns `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a, b, limit = Number.MAX_SAFE_INTEGER) {
    if (Math.abs(a.length - b.length) > limit)
        return limit + 1;
    let prevPrev = [];
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d = Math.min(d, prevPrev[j - 2] + 1);
            }
            cur.push(d);
            rowMin = Math.min(rowMin, d);
        }
        if (rowMin > limit)
            return limit + 1;
        prevPrev = prev;
        prev = cur;
    }
    return prev[b.length];
}
/**
 * The known field closest to `unknown` when within {@link MAX_SUGGESTION_DISTANCE} edits (compared
 * case-insensitively, so `MaxWaitTime` finds `maxWaitTime`) and fewer edits than `unknown` has
 * characters (so `x` suggests nothing rather than `id`); the first in `known` order on a tie;
 * undefined when nothing is that close.
 */
export function closestField(unknown, known) {
    let best;
    let bestDistance = Math.min(MAX_SUGGESTION_DISTANCE, unknown.length - 1) + 1;
    const needle = unknown.toLowerCase();
    for (const candidate of known) {
        const d = editDistance(needle, candidate.toLowerCase(), MAX_SUGGESTION_DISTANCE);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}
//# sourceMappingURL=suggest.js.map