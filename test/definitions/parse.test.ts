import { describe, expect, it } from 'vitest';
import { MAX_FILE_PROBLEMS, parseDefinitionsText } from '../../src/definitions/parse.js';

const TIER1 = `# yaml-language-server: $schema=../schemas/queue.schema.json
id: q-tier1
name: Support Tier 1
maxWaitTime: 300
waitMusic:
  playMusic: true
skills:
  - id: skill_tier1
    level: advanced
overflowTargets:
  - id: q-tier2
    threshold: 120
  - id: q-pool
    threshold: 300
`;

describe('parseDefinitionsText', () => {
  it('loads a queue with its document location and the location of every field', () => {
    const { definitions, problems } = parseDefinitionsText(TIER1, 'queues/tier1.yaml');
    expect(problems).toEqual([]);
    expect(definitions).toHaveLength(1);
    const [loaded] = definitions;
    expect(loaded!.definition).toEqual({
      id: 'q-tier1',
      name: 'Support Tier 1',
      maxWaitTime: 300,
      waitMusic: { playMusic: true },
      skills: [{ id: 'skill_tier1', level: 'advanced' }],
      overflowTargets: [
        { id: 'q-tier2', threshold: 120 },
        { id: 'q-pool', threshold: 300 },
      ],
    });
    expect(loaded!.location).toEqual({ file: 'queues/tier1.yaml', line: 2, column: 1 });
    const at = (pointer: string) => loaded!.fieldLocations.at(pointer);
    expect(at('/maxWaitTime')).toEqual({ file: 'queues/tier1.yaml', line: 4, column: 14 });
    expect(at('/waitMusic/playMusic')).toMatchObject({ line: 6, column: 14 });
    expect(at('/skills/0/id')).toMatchObject({ line: 8, column: 9 });
    expect(at('/skills/0/level')).toMatchObject({ line: 9, column: 12 });
    expect(at('/overflowTargets/1')).toMatchObject({ line: 13, column: 5 });
    expect(at('/overflowTargets/1/id')).toMatchObject({ line: 13, column: 9 });
  });

  it('reads every document of a multi-document file and skips empty ones', () => {
    const text = '---\n# nothing here\n---\nname: A\n---\n---\nname: B\n...\n---\n';
    const { definitions, problems } = parseDefinitionsText(text, 'q.yaml');
    expect(problems).toEqual([]);
    expect(definitions.map((d) => [d.definition.name, d.location.line])).toEqual([
      ['A', 4],
      ['B', 7],
    ]);
  });

  it('yields nothing and no problem for an empty or comment-only file', () => {
    expect(parseDefinitionsText('', 'q.yaml')).toEqual({ definitions: [], problems: [], documents: [] });
    expect(parseDefinitionsText('# todo\n', 'q.yaml').problems).toEqual([]);
  });

  it('reports every problem of a document at once, and keeps the valid documents of the file', () => {
    const text = 'name: ok\n---\nname: bad\nmaxWaitTime: 9000\nenableOverflow: yes\nroutingStrategy: fast\n';
    const { definitions, problems } = parseDefinitionsText(text, 'q.yaml');
    expect(definitions.map((d) => d.definition.name)).toEqual(['ok']);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual([
      '4:14 maxWaitTime',
      '5:17 enableOverflow',
      '6:18 routingStrategy',
    ]);
  });

  it('uses the YAML 1.2 core schema: yes/no/on/off are strings, 0o14 is octal, ~ is null', () => {
    const { documents } = parseDefinitionsText('name: a\nid: yes\ndescription: off\nmaxWaitTime: 0o14\n', 'q.yaml');
    expect(documents[0]!.definition).toEqual({ name: 'a', id: 'yes', description: 'off', maxWaitTime: 12 });
  });

  it('never touches Object.prototype, whatever the keys', () => {
    const r = parseDefinitionsText('name: a\n__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n', 'q.yaml');
    expect(r.problems.map((p) => p.field)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(r.documents[0]!.definition)).toBe(Object.prototype);
  });

  it('allows a few aliases (a shared skill list) and locates aliased fields where they are used', () => {
    const text = 'name: a\nskills: &common\n  - {id: s1, level: basic}\n---\nname: b\nskills: *common\n';
    const r = parseDefinitionsText(text, 'q.yaml');
    expect(r.problems).toEqual([{ file: 'q.yaml', line: 6, column: 9, field: 'skills', message: 'alias *common has no anchor &common before it in this document' }]);
    const ok = parseDefinitionsText('name: a\ndescription: &d shared\nwaitMusic: {url: "https://x.example/a.mp3"}\n', 'q.yaml');
    expect(ok.problems).toEqual([]);
    const single = parseDefinitionsText('name: &n a\ndescription: *n\n', 'q.yaml');
    expect(single.definitions[0]!.definition).toEqual({ name: 'a', description: 'a' });
    expect(single.definitions[0]!.fieldLocations.at('/description')).toMatchObject({ line: 2, column: 14 });
  });

  it('stops a billion-laughs alias bomb quickly with a problem', () => {
    const lol = ['name: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, cur] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
      lol.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const r = parseDefinitionsText(lol.join('\n'), 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(2000); // a bound on a hang, not a speed test
    expect(r.definitions).toEqual([]);
    expect(r.problems).toEqual([
      { file: 'bomb.yaml', line: 1, column: 1, field: '(yaml)', message: expect.stringContaining('too many alias expansions (limit 100)') },
    ]);
  });

  it('refuses deep block nesting without overflowing the stack', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const r = parseDefinitionsText(`name: x\nwaitMusic:\n ${deep.replaceAll('\n', '\n ')}\n`, 'q.yaml');
    expect(r.problems[0]?.message).toBe('nested deeper than 64 levels');
  });

  it(`reports at most ${MAX_FILE_PROBLEMS} problems per file, then how many more there are`, () => {
    const text = Array.from({ length: 150 }, (_, i) => `---\nname: q${i}\nmaxWaitTime: 1\n`).join('');
    const { problems } = parseDefinitionsText(text, 'q.yaml');
    expect(problems).toHaveLength(MAX_FILE_PROBLEMS + 1);
    expect(problems.at(-1)).toMatchObject({ field: '(file)', message: '50 more problems in this file not shown; fix the ones above first' });
  });

  it('turns a hostile file of 100,000 duplicate keys into problems without throwing', () => {
    const r = parseDefinitionsText('name: a\n'.repeat(100_000), 'q.yaml');
    expect(r.problems[0]).toMatchObject({ line: 2, column: 1, field: 'name', message: 'duplicate key "name" (first at line 1)' });
    expect(r.problems).toHaveLength(MAX_FILE_PROBLEMS + 1);
  });

  it('restores Error.stackTraceLimit after parsing', () => {
    const before = Error.stackTraceLimit;
    parseDefinitionsText('a: [\n', 'q.yaml');
    expect(Error.stackTraceLimit).toBe(before);
  });

  it('gives process.env back as it found it (it is swapped for a plain copy while yaml parses)', () => {
    const before = process.env;
    parseDefinitionsText('name: a\nmaxWaitTime: x\n', 'q.yaml');
    expect(process.env).toBe(before);
  });

  it('reads a UTF-8 byte-order mark and CRLF line ends', () => {
    const r = parseDefinitionsText('\uFEFFname: a\r\nmaxWaitTime: 9000\r\n', 'q.yaml');
    expect(r.problems).toEqual([{ file: 'q.yaml', line: 2, column: 14, field: 'maxWaitTime', message: 'must be <= 7200 (got 9000)' }]);
  });
});
