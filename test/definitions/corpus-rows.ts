/**
 * The bad-definition corpus: each row is one mistake a user makes, the problem it must produce
 * (field, message substring, line and column) and, implicitly, that nothing throws and no
 * definition comes out of it.
 */
export interface CorpusRow {
  name: string;
  yaml: string;
  field: string;
  message: string;
  line: number;
  column?: number;
}

export const CORPUS: CorpusRow[] = [
  { name: 'YAML syntax error (unclosed flow sequence)', yaml: 'name: a\nskills: [a\nid: b\n', field: '(yaml)', message: 'Flow sequence', line: 3, column: 1 },
  { name: 'tab indentation', yaml: 'name: a\nwaitMusic:\n\tplayMusic: true\n', field: '(yaml)', message: 'Tabs are not allowed', line: 3, column: 1 },
  { name: 'duplicate key', yaml: 'name: a\nmaxWaitTime: 10\nname: b\n', field: 'name', message: 'duplicate key "name" (first at line 1)', line: 3, column: 1 },
  { name: 'duplicate nested key', yaml: 'name: a\nwaitMusic:\n  url: http://a.example\n  url: http://b.example\n', field: 'waitMusic.url', message: 'duplicate key "url" (first at line 3)', line: 4, column: 3 },
  { name: '__proto__ key', yaml: 'name: a\n__proto__: {polluted: true}\n', field: '__proto__', message: 'unknown field "__proto__"', line: 2, column: 1 },
  { name: 'constructor key', yaml: 'name: a\nconstructor: x\n', field: 'constructor', message: 'unknown field "constructor"', line: 2, column: 1 },
  { name: 'document is a list', yaml: '- name: a\n', field: '(document)', message: 'must be a mapping of queue fields (got a list)', line: 1, column: 1 },
  { name: 'document is a scalar', yaml: '# x\nSupport Tier 1\n', field: '(document)', message: 'must be a mapping of queue fields (got a single value)', line: 2, column: 1 },
  { name: 'string for an integer', yaml: 'name: a\nmaxWaitTime: "300"\n', field: 'maxWaitTime', message: 'must be an integer (got "300")', line: 2, column: 14 },
  { name: 'yes for a boolean (YAML 1.2)', yaml: 'name: a\nenableOverflow: yes\n', field: 'enableOverflow', message: 'must be true or false (got "yes")', line: 2, column: 17 },
  { name: 'on for a boolean (YAML 1.2)', yaml: 'name: a\nwaitMusic:\n  playMusic: on\n', field: 'waitMusic.playMusic', message: 'must be true or false (got "on")', line: 3, column: 14 },
  { name: 'float for an integer', yaml: 'name: a\nmaxWaitTime: 300.5\n', field: 'maxWaitTime', message: 'must be an integer (got 300.5)', line: 2, column: 14 },
  { name: 'maxWaitTime above range', yaml: 'name: a\nmaxWaitTime: 9000\n', field: 'maxWaitTime', message: 'must be <= 7200 (got 9000)', line: 2, column: 14 },
  { name: 'negative overflowThreshold', yaml: 'name: a\noverflowThreshold: -1\n', field: 'overflowThreshold', message: 'must be >= 0 (got -1)', line: 2, column: 20 },
  { name: 'unknown routingStrategy', yaml: 'name: a\nroutingStrategy: fastest\n', field: 'routingStrategy', message: 'must be one of longestIdleAgent, mostAvailableAgent, leastRecentlyUsed, firstAvailableAgent (got "fastest")', line: 2, column: 18 },
  { name: 'unknown skill level', yaml: 'name: a\nskills:\n  - id: s1\n    level: guru\n', field: 'skills[0].level', message: 'must be one of basic, intermediate, advanced, expert (got "guru")', line: 4, column: 12 },
  { name: 'unknown skillRoutingType', yaml: 'name: a\nskillRoutingType: some\n', field: 'skillRoutingType', message: 'must be one of any, all (got "some")', line: 2, column: 19 },
  { name: 'ftp URL', yaml: 'name: a\nwaitMusic:\n  url: ftp://cdn.example.com/a.mp3\n', field: 'waitMusic.url', message: 'must be an http:// or https:// URL (got "ftp://cdn.example.com/a.mp3")', line: 3, column: 8 },
  { name: 'URL without host', yaml: 'name: a\nwaitMusic:\n  url: "https://"\n', field: 'waitMusic.url', message: 'must be an http:// or https:// URL', line: 3, column: 8 },
  { name: 'URL with a space', yaml: 'name: a\nwaitMusic:\n  url: https://cdn.example.com/a b.mp3\n', field: 'waitMusic.url', message: 'must be an http:// or https:// URL', line: 3, column: 8 },
  { name: 'name too long', yaml: `name: ${'n'.repeat(121)}\n`, field: 'name', message: 'must be at most 120 characters long (got 121)', line: 1, column: 7 },
  { name: 'empty name', yaml: 'name: ""\n', field: 'name', message: 'must be at least 1 character long (got 0)', line: 1, column: 7 },
  { name: 'unknown field with a typo', yaml: 'name: a\nmaxWaitTme: 300\n', field: 'maxWaitTme', message: 'unknown field "maxWaitTme" (did you mean "maxWaitTime"?)', line: 2, column: 1 },
  { name: 'unknown field, no close match', yaml: 'name: a\npriority: 3\n', field: 'priority', message: 'unknown field "priority" (allowed: id, name, description', line: 2, column: 1 },
  { name: 'unknown nested field with a typo', yaml: 'name: a\nwaitMusic:\n  playMusik: true\n', field: 'waitMusic.playMusik', message: 'did you mean "playMusic"?', line: 3, column: 3 },
  { name: 'read-only field', yaml: 'name: a\nversion: 7\n', field: 'version', message: 'it is read-only, set by CXone', line: 2, column: 1 },
  { name: 'neither id nor name', yaml: 'description: x\nmaxWaitTime: 60\n', field: '(document)', message: 'a queue needs an id or a name (or both)', line: 1, column: 1 },
  { name: 'skill without level', yaml: 'name: a\nskills:\n  - id: s1\n', field: 'skills[0].level', message: 'required field is missing', line: 3, column: 5 },
  { name: 'overflow target without threshold', yaml: 'id: q\noverflowTargets:\n  - id: other\n', field: 'overflowTargets[0].threshold', message: 'required field is missing', line: 3, column: 5 },
  { name: 'overflow threshold above range', yaml: 'id: q\noverflowTargets:\n  - id: other\n    threshold: 7201\n', field: 'overflowTargets[0].threshold', message: 'must be <= 7200 (got 7201)', line: 4, column: 16 },
  { name: 'skills is a mapping', yaml: 'name: a\nskills:\n  id: s1\n', field: 'skills', message: 'must be a list (got a mapping)', line: 3, column: 3 },
  { name: 'waitMusic is empty', yaml: 'name: a\nwaitMusic: {}\n', field: 'waitMusic', message: 'must declare at least one of playMusic, url (got an empty mapping)', line: 2, column: 12 },
  { name: 'empty value is null', yaml: 'name: a\nmaxWaitTime:\n', field: 'maxWaitTime', message: 'must be an integer (got null)', line: 2, column: 1 },
  { name: 'number for a string id', yaml: 'id: 12345\n', field: 'id', message: 'must be a string (got 12345)', line: 1, column: 5 },
  { name: 'non-string key', yaml: 'name: a\n1: x\n', field: '(document)', message: 'keys must be field names (got 1)', line: 2, column: 1 },
  { name: 'complex key', yaml: 'name: a\n? [x, y]\n: 1\n', field: '(document)', message: 'keys must be field names (got a collection)', line: 2, column: 3 },
  { name: 'merge key', yaml: 'name: a\n<<: {maxWaitTime: 60}\n', field: '<<', message: 'merge keys are not part of YAML 1.2', line: 2, column: 1 },
  { name: 'YAML 1.1 directive', yaml: '%YAML 1.1\n---\nname: a\n', field: '(yaml)', message: '%YAML 1.1 is not supported', line: 3, column: 1 },
  { name: 'YAML 1.1 tag', yaml: 'name: !!binary aGVsbG8=\n', field: '(yaml)', message: 'Unresolved tag', line: 1, column: 7 },
  { name: 'alias without an anchor', yaml: 'name: a\ndescription: *d\n', field: 'description', message: 'alias *d has no anchor &d before it', line: 2, column: 14 },
  { name: 'alias inside its own anchor (a cycle)', yaml: 'name: a\nskills: &s [*s]\n', field: 'skills[0]', message: 'alias *s has no anchor &s before it', line: 2, column: 13 },
  { name: 'deeply nested flow collections', yaml: `name: a\nskills: ${'['.repeat(100)}\n`, field: '(yaml)', message: 'nested deeper than 64 levels', line: 2, column: 73 },
];
