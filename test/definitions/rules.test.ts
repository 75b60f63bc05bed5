import { describe, expect, it } from 'vitest';
import { parseDefinitionsText } from '../../src/definitions/parse.js';
import { checkRules } from '../../src/definitions/rules.js';
import type { LoadedDefinition } from '../../src/definitions/types.js';

/** Loads documents from several files (schema-invalid ones included, as validateDirectory does). */
function load(files: Record<string, string>): LoadedDefinition[] {
  return Object.entries(files).flatMap(([file, text]) => parseDefinitionsText(text, file).documents);
}

describe('checkRules', () => {
  it('passes distinct queues, including two name-only ones and a chain of overflow targets', () => {
    const defs = load({
      'a.yaml': 'id: q1\nname: A\noverflowTargets: [{id: q2, threshold: 60}]\n',
      'b.yaml': 'id: q2\nname: B\noverflowTargets: [{id: q1, threshold: 60}]\n---\nname: C\n---\nname: D\n',
    });
    expect(checkRules(defs)).toEqual({ problems: [], invalid: new Set() });
  });

  it('reports a duplicate id at both occurrences, each naming the other file:line', () => {
    const defs = load({ 'a.yaml': 'id: q1\nname: A\n', 'b/c.yaml': '# c\nname: C\nid: q1\n' });
    const { problems, invalid } = checkRules(defs);
    expect(problems).toEqual([
      { file: 'a.yaml', line: 1, column: 5, field: 'id', message: 'duplicate id "q1": also declared at b/c.yaml:3' },
      { file: 'b/c.yaml', line: 3, column: 5, field: 'id', message: 'duplicate id "q1": also declared at a.yaml:1' },
    ]);
    expect(invalid.size).toBe(2);
  });

  it('reports a duplicate name, also between a name-only queue and one with an id', () => {
    const defs = load({ 'a.yaml': 'name: Billing\n---\nid: x\nname: Billing\n' });
    expect(checkRules(defs).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '1:7 duplicate name "Billing": also declared at a.yaml:4',
      '4:7 duplicate name "Billing": also declared at a.yaml:1',
    ]);
  });

  it('names at most three other occurrences of a duplicate and counts the rest', () => {
    const defs = load({ 'a.yaml': Array.from({ length: 6 }, () => 'name: Same\n').join('---\n') });
    const { problems } = checkRules(defs);
    expect(problems).toHaveLength(6);
    expect(problems[0]!.message).toBe('duplicate name "Same": also declared at a.yaml:3, a.yaml:5, a.yaml:7, 2 more');
  });

  it('reports an overflow target that is the queue itself', () => {
    const defs = load({ 'a.yaml': 'id: q1\noverflowTargets:\n  - id: q2\n    threshold: 5\n  - id: q1\n    threshold: 9\n' });
    expect(checkRules(defs).problems).toEqual([
      { file: 'a.yaml', line: 5, column: 9, field: 'overflowTargets[1].id', message: 'overflow target is this queue itself ("q1"); overflow must go to another queue' },
    ]);
  });

  it('cannot tell a self-target of a name-only queue (checked at plan time)', () => {
    expect(checkRules(load({ 'a.yaml': 'name: A\noverflowTargets: [{id: q1, threshold: 5}]\n' })).problems).toEqual([]);
  });

  it('reports a skill listed twice in one queue, at the second listing', () => {
    const defs = load({ 'a.yaml': 'name: A\nskills:\n  - {id: s1, level: basic}\n  - {id: s2, level: basic}\n  - {id: s1, level: expert}\n' });
    expect(checkRules(defs).problems).toEqual([
      { file: 'a.yaml', line: 5, column: 10, field: 'skills[2].id', message: 'duplicate skill "s1": already listed as skills[0]; list each skill once' },
    ]);
  });

  it('allows the same skill in different queues', () => {
    expect(checkRules(load({ 'a.yaml': 'name: A\nskills: [{id: s1, level: basic}]\n---\nname: B\nskills: [{id: s1, level: basic}]\n' })).problems).toEqual([]);
  });

  it('checks definitions that failed the schema, skipping values of the wrong type', () => {
    const defs = load({ 'a.yaml': 'id: 7\nname: A\nmaxWaitTime: 1\nskills: [{id: s1}, {id: s1}, 5, {id: 3}]\noverflowTargets: nope\n---\nname: A\n' });
    expect(checkRules(defs).problems.map((p) => p.field)).toEqual(['name', 'name', 'skills[1].id']);
  });
});
