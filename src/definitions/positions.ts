import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml';
import type { Location } from './types.js';

/** What the position helpers need: the file name (relative to the cwd) and its line counter. */
export interface SourceRef {
  file: string;
  lineCounter: LineCounter;
}

/**
 * The location of a character offset in the source (1-based line and column). Same answer as
 * `lineCounter.linePos`, without its intermediate object: this runs for every node of every file.
 */
export function locationAt(src: SourceRef, offset: number): Location {
  const starts = src.lineCounter.lineStarts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offset < starts[mid]!) high = mid;
    else low = mid + 1;
  }
  // `low` is the number of line starts at or before `offset`, i.e. the 1-based line.
  const line = Math.max(low, 1);
  return { file: src.file, line, column: offset - (starts[line - 1] ?? 0) + 1 };
}

/** Escapes one JSON-pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapeSegment(segment: string): string {
  return segment.includes('~') || segment.includes('/')
    ? segment.replaceAll('~', '~0').replaceAll('/', '~1')
    : segment;
}

/** Splits a JSON pointer (`/skills/0/id`, as ajv's instancePath) into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * The user-facing field notation, used in every problem: dotted keys with list indexes in
 * brackets (`skills[0].level`, `waitMusic.url`). The empty path is the whole document.
 */
export function fieldName(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) {
    if (/^\d+$/.test(s)) out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out === '' ? '(document)' : out;
}

/**
 * The node a path leads to and, when the last step is a mapping key, the pair holding it. Stops at
 * an alias (returning it) rather than following it.
 */
export function nodeAt(root: Node, segments: readonly string[]): { node?: Node; pair?: Pair } {
  let node: unknown = root;
  let pair: Pair | undefined;
  for (const segment of segments) {
    pair = undefined;
    if (isAlias(node)) return { node };
    if (isMap(node)) {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      node = pair?.value ?? undefined;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
    } else {
      return {};
    }
    if (node === undefined && pair === undefined) return {};
  }
  return { node: isNodeLike(node) ? node : undefined, ...(pair ? { pair } : {}) };
}

/** The location of a pair's key, if the key has a range. */
export function keyLocation(pair: Pair, src: SourceRef): Location | undefined {
  const key = pair.key;
  return isNodeLike(key) && key.range ? locationAt(src, key.range[0]) : undefined;
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
