import { describe, expect, it } from 'vitest';
import { parseDefinitionsText } from '../../src/definitions/parse.js';
import { CORPUS as rows } from './corpus-rows.js';

describe('bad definition corpus', () => {
  it('has at least 25 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)('$name', (row) => {
    const { definitions, problems } = parseDefinitionsText(row.yaml, 'queues/bad.yaml');
    expect(definitions).toEqual([]);
    const match = problems.find((p) => p.field === row.field && p.message.includes(row.message));
    expect(match, JSON.stringify(problems)).toBeDefined();
    expect(match!.file).toBe('queues/bad.yaml');
    expect(match!.line).toBe(row.line);
    if (row.column !== undefined) expect(match!.column).toBe(row.column);
  });
});
