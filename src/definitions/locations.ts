import type { Location } from './types.js';

/** Distinct JSON pointers kept for sharing per thread; past this the table starts afresh. */
const MAX_INTERNED = 10_000;
const interned = new Map<string, string>();

/**
 * One shared copy of `pointer`: 10,000 definitions of the same shape then hold ~30 pointer
 * strings between them instead of ~260,000. Bounded, so hostile input with endless distinct keys
 * only stops the sharing, never grows memory without limit.
 */
export function internPointer(pointer: string): string {
  const known = interned.get(pointer);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  interned.set(pointer, pointer);
  return pointer;
}

/**
 * Where each node of one definition stands: JSON pointer (`/skills/0/id`, `''` for the document)
 * → line and column in `file`. Packed (pointers in one array, lines and columns in one
 * Int32Array) because as one `{file, line, column}` object per node, 10,000 definitions held
 * ~28 MB of heap, and the only reader is the rare problem that needs placing.
 */
export class FieldLocations {
  /**
   * @param file path shown in every location (relative to the cwd).
   * @param pointers the located pointers, in document order.
   * @param lineColumns line and column of `pointers[i]` at `2i` and `2i + 1` (1-based).
   */
  constructor(
    readonly file: string,
    readonly pointers: readonly string[],
    readonly lineColumns: Int32Array,
  ) {}

  /** The location of the node at `pointer`; undefined when that node was not recorded. */
  at(pointer: string): Location | undefined {
    const i = this.pointers.indexOf(pointer);
    if (i < 0) return undefined;
    return { file: this.file, line: this.lineColumns[2 * i]!, column: this.lineColumns[2 * i + 1]! };
  }

  /** Packs `pointer → location` pairs (all in `file`); for callers that build definitions by hand. */
  static of(file: string, locations: Record<string, Pick<Location, 'line' | 'column'>>): FieldLocations {
    const pointers = Object.keys(locations);
    const lineColumns = new Int32Array(2 * pointers.length);
    pointers.forEach((p, i) => {
      lineColumns[2 * i] = locations[p]!.line;
      lineColumns[2 * i + 1] = locations[p]!.column;
    });
    return new FieldLocations(file, pointers.map(internPointer), lineColumns);
  }
}
