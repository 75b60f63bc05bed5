import { describe, expect, it } from 'vitest';
import { FieldLocations } from '../../src/definitions/locations.js';
import { parseDefinitionsText } from '../../src/definitions/parse.js';

describe('FieldLocations', () => {
  it('answers the location of a recorded pointer and undefined for any other', () => {
    const locations = FieldLocations.of('q/a.yaml', { '': { line: 1, column: 1 }, '/skills/0/id': { line: 4, column: 9 } });
    expect(locations.at('/skills/0/id')).toEqual({ file: 'q/a.yaml', line: 4, column: 9 });
    expect(locations.at('')).toEqual({ file: 'q/a.yaml', line: 1, column: 1 });
    expect(locations.at('/skills/0')).toBeUndefined();
    expect(locations.at('/skills/0/id/')).toBeUndefined();
  });

  it('records every node of a parsed document in document order, empty values at their key', () => {
    const text = 'name: A\nskills:\n  - id: s1\n    level: basic\ndescription:\n';
    const [doc] = parseDefinitionsText(text, 'q/a.yaml').documents;
    expect(doc!.fieldLocations.pointers).toEqual(['', '/name', '/skills', '/skills/0', '/skills/0/id', '/skills/0/level', '/description']);
    expect(doc!.fieldLocations.at('/skills/0/level')).toEqual({ file: 'q/a.yaml', line: 4, column: 12 });
    expect(doc!.fieldLocations.at('/description')).toEqual({ file: 'q/a.yaml', line: 5, column: 1 });
  });
});
