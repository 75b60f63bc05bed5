import type { Problem } from '../errors.js';
import type { FileResult } from './load.js';
import { FieldLocations } from './locations.js';
import type { LoadedDefinition, Location } from './types.js';

/**
 * Results of a run of files in the compact form a worker sends to the main thread. Copying
 * {@link FileResult}s as they are costs more than parsing them did on the receiving side: every
 * node has a `{file, line, column}` object (25 MB of structured clone for 10,000 definitions).
 * Here each file's positions are one Int32Array (transferred, not copied), the file name is not
 * repeated (the receiver knows it) and JSON pointers are interned in one table per message.
 */
export interface WireResults {
  /** Index in the shared file list of the first file. */
  start: number;
  /** Every JSON pointer used below, once. */
  pointers: string[];
  files: WireFile[];
}

/** One file's result: document values, valid indexes and problems as they are; positions packed. */
export interface WireFile {
  values: unknown[];
  valid: number[];
  problems: Problem[];
  /**
   * Per document, in order: line and column of the document, the number of located fields, then
   * for each field its index in `pointers`, line and column.
   */
  positions: Int32Array;
}

/** Packs the results of the files `start`, `start + 1`, … of the shared list (pure). */
export function encodeResults(start: number, results: readonly FileResult[]): WireResults {
  const pointers: string[] = [];
  const index = new Map<string, number>();
  const intern = (pointer: string): number => {
    let i = index.get(pointer);
    if (i === undefined) {
      i = pointers.length;
      pointers.push(pointer);
      index.set(pointer, i);
    }
    return i;
  };
  const files = results.map((result): WireFile => {
    const packed: number[] = [];
    for (const doc of result.documents) {
      const { pointers, lineColumns } = doc.fieldLocations;
      packed.push(doc.location.line, doc.location.column, pointers.length);
      pointers.forEach((pointer, i) => packed.push(intern(pointer), lineColumns[2 * i]!, lineColumns[2 * i + 1]!));
    }
    const values = result.documents.map((doc) => doc.definition);
    return { values, valid: result.valid, problems: result.problems, positions: Int32Array.from(packed) };
  });
  return { start, pointers, files };
}

/** The buffers of `wire` that can be moved to the receiving thread instead of copied. */
export function transferList(wire: WireResults): ArrayBuffer[] {
  return wire.files.map((f) => f.positions.buffer as ArrayBuffer);
}

/**
 * Unpacks {@link encodeResults}' output into the very results the sending thread had; `display`
 * gives the display path of file `i` of the shared list (every location of a file names it).
 */
export function decodeResults(wire: WireResults, display: (i: number) => string): FileResult[] {
  return wire.files.map((f, k) => {
    const file = display(wire.start + k);
    const p = f.positions;
    let at = 0;
    const documents = f.values.map((value): LoadedDefinition => {
      const location: Location = { file, line: p[at]!, column: p[at + 1]! };
      const count = p[at + 2]!;
      at += 3;
      const pointers = new Array<string>(count);
      const lineColumns = new Int32Array(2 * count);
      for (let i = 0; i < count; i++, at += 3) {
        pointers[i] = wire.pointers[p[at]!]!; // shared by every document of the message
        lineColumns[2 * i] = p[at + 1]!;
        lineColumns[2 * i + 1] = p[at + 2]!;
      }
      const fieldLocations = new FieldLocations(file, pointers, lineColumns);
      return { definition: value as LoadedDefinition['definition'], location, fieldLocations };
    });
    return { documents, valid: f.valid, problems: f.problems };
  });
}
