import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Problem } from '../errors.js';
import { show } from './messages.js';
import { FieldLocations, internPointer } from './locations.js';
import { escapeSegment, fieldName, keyLocation, locationAt, pointerSegments, type SourceRef } from './positions.js';

/** Mappings and lists nested deeper than this are refused (a definition needs 3 levels). */
export const MAX_NESTING = 64;

/** A document's tree read in one pass. */
export interface TreeRead {
  /** The document as plain data; meaningless when `problems` is not empty or `hasAlias` is set. */
  value: unknown;
  /** JSON pointer → location of every node (an empty value `key:` is located at its key). */
  locations: FieldLocations;
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
  const walk: Walk = { src, problems: [], hasAlias: false, anchors: new Set(), pointers: [], offsets: [] };
  const value = readNode(root, '', 0, walk);
  const lineColumns = new Int32Array(2 * walk.offsets.length);
  walk.offsets.forEach((offset, i) => {
    const at = locationAt(src, offset);
    lineColumns[2 * i] = at.line;
    lineColumns[2 * i + 1] = at.column;
  });
  const locations = new FieldLocations(src.file, walk.pointers, lineColumns);
  return { value, locations, problems: walk.problems, hasAlias: walk.hasAlias };
}

/**
 * The state of one walk: the source, the problems and aliases met, the anchors seen so far, and
 * the location of every node as it is passed (pointer and character offset, turned into lines
 * and columns once at the end).
 */
interface Walk {
  src: SourceRef;
  problems: Problem[];
  hasAlias: boolean;
  anchors: Set<string>;
  pointers: string[];
  offsets: number[];
}

function locate(walk: Walk, pointer: string, offset: number): void {
  walk.pointers.push(internPointer(pointer));
  walk.offsets.push(offset);
}

function readNode(node: unknown, pointer: string, depth: number, walk: Walk): unknown {
  const { src, anchors } = walk;
  if (isScalar(node)) {
    if (node.anchor) anchors.add(node.anchor);
    if (node.range) locate(walk, pointer, node.range[0]);
    return node.value;
  }
  if (isAlias(node)) {
    walk.hasAlias = true;
    const offset = node.range?.[0] ?? 0;
    locate(walk, pointer, offset);
    if (!anchors.has(node.source)) {
      walk.problems.push({ ...locationAt(src, offset), field: fieldName(pointerSegments(pointer)), message: `alias *${node.source} has no anchor &${node.source} before it in this document` });
    }
    return undefined;
  }
  if (!isMap(node) && !isSeq(node)) return null;
  const offset = node.range?.[0] ?? 0;
  locate(walk, pointer, offset);
  if (depth >= MAX_NESTING) {
    walk.problems.push({ ...locationAt(src, offset), field: fieldName(pointerSegments(pointer)), message: `nested deeper than ${MAX_NESTING} levels` });
    return null;
  }
  const value = isSeq(node)
    ? node.items.map((item, i) => readNode(item, `${pointer}/${i}`, depth + 1, walk))
    : readPairs(node, pointer, offset, depth, walk);
  // Registered after the children: an alias inside its own anchor would be a cycle.
  if (node.anchor) anchors.add(node.anchor);
  return value;
}

/** Reads a mapping's pairs; `offset` is where the mapping starts (for pairs whose key has none). */
function readPairs(node: YAMLMap, pointer: string, offset: number, depth: number, walk: Walk): unknown {
  const { src } = walk;
  const at = (pair: Pair) => keyLocation(pair, src) ?? locationAt(src, offset);
  const obj: Record<string, unknown> = {};
  const seen = new Map<string, Pair>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') {
      const got = isScalar(pair.key) ? show(pair.key.value) : 'a collection';
      walk.problems.push({ ...at(pair), field: fieldName(pointerSegments(pointer)), message: `keys must be field names (got ${got})` });
      continue;
    }
    const child = `${pointer}/${escapeSegment(key)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      walk.problems.push({ ...at(pair), field: fieldName(pointerSegments(child)), message: `duplicate key ${show(key)} (first at line ${at(first).line})` });
      continue;
    }
    seen.set(key, pair);
    const value = pair.value;
    let js: unknown;
    if (isEmpty(value)) {
      const keyNode = pair.key as Node | null;
      locate(walk, child, keyNode?.range?.[0] ?? offset);
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
