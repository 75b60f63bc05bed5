import { describe, expect, it } from 'vitest';
import { parseDefinitionsText } from '../../src/definitions/parse.js';
import { checkSkillRules } from '../../src/definitions/rules.js';
import { SKILL_CORPUS } from './skill-corpus-rows.js';

const parse = (yaml: string, file = 'skills/a.yaml') => parseDefinitionsText(yaml, file);
/** Parses one skill made of `kind: Skill`, `skillName: s` plus the given line. */
const check = (extra: string) => parse(`kind: Skill\nskillName: s\n${extra}\n`);

describe('bad skill definition corpus', () => {
  it.each(SKILL_CORPUS)('$name', (row) => {
    const { definitions, skills, problems } = parse(row.yaml, 'skills/bad.yaml');
    expect(definitions).toEqual([]);
    expect(skills?.definitions ?? []).toEqual([]);
    const match = problems.find((p) => p.field === row.field && p.message.includes(row.message));
    expect(match, JSON.stringify(problems)).toBeDefined();
    expect(match!.file).toBe('skills/bad.yaml');
    expect(match!.line).toBe(row.line);
    if (row.column !== undefined) expect(match!.column).toBe(row.column);
  });
});

describe('kind', () => {
  it('a document without kind is a queue, and a queue-only file has no skills part', () => {
    const r = parse('name: a\n');
    expect(r.definitions[0]!.kind).toBe('Queue');
    expect(r).not.toHaveProperty('skills');
  });

  it('kind: Queue is a queue, validated without its kind key, with the same locations', () => {
    const r = parse('kind: Queue\nname: a\nmaxWaitTime: 9000\n---\nkind: Queue\nname: b\n');
    expect(r.definitions.map((d) => d.definition)).toEqual([{ name: 'b' }]);
    expect(r.problems).toEqual([{ file: 'skills/a.yaml', line: 3, column: 14, field: 'maxWaitTime', message: 'must be <= 7200 (got 9000)' }]);
  });

  it('kind: Skill is a skill that keeps its kind; queues and skills mix in one file', () => {
    const r = parse('kind: Skill\nskillName: Voice\nserviceLevelGoal: 80\n---\nname: Q\n');
    expect(r.definitions.map((d) => d.definition.name)).toEqual(['Q']);
    expect(r.skills!.definitions).toHaveLength(1);
    const [skill] = r.skills!.definitions;
    expect(skill!.kind).toBe('Skill');
    expect(skill!.definition).toEqual({ kind: 'Skill', skillName: 'Voice', serviceLevelGoal: 80 });
    expect(skill!.location).toEqual({ file: 'skills/a.yaml', line: 1, column: 1 });
    expect(skill!.fieldLocations.at('/serviceLevelGoal')).toMatchObject({ line: 3, column: 19 });
  });

  it('an invalid skill is kept among the documents for the cross-file rules, not the definitions', () => {
    const r = parse('kind: Skill\nskillName: a\nserviceLevelGoal: 200\n');
    expect(r.skills!.documents).toHaveLength(1);
    expect(r.skills!.definitions).toEqual([]);
  });

  it('a document with an unknown kind is neither a queue nor a skill', () => {
    const r = parse('kind: Campaign\nname: a\n');
    expect(r.documents).toEqual([]);
    expect(r).not.toHaveProperty('skills');
  });
});

/** Every skill schema rule at its limits: the limit passes, one past it fails. */
const ranges: [field: string, min: number, max: number][] = [
  ['serviceLevelThreshold', 0, 86400],
  ['serviceLevelGoal', 0, 100],
  ['initialPriority', 0, 1000],
  ['acceleration', 0, 1000],
  ['maxPriority', 0, 1000],
  ['shortAbandonThreshold', 0, 86400],
  ['maxSecondsACW', 0, 86400],
  ['agentRestTime', 0, 86400],
];
const booleans = ['isActive', 'priorityBlending', 'enableShortAbandon', 'countShortAbandons', 'requireDisposition', 'requireManualAccept'];

