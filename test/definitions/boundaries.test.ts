import { describe, expect, it } from 'vitest';
import { parseDefinitionsText } from '../../src/definitions/parse.js';

/** Parses one queue made of `name: a` plus the given YAML lines. */
function check(extra: string) {
  return parseDefinitionsText(`name: a\n${extra}\n`, 'q.yaml');
}

/** Every schema rule at its limits: the limit passes, one past it fails with the stated message. */
const cases: { rule: string; pass: string[]; fail: [yaml: string, field: string, message: string][] }[] = [
  {
    rule: 'maxWaitTime is an integer 10..7200',
    pass: ['maxWaitTime: 10', 'maxWaitTime: 7200'],
    fail: [
      ['maxWaitTime: 9', 'maxWaitTime', 'must be >= 10 (got 9)'],
      ['maxWaitTime: 7201', 'maxWaitTime', 'must be <= 7200 (got 7201)'],
      ['maxWaitTime: 10.5', 'maxWaitTime', 'must be an integer (got 10.5)'],
    ],
  },
  {
    rule: 'overflowThreshold is an integer 0..100',
    pass: ['overflowThreshold: 0', 'overflowThreshold: 100'],
    fail: [
      ['overflowThreshold: -1', 'overflowThreshold', 'must be >= 0 (got -1)'],
      ['overflowThreshold: 101', 'overflowThreshold', 'must be <= 100 (got 101)'],
    ],
  },
  {
    rule: 'overflowTargets[].threshold is an integer 0..7200',
    pass: ['overflowTargets: [{id: x, threshold: 0}]', 'overflowTargets: [{id: x, threshold: 7200}]'],
    fail: [
      ['overflowTargets: [{id: x, threshold: -1}]', 'overflowTargets[0].threshold', 'must be >= 0 (got -1)'],
      ['overflowTargets: [{id: x, threshold: 7201}]', 'overflowTargets[0].threshold', 'must be <= 7200 (got 7201)'],
      ['overflowTargets: [{id: x, threshold: "60"}]', 'overflowTargets[0].threshold', 'must be an integer (got "60")'],
    ],
  },
  {
    rule: 'description is at most 1000 characters',
    pass: [`description: ${'d'.repeat(1000)}`, 'description: ""'],
    fail: [[`description: ${'d'.repeat(1001)}`, 'description', 'must be at most 1000 characters long (got 1001)']],
  },
  {
    rule: 'routingStrategy is one of four values',
    pass: ['routingStrategy: longestIdleAgent', 'routingStrategy: mostAvailableAgent', 'routingStrategy: leastRecentlyUsed', 'routingStrategy: firstAvailableAgent'],
    fail: [['routingStrategy: LongestIdleAgent', 'routingStrategy', 'must be one of']],
  },
  {
    rule: 'skill level is one of four values',
    pass: ['skills: [{id: s, level: basic}]', 'skills: [{id: s, level: intermediate}]', 'skills: [{id: s, level: advanced}]', 'skills: [{id: s, level: expert}]', 'skills: []'],
    fail: [
      ['skills: [{id: s, level: master}]', 'skills[0].level', 'must be one of basic, intermediate, advanced, expert'],
      ['skills: [{level: basic}]', 'skills[0].id', 'required field is missing'],
      ['skills: [{id: "", level: basic}]', 'skills[0].id', 'must be at least 1 character long'],
    ],
  },
  {
    rule: 'skillRoutingType is any or all',
    pass: ['skillRoutingType: any', 'skillRoutingType: all'],
    fail: [['skillRoutingType: none', 'skillRoutingType', 'must be one of any, all (got "none")']],
  },
  {
    rule: 'booleans are true or false only',
    pass: ['enableOverflow: true', 'enableOverflow: false', 'waitMusic: {playMusic: false}'],
    fail: [
      ['enableOverflow: "true"', 'enableOverflow', 'must be true or false (got "true")'],
      ['enableOverflow: no', 'enableOverflow', 'must be true or false (got "no")'],
      ['enableOverflow: 1', 'enableOverflow', 'must be true or false (got 1)'],
    ],
  },
  {
    rule: 'waitMusic declares one or both leaves, url is http(s)',
    pass: ['waitMusic: {url: "http://cdn.example.com/a.mp3"}', 'waitMusic: {url: "https://cdn.example.com/a.mp3", playMusic: true}'],
    fail: [
      ['waitMusic: {url: "file:///etc/passwd"}', 'waitMusic.url', 'must be an http:// or https:// URL (got "file:///etc/passwd")'],
      ['waitMusic: {url: "cdn.example.com/a.mp3"}', 'waitMusic.url', 'must be an http:// or https:// URL'],
      ['waitMusic: {}', 'waitMusic', 'must declare at least one of playMusic, url'],
    ],
  },
  {
    rule: 'overflow target ids are non-empty strings',
    pass: ['overflowTargets: []'],
    fail: [
      ['overflowTargets: [{threshold: 5}]', 'overflowTargets[0].id', 'required field is missing'],
      ['overflowTargets: [{id: 42, threshold: 5}]', 'overflowTargets[0].id', 'must be a string (got 42)'],
    ],
  },
];

describe('schema boundaries', () => {
  for (const c of cases) {
    describe(c.rule, () => {
      it.each(c.pass)('accepts %s', (yaml) => {
        const r = check(yaml);
        expect(r.problems).toEqual([]);
        expect(r.definitions).toHaveLength(1);
      });
      it.each(c.fail)('rejects %s', (yaml, field, message) => {
        const r = check(yaml);
        expect(r.definitions).toEqual([]);
        expect(r.problems.map((p) => `${p.field}: ${p.message}`)).toContainEqual(expect.stringContaining(`${field}: ${message}`));
      });
    });
  }

  it('name: 120 characters pass, 121 fail with the limit and the length', () => {
    expect(parseDefinitionsText(`name: ${'n'.repeat(120)}\n`, 'q.yaml').problems).toEqual([]);
    const [p] = parseDefinitionsText(`name: ${'n'.repeat(121)}\n`, 'q.yaml').problems;
    expect(p?.message).toBe('must be at most 120 characters long (got 121)');
  });

  it('counts characters, not UTF-16 units, for length limits', () => {
    expect(parseDefinitionsText(`name: ${'😀'.repeat(120)}\n`, 'q.yaml').problems).toEqual([]);
  });

  it('an id alone or a name alone identifies a queue', () => {
    expect(parseDefinitionsText('id: q1\n', 'q.yaml').definitions).toHaveLength(1);
    expect(parseDefinitionsText('name: Collections\n', 'q.yaml').definitions).toHaveLength(1);
  });
});
