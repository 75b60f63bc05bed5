import type { Problem } from '../errors.js';
import type { FileResult } from './load.js';
import { FieldLocations } from './locations.js';
import type { LoadedDefinition, LoadedSkillDefinition, Location } from './types.js';

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
  /** The file's Skill documents, packed the same way (only when it has any). */
  skills?: { values: unknown[]; valid: number[]; positions: Int32Array };
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
  const pack = (documents: readonly (LoadedDefinition | LoadedSkillDefinition)[]): Int32Array => {
    const packed: number[] = [];
    for (const doc of documents) {
      const { pointers, lineColumns } = doc.fieldLocations;
      packed.push(doc.location.line, doc.location.column, pointers.length);
      pointers.forEach((pointer, i) => packed.push(intern(pointer), lineColumns[2 * i]!, lineColumns[2 * i + 1]!));
    }
    return Int32Array.from(packed);
  };
  const files = results.map((result): WireFile => {
    const values = result.documents.map((doc) => doc.definition);
    const file: WireFile = { values, valid: result.valid, problems: result.problems, positions: pack(result.documents) };
    if (result.skills) {
      const { documents, valid } = result.skills;
      file.skills = { values: documents.map((doc) => doc.definition), valid, positions: pack(documents) };
    }
    return file;
  });
  return { start, pointers, files };
}

/** The buffers of `wire` that can be moved to the receiving thread instead of copied. */
export function transferList(wire: WireResults): ArrayBuffer[] {
  return wire.files.flatMap((f) => [f.positions.buffer as ArrayBuffer, ...(f.skills ? [f.skills.positions.buffer as ArrayBuffer] : [])]);
}

/**
 * Unpacks {@link encodeResults}' output into the very results the sending thread had; `display`
 * gives the display path of file `i` of the shared list (every location of a file names it).
 */
export function decodeResults(wire: WireResults, display: (i: number) => string): FileResult[] {
  return wire.files.map((f, k) => {
    const file = display(wire.start + k);
    const documents = unpack(wire, file, f.values, f.positions).map(
      ({ value, location, fieldLocations }): LoadedDefinition => ({ kind: 'Queue', definition: value as LoadedDefinition['definition'], location, fieldLocations }),
    );
    const result: FileResult = { documents, valid: f.valid, problems: f.problems };
    if (f.skills) {
      const skills = unpack(wire, file, f.skills.values, f.skills.positions).map(
        ({ value, location, fieldLocations }): LoadedSkillDefinition => ({ kind: 'Skill', definition: value as LoadedSkillDefinition['definition'], location, fieldLocations }),
      );
      result.skills = { documents: skills, valid: f.skills.valid };
    }
    return result;
  });
}

/** The values of one file with their locations, unpacked from `positions` (see {@link WireFile}). */
function unpack(wire: WireResults, file: string, values: unknown[], p: Int32Array): { value: unknown; location: Location; fieldLocations: FieldLocations }[] {
  let at = 0;
  return values.map((value) => {
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
    return { value, location, fieldLocations: new FieldLocations(file, pointers, lineColumns) };
  });
}
