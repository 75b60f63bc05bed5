import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { fieldName, keyLocation, locationAt } from './positions.js';
import { show } from './messages.js';
/** Mappings and lists nested deeper than this are refused (a definition needs 3 levels). */
export const MAX_NESTING = 64;
/**
 * Checks the shape YAML allows but a definition cannot have, before the document is turned into
 * data: keys that are not plain strings (`? [a, b]`, `1:`), the same key twice in one mapping, and
 * nesting deeper than {@link MAX_NESTING}. One linear pass with a Set per mapping, where yaml's own
 * duplicate check is quadratic; aliases are not followed. Returns the problems found (none: valid).
 */
export function checkStructure(root, src) {
    const problems = [];
    const visit = (node, path) => {
        if (isAlias(node) || !(isMap(node) || isSeq(node)))
            return;
        if (path.length >= MAX_NESTING) {
            const at = locationAt(src, node.range?.[0] ?? 0);
            problems.push({ ...at, field: fieldName(path), message: `nested deeper than ${MAX_NESTING} levels` });
            return;
        }
        if (isSeq(node)) {
            node.items.forEach((item, i) => visit(item, [...path, String(i)]));
            return;
        }
        const firstSeen = new Map();
        for (const pair of node.items) {
            const at = keyLocation(pair, src) ?? locationAt(src, node.range?.[0] ?? 0);
            if (!isScalar(pair.key) || typeof pair.key.value !== 'string') {
                const got = isScalar(pair.key) ? show(pair.key.value) : 'a collection';
                problems.push({ ...at, field: fieldName(path), message: `keys must be field names (got ${got})` });
                continue;
            }
            const key = pair.key.value;
            const first = firstSeen.get(key);
            if (first !== undefined) {
                problems.push({ ...at, field: fieldName([...path, key]), message: `duplicate key ${show(key)} (first at line ${first})` });
                continue;
            }
            firstSeen.set(key, at.line);
            visit(pair.value, [...path, key]);
        }
    };
    visit(root, []);
    return problems;
}
//# sourceMappingURL=structure.js.map