import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithubAnnotation, formatProblem, formatProblemsJson, formatWarning } from '../../src/definitions/format.js';
import { closestField, editDistance } from '../../src/definitions/suggest.js';
import { LineCounter, parseAllDocuments } from 'yaml';
import { fieldName, locationAt, pointerSegments } from '../../src/definitions/positions.js';

const p = { file: 'queues/tier1.yaml', line: 12, column: 3, field: 'maxWaitTime', message: 'must be <= 7200 (got 9000)' };

describe('problem formats', () => {
  it('text: file:line:column field: message', () => {
    expect(formatProblem(p)).toBe('queues/tier1.yaml:12:3 maxWaitTime: must be <= 7200 (got 9000)');
  });

  it('json: an array of {severity, file, line, column, field, message}, errors then warnings, [] when empty', () => {
    expect(JSON.parse(formatProblemsJson([{ ...p, extra: 1 } as typeof p]))).toEqual([{ severity: 'error', ...p }]);
    const w = { ...p, field: 'name', message: 'contains …' };
    expect(JSON.parse(formatProblemsJson([p], [w])).map((r: { severity: string }) => r.severity)).toEqual(['error', 'warning']);
    expect(formatProblemsJson([])).toBe('[]\n');
  });

  it('text and github forms of a warning', () => {
    expect(formatWarning(p)).toBe('queues/tier1.yaml:12:3 warning: maxWaitTime: must be <= 7200 (got 9000)');
    expect(formatGithubAnnotation(p, 'warning')).toMatch(/^::warning file=queues\/tier1\.yaml,line=12,col=3,title=/);
  });

  it('github: an ::error workflow command with escaped properties and data', () => {
    expect(formatGithubAnnotation(p)).toBe(
      '::error file=queues/tier1.yaml,line=12,col=3,title=cxq validate%3A maxWaitTime::maxWaitTime: must be <= 7200 (got 9000)',
    );
    const odd = { file: 'q/a,b:c.yaml', line: 1, column: 1, field: 'name', message: '100% bad\r\nreally, truly: bad' };
    expect(formatGithubAnnotation(odd)).toBe(
      '::error file=q/a%2Cb%3Ac.yaml,line=1,col=1,title=cxq validate%3A name::name: 100%25 bad%0D%0Areally, truly: bad',
    );
    expect(escapeData('%\r\n,:')).toBe('%25%0D%0A,:');
    expect(escapeProperty('%\r\n,:')).toBe('%25%0D%0A%2C%3A');
  });
});

describe('field names and pointers', () => {
  it('renders pointers as dotted paths with list indexes in brackets', () => {
    expect(fieldName(pointerSegments('/skills/0/level'))).toBe('skills[0].level');
    expect(fieldName(pointerSegments('/waitMusic/url'))).toBe('waitMusic.url');
    expect(fieldName(pointerSegments(''))).toBe('(document)');
    expect(pointerSegments('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });

  it('locates every offset exactly as yaml\'s LineCounter does', () => {
    const text = 'a: 1\n\n  b: [x,\n y]\r\n# c\nlast';
    const lineCounter = new LineCounter();
    parseAllDocuments(text, { lineCounter });
    for (let offset = 0; offset <= text.length; offset++) {
      const { line, col } = lineCounter.linePos(offset);
      expect(locationAt({ file: 'f', lineCounter }, offset), `offset ${offset}`).toEqual({ file: 'f', line, column: col });
    }
  });
});

describe('suggestions for unknown fields', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('maxWaitTme', 'maxWaitTime')).toBe(1);
    expect(editDistance('naem', 'name')).toBe(1);
    expect(editDistance('skils', 'skills')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests a field within 2 edits (case-insensitive), never beyond', () => {
    const known = ['id', 'name', 'maxWaitTime', 'skills', 'overflowTargets', 'overflowThreshold'];
    expect(closestField('maxWaitTme', known)).toBe('maxWaitTime');
    expect(closestField('MaxWaitTime', known)).toBe('maxWaitTime');
    expect(closestField('maxwaittme', known)).toBe('maxWaitTime');
    expect(closestField('overflowTarget', known)).toBe('overflowTargets');
    expect(closestField('mxWaitTme', known)).toBe('maxWaitTime');
    expect(closestField('mxWatTme', known)).toBeUndefined();
    expect(closestField('x', known)).toBeUndefined();
    expect(closestField('priority', known)).toBeUndefined();
  });
});
