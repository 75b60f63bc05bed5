import { describe, expect, it } from 'vitest';
import { BATCH, claimBatch } from '../../src/definitions/parallel.js';
import { parseDefinitionsText } from '../../src/definitions/parse.js';
import type { FileResult } from '../../src/definitions/load.js';
import { decodeResults, encodeResults, transferList } from '../../src/definitions/wire.js';

/** What loadFile makes of `text` in file `display`, without touching the disk. */
function resultOf(text: string, display: string): FileResult {
  const parsed = parseDefinitionsText(text, display);
  const valid = parsed.documents.flatMap((d, i) => (parsed.definitions.includes(d) ? [i] : []));
  return { documents: parsed.documents, valid, problems: parsed.problems };
}

const displays = ['q/a.yaml', 'q/b.yaml', 'q/c.yaml', 'q/d.yaml'];
const results = [
  resultOf('name: A\nskills:\n  - id: s1\n    level: basic\nwaitMusic:\n  url: https://x.example/a.mp3\n---\nname: B\nmaxWaitTime:\n', displays[1]!),
  resultOf('name: C\nmaxWaitTime: 1\n---\n- not a mapping\n---\nname: [unclosed\n', displays[2]!),
  resultOf('', displays[3]!),
];

describe('worker result wire format', () => {
  it('decodes to exactly the results that were encoded, positions packed and transferable', () => {
    const wire = encodeResults(1, results);
    expect(wire.start).toBe(1);
    expect(wire.files[0]!.positions).toBeInstanceOf(Int32Array);
    expect(transferList(wire)).toHaveLength(3);
    // The structured clone a postMessage with transfer performs, buffers moved.
    const received = structuredClone(wire, { transfer: transferList(wire) });
    expect(decodeResults(received, (i) => displays[i]!)).toEqual(results);
  });

  it('keeps the invalid documents, the problems and a `__proto__` field as an own property', () => {
    const [decoded] = decodeResults(structuredClone(encodeResults(0, [results[1]!])), () => displays[2]!);
    expect(decoded!.valid).toEqual([]);
    expect(decoded!.documents.map((d) => d.definition.maxWaitTime)).toEqual([1]);
    expect(decoded).toEqual(results[1]);
    expect(decoded!.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['2 maxWaitTime', '4 (document)', '7 (yaml)']);
    const proto = resultOf('name: P\n__proto__: { polluted: true }\n', 'p.yaml');
    const [back] = decodeResults(structuredClone(encodeResults(0, [proto])), () => 'p.yaml');
    expect(Object.hasOwn(back!.documents[0]!.definition, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(back).toEqual(proto);
  });

  it('interns each JSON pointer once per message', () => {
    const wire = encodeResults(0, [results[0]!, results[0]!]);
    expect(new Set(wire.pointers).size).toBe(wire.pointers.length);
    expect(wire.pointers).toContain('/skills/0/level');
  });
});

describe('claimBatch', () => {
  it(`hands out runs of ${BATCH} files until the list is exhausted, the last one short`, () => {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const total = BATCH + 3;
    expect(claimBatch(next, total)).toEqual([0, BATCH]);
    expect(claimBatch(next, total)).toEqual([BATCH, total]);
    expect(claimBatch(next, total)).toBeUndefined();
    expect(claimBatch(next, total)).toBeUndefined();
  });

  it('hands out exactly the whole list when it is a multiple of the batch size', () => {
    const next = new Int32Array(new SharedArrayBuffer(4));
    expect(claimBatch(next, BATCH)).toEqual([0, BATCH]);
    expect(claimBatch(next, BATCH)).toBeUndefined();
  });
});