describe('skill schema boundaries', () => {
  it.each(ranges)('%s is an integer %i..%i', (field, min, max) => {
    for (const ok of [min, max]) expect(check(`${field}: ${ok}`).problems, `${field}: ${ok}`).toEqual([]);
    expect(check(`${field}: ${min - 1}`).problems.map((p) => [p.field, p.message])).toEqual([[field, `must be >= ${min} (got ${min - 1})`]]);
    expect(check(`${field}: ${max + 1}`).problems.map((p) => [p.field, p.message])).toEqual([[field, `must be <= ${max} (got ${max + 1})`]]);
    expect(check(`${field}: 1.5`).problems.map((p) => p.message)).toEqual(['must be an integer (got 1.5)']);
  });

  it.each(booleans)('%s is true or false', (field) => {
    expect(check(`${field}: true`).problems).toEqual([]);
    expect(check(`${field}: false`).problems).toEqual([]);
    expect(check(`${field}: "true"`).problems.map((p) => p.message)).toEqual(['must be true or false (got "true")']);
  });

  it('proficiency is an integer 1..20; active is optional', () => {
    expect(check('agents: { a: { proficiency: 1 }, b: { proficiency: 20, active: false } }').problems).toEqual([]);
    expect(check('agents: { a: { proficiency: 0 } }').problems.map((p) => p.message)).toEqual(['must be >= 1 (got 0)']);
    expect(check('agents: { a: { proficiency: 21 } }').problems.map((p) => p.message)).toEqual(['must be <= 20 (got 21)']);
  });

  it('agents: {} is allowed (none), also with agentsExclusive', () => {
    expect(check('agents: {}\nagentsExclusive: true').problems).toEqual([]);
    expect(check('agentsExclusive: false\nagents: {}').problems).toEqual([]);
  });

  it('skillName is 1..255 characters, skillId an integer >= 1, notes at most 1000', () => {
    expect(parse(`kind: Skill\nskillName: ${'n'.repeat(255)}\n`).problems).toEqual([]);
    expect(parse(`kind: Skill\nskillName: ${'n'.repeat(256)}\n`).problems.map((p) => p.message)).toEqual(['must be at most 255 characters long (got 256)']);
    expect(check('skillId: 1').problems).toEqual([]);
    expect(check(`notes: ${'n'.repeat(1000)}`).problems).toEqual([]);
  });

  it('reports every problem of a skill at once', () => {
    const r = check('serviceLevelGoal: 101\nisActive: 1\nmediaTypeName: x\nagents: { a: { proficiency: 30 } }');
    expect(r.problems.map((p) => p.field)).toEqual(['serviceLevelGoal', 'isActive', 'mediaTypeName', 'agents.a.proficiency']);
  });
});

describe('skill rules across files', () => {
  const docs = (files: Record<string, string>) => Object.entries(files).flatMap(([f, t]) => parse(t, f).skills?.documents ?? []);

  it('reports a duplicate skillName at every occurrence, naming the others', () => {
    const { problems, invalid } = checkSkillRules(docs({ 'a.yaml': 'kind: Skill\nskillName: X\n', 'b.yaml': '# c\nkind: Skill\nskillName: X\n' }));
    expect(problems).toEqual([
      { file: 'a.yaml', line: 2, column: 12, field: 'skillName', message: 'duplicate skillName "X": also declared at b.yaml:3' },
      { file: 'b.yaml', line: 3, column: 12, field: 'skillName', message: 'duplicate skillName "X": also declared at a.yaml:2' },
    ]);
    expect(invalid.size).toBe(2);
  });

  it('reports a duplicate skillId, and nothing for distinct names and ids', () => {
    const dup = checkSkillRules(docs({ 'a.yaml': 'kind: Skill\nskillName: X\nskillId: 7\n---\nkind: Skill\nskillName: Y\nskillId: 7\n' }));
    expect(dup.problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '3 skillId: duplicate skillId 7: also declared at a.yaml:7',
      '7 skillId: duplicate skillId 7: also declared at a.yaml:3',
    ]);
    expect(checkSkillRules(docs({ 'a.yaml': 'kind: Skill\nskillName: X\nskillId: 7\n---\nkind: Skill\nskillName: Y\n' })).problems).toEqual([]);
  });
});
