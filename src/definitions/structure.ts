import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../errors.js';
import { show } from './messages.js';
import { escapeSegment, fieldName, keyLocation, locationAt, pointerSegments, type SourceRef } from './positions.js';
import type { Location } from './types.js';

/** Mappings and lists nested deeper than this are refused (a definition needs 3 levels). */
export const MAX_NESTING = 64;

/** A document's tree read in one pass. */
export interface TreeRead {
  /** The document as plain data; meaningless when `problems` is not empty or `hasAlias` is set. */
  value: unknown;
  /** JSON pointer → location of every node (an empty value `key:` is located at its key). */
  locations: Record<string, Location>;
  /** Shapes a definition cannot have: non-string keys, duplicate keys, excessive nesting. */
  problems: Problem[];
  /** An alias was met and not followed: the caller must build `value` with yaml's alias guard. */
  hasAlias: boolean;
}

/**
 * Reads a document tree once, producing its plain value, the location of every node and the
 * structural problems YAML allows but a definition cannot have: keys that are not plain strings
 * (`? [a, b]`, `1:`), the same key twice in one mapping (one Set per mapping, where yaml's own
 * check is quadratic), nesting deeper than {@link MAX_NESTING}, and an alias with no anchor before
 * it in the document (aliases are not followed here). `__proto__` becomes an own
 * property (reported later as an unknown field), never a prototype.
 */
export function readTree(root: Node, src: SourceRef): TreeRead {
  const out: TreeRead = { value: undefined, locations: {}, problems: [], hasAlias: false };
  out.value = readNode(root, '', 0, { src, out, anchors: new Set() });
  return out;
}

/** The state of one walk: the source, what is being built, and the anchors met so far. */
interface Walk {
  src: SourceRef;
  out: TreeRead;
  anchors: Set<string>;
}

function readNode(node: unknown, pointer: string, depth: number, walk: Walk): unknown {
  const { src, out, anchors } = walk;
  if (isScalar(node)) {
    if (node.anchor) anchors.add(node.anchor);
    if (node.range) out.locations[pointer] = locationAt(src, node.range[0]);
    return node.value;
  }
  if (isAlias(node)) {
    out.hasAlias = true;
    const at = locationAt(src, node.range?.[0] ?? 0);
    out.locations[pointer] = at;
    if (!anchors.has(node.source)) {
      out.problems.push({ ...at, field: fieldName(pointerSegments(pointer)), message: `alias *${node.source} has no anchor &${node.source} before it in this document` });
    }
    return undefined;
  }
  if (!isMap(node) && !isSeq(node)) return null;
  const at = locationAt(src, node.range?.[0] ?? 0);
  out.locations[pointer] = at;
  if (depth >= MAX_NESTING) {
    out.problems.push({ ...at, field: fieldName(pointerSegments(pointer)), message: `nested deeper than ${MAX_NESTING} levels` });
    return null;
  }
  const value = isSeq(node)
    ? node.items.map((item, i) => readNode(item, `${pointer}/${i}`, depth + 1, walk))
    : readPairs(node, pointer, depth, walk);
  // Registered after the children: an alias inside its own anchor would be a cycle.
  if (node.anchor) anchors.add(node.anchor);
  return value;
}

function readPairs(node: YAMLMap, pointer: string, depth: number, walk: Walk): unknown {
  const { src, out } = walk;
  const at = out.locations[pointer]!;
  const obj: Record<string, unknown> = {};
  const seen = new Map<string, Pair>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') {
      const got = isScalar(pair.key) ? show(pair.key.value) : 'a collection';
      const loc = keyLocation(pair, src) ?? at;
      out.problems.push({ ...loc, field: fieldName(pointerSegments(pointer)), message: `keys must be field names (got ${got})` });
      continue;
    }
    const child = `${pointer}/${escapeSegment(key)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const loc = keyLocation(pair, src) ?? at;
      const firstLine = (keyLocation(first, src) ?? at).line;
      out.problems.push({ ...loc, field: fieldName(pointerSegments(child)), message: `duplicate key ${show(key)} (first at line ${firstLine})` });
      continue;
    }
    seen.set(key, pair);
    const value = pair.value;
    let js: unknown;
    if (isEmpty(value)) {
      out.locations[child] = keyLocation(pair, src) ?? at;
      js = isScalar(value) ? value.value : null;
    } else {
      js = readNode(value, child, depth + 1, walk);
    }
    if (key === '__proto__') Object.defineProperty(obj, key, { value: js, enumerable: true, writable: true, configurable: true });
    else obj[key] = js;
  }
  return obj;
}

/** `key:` with nothing after it: yaml gives a null scalar of zero width (or no node at all). */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  return isScalar(value) && value.value === null && value.range != null && value.range[0] === value.range[1];
}
