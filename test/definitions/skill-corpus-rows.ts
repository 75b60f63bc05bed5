import type { CorpusRow } from './corpus-rows.js';

const head = 'kind: Skill\nskillName: Support\n';

/** Bad Skill definitions: each row one mistake, the problem it must produce, and where. */
export const SKILL_CORPUS: CorpusRow[] = [
  { name: 'unknown kind', yaml: 'kind: Skil\nskillName: a\n', field: 'kind', message: 'unknown kind "Skil" (did you mean "Skill"?)', line: 1, column: 7 },
  { name: 'lower-case kind', yaml: 'kind: skill\nskillName: a\n', field: 'kind', message: 'unknown kind "skill" (did you mean "Skill"?)', line: 1, column: 7 },
  { name: 'kind far from any', yaml: 'name: a\nkind: Campaign\n', field: 'kind', message: 'unknown kind "Campaign": a document is a Queue (the default when kind is left out) or a Skill', line: 2, column: 7 },
  { name: 'kind not a string', yaml: 'kind: 3\nskillName: a\n', field: 'kind', message: 'must be Queue or Skill (got 3)', line: 1, column: 7 },
  { name: 'empty kind', yaml: 'kind:\nskillName: a\n', field: 'kind', message: 'must be Queue or Skill (got null)', line: 1, column: 1 },
  { name: 'skillName missing', yaml: 'kind: Skill\nisActive: true\n', field: 'skillName', message: 'required field is missing', line: 1, column: 1 },
  { name: 'skillName empty', yaml: 'kind: Skill\nskillName: ""\n', field: 'skillName', message: 'must be at least 1 character long (got 0)', line: 2, column: 12 },
  { name: 'skillId a string', yaml: `${head}skillId: "12"\n`, field: 'skillId', message: 'must be an integer (got "12")', line: 3, column: 10 },
  { name: 'skillId zero', yaml: `${head}skillId: 0\n`, field: 'skillId', message: 'must be >= 1 (got 0)', line: 3, column: 10 },
  { name: 'serviceLevelGoal above 100', yaml: `${head}serviceLevelGoal: 101\n`, field: 'serviceLevelGoal', message: 'must be <= 100 (got 101)', line: 3, column: 19 },
  { name: 'negative threshold', yaml: `${head}serviceLevelThreshold: -5\n`, field: 'serviceLevelThreshold', message: 'must be >= 0 (got -5)', line: 3, column: 24 },
  { name: 'yes for isActive', yaml: `${head}isActive: yes\n`, field: 'isActive', message: 'must be true or false (got "yes")', line: 3, column: 11 },
  { name: 'float priority', yaml: `${head}maxPriority: 10.5\n`, field: 'maxPriority', message: 'must be an integer (got 10.5)', line: 3, column: 14 },
  { name: 'read-only mediaTypeName', yaml: `${head}mediaTypeName: Phone Call\n`, field: 'mediaTypeName', message: 'unknown field "mediaTypeName": mediaTypeName is read-only: the platform derives it from mediaTypeId; remove it from the definition', line: 3, column: 1 },
  { name: 'read-only isRunning', yaml: `${head}isRunning: true\n`, field: 'isRunning', message: 'isRunning is read-only: it is live state of the skill, not a setting', line: 3, column: 1 },
  { name: 'typo of a managed field', yaml: `${head}serviceLevelGaol: 80\n`, field: 'serviceLevelGaol', message: 'did you mean "serviceLevelGoal"?', line: 3, column: 1 },
  { name: 'queue field on a skill', yaml: `${head}maxWaitTime: 300\n`, field: 'maxWaitTime', message: 'unknown field "maxWaitTime" (allowed: kind, skillName, skillId, isActive', line: 3, column: 1 },
  { name: 'proficiency above 20', yaml: `${head}agents:\n  ana.garcia: { proficiency: 21 }\n`, field: 'agents.ana.garcia.proficiency', message: 'must be <= 20 (got 21)', line: 4, column: 30 },
  { name: 'proficiency zero', yaml: `${head}agents:\n  ana.garcia:\n    proficiency: 0\n`, field: 'agents.ana.garcia.proficiency', message: 'must be >= 1 (got 0)', line: 5, column: 18 },
  { name: 'proficiency missing', yaml: `${head}agents:\n  ana.garcia:\n    active: true\n`, field: 'agents.ana.garcia.proficiency', message: 'required field is missing', line: 5, column: 5 },
  { name: 'typo in an agent', yaml: `${head}agents:\n  ana.garcia:\n    proficency: 3\n`, field: 'agents.ana.garcia.proficency', message: 'did you mean "proficiency"?', line: 5, column: 5 },
  { name: 'agent as a number', yaml: `${head}agents:\n  ana.garcia: 3\n`, field: 'agents.ana.garcia', message: 'must be a mapping (got 3)', line: 4, column: 15 },
  { name: 'agents as a list', yaml: `${head}agents:\n  - ana.garcia\n`, field: 'agents', message: 'must be a mapping (got a list)', line: 4, column: 3 },
  { name: 'duplicate agent', yaml: `${head}agents:\n  ana.garcia: { proficiency: 1 }\n  ana.garcia: { proficiency: 2 }\n`, field: 'agents.ana.garcia', message: 'duplicate key "ana.garcia" (first at line 4)', line: 5, column: 3 },
  { name: 'active not a boolean', yaml: `${head}agents:\n  ana.garcia: { proficiency: 1, active: "no" }\n`, field: 'agents.ana.garcia.active', message: 'must be true or false (got "no")', line: 4, column: 41 },
  { name: 'agentsExclusive without agents', yaml: `${head}agentsExclusive: true\n`, field: 'agentsExclusive', message: 'needs "agents" beside it (declare agents: {} to mean none)', line: 3, column: 1 },
  { name: 'empty agent user name', yaml: `${head}agents:\n  "": { proficiency: 1 }\n`, field: 'agents', message: 'key "": must be at least 1 character long (got 0)', line: 4, column: 3 },
  { name: 'agent user name too long', yaml: `${head}agents:\n  ${'u'.repeat(256)}: { proficiency: 1 }\n`, field: 'agents', message: 'must be at most 255 characters long (got 256)', line: 4, column: 3 },
  { name: 'notes too long', yaml: `${head}notes: ${'n'.repeat(1001)}\n`, field: 'notes', message: 'must be at most 1000 characters long (got 1001)', line: 3, column: 8 },
];
