import {
  LineCounter,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type YAMLError,
} from 'yaml';
import type { Problem } from '../errors.js';
import { schemaProblems } from './messages.js';
import { sortProblems } from './order.js';
import { locationAt, type SourceRef } from './positions.js';
import { documentKind } from './kind.js';
import { queueSchema, skillSchema } from './schema.js';
import { readTree } from './structure.js';
import type { LoadedDefinition, LoadedSkillDefinition, QueueDefinition, SkillDefinition } from './types.js';

/** Alias expansions allowed per document: plenty for shared skill lists, nothing like a bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Flow collections (`[`/`{`) nested deeper than this are refused before parsing. */
export const MAX_FLOW_DEPTH = 64;
/** YAML errors reported per document; the rest are usually echoes of the first. */
const MAX_YAML_ERRORS = 10;
/** Problems reported per file; a file with more is summarised by one last problem. */
export const MAX_FILE_PROBLEMS = 100;

/** What one file's text yields: its valid definitions and every problem in it. */
export interface ParsedText {
  /** Documents that passed the schema. */
  definitions: LoadedDefinition[];
  problems: Problem[];
  /**
   * Every mapping document that could be read as data, valid or not (a superset of
   * `definitions`; `definition` is unchecked for the invalid ones), so that the cross-file rules
   * can report their problems in the same run as the schema's.
   */
  documents: LoadedDefinition[];
  /**
   * The `kind: Skill` documents, present only when the file holds any (so a queue-only file's
   * result is exactly what it was before skills existed): valid ones, and every one read as data.
   */
  skills?: ParsedSkills;
}

/** The Skill documents of one file: `definitions` passed the schema; `documents` is every one. */
export interface ParsedSkills {
  definitions: LoadedSkillDefinition[];
  documents: LoadedSkillDefinition[];
}

/**
 * Parses the text of one definition file (no I/O): every YAML document is one queue, or one
 * skill when it says `kind: Skill` (an unknown kind is a problem at `kind`); empty documents are
 * skipped. YAML 1.2 core schema (`yes` is a string), aliases capped at
 * {@link MAX_ALIAS_COUNT}, duplicate keys refused. Never throws for any input: each mistake becomes
 * a problem located at `file:line:column`; a document with a problem yields no definition.
 * `file` is used verbatim in locations (callers pass it relative to the cwd). Problems come
 * sorted by line and column, at most {@link MAX_FILE_PROBLEMS} (then one saying how many more).
 */
export function parseDefinitionsText(text: string, file: string): ParsedText {
  const lineCounter = new LineCounter();
  const src: SourceRef = { file, lineCounter };
  const tooDeep = flowDepthExceeded(text);
  if (tooDeep >= 0) {
    const line = lineOf(text, tooDeep);
    return {
      definitions: [],
      documents: [],
      problems: [{ ...line, file, field: '(yaml)', message: `collections nested deeper than ${MAX_FLOW_DEPTH} levels` }],
    };
  }
  let docs: Document.Parsed[];
  // yaml builds an Error per problem; a hostile file can hold 100,000s of them, and capturing a
  // stack trace for each is what makes that slow. Restored right after (parsing is synchronous).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const parsed = withPlainEnv(() => parseAllDocuments(text, {
      lineCounter,
      version: '1.2',
      schema: 'core',
      resolveKnownTags: false,
      uniqueKeys: false, // checked in one pass by readTree: yaml's own check is quadratic
      prettyErrors: false,
      logLevel: 'silent',
    }));
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (err) {
    // The parser is not expected to throw; if it does, the file is still only a problem.
    const message = err instanceof Error ? err.message : String(err);
    return { definitions: [], documents: [], problems: [{ file, line: 1, column: 1, field: '(yaml)', message: `cannot parse: ${message}` }] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const out: ParsedText = { definitions: [], problems: [], documents: [] };
  for (const doc of docs) loadDocument(doc, src, out);
  return capProblems(out);
}

/**
 * Runs `fn` (synchronous) with `process.env` swapped for a plain object holding only the two
 * variables yaml reads, then restores it, even on a throw. Why: yaml's parser reads
 * `process.env.LOG_TOKENS` once per token, and Node's real `process.env` answers every read with
 * a getenv call; over 10,000 definitions that was a quarter of the parse time. Nothing else can
 * run while `fn` does, so no other code ever sees the swap.
 */
function withPlainEnv<T>(fn: () => T): T {
  const env = process.env;
  const plain: NodeJS.ProcessEnv = {};
  if (env.LOG_TOKENS !== undefined) plain.LOG_TOKENS = env.LOG_TOKENS;
  if (env.LOG_STREAM !== undefined) plain.LOG_STREAM = env.LOG_STREAM;
  process.env = plain;
  try {
    return fn();
  } finally {
    process.env = env;
  }
}

function loadDocument(doc: Document.Parsed, src: SourceRef, out: ParsedText): void {
  const yamlIssues = [...doc.errors, ...doc.warnings];
  if (yamlIssues.length > 0) {
    append(out.problems, yamlProblems(yamlIssues, src));
    return;
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return; // empty document
  const start = locationAt(src, root.range[0]);
  if (!isMap(root)) {
    const got = isSeq(root) ? 'a list' : 'a single value';
    out.problems.push({ ...start, field: '(document)', message: `must be a mapping of queue fields (got ${got})` });
    return;
  }
  const version = doc.directives.yaml.version;
  if (version !== '1.2') {
    out.problems.push({ ...start, field: '(yaml)', message: `%YAML ${version} is not supported: cxq reads YAML 1.2` });
    return;
  }
  const tree = readTree(root, src);
  if (tree.problems.length > 0) {
    append(out.problems, tree.problems);
    return;
  }
  let value = tree.value;
  if (tree.hasAlias) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const bomb = message.includes('Excessive alias count');
      out.problems.push({ ...start, field: '(yaml)', message: bomb ? `too many alias expansions (limit ${MAX_ALIAS_COUNT}): ${message}` : message });
      return;
    }
  }
  const kind = documentKind(value, tree.locations, start);
  if ('problem' in kind) {
    out.problems.push(kind.problem);
    return;
  }
  if (kind.kind === 'Skill') {
    const loaded: LoadedSkillDefinition = { kind: 'Skill', definition: value as SkillDefinition, location: start, fieldLocations: tree.locations };
    const skills = (out.skills ??= { definitions: [], documents: [] });
    skills.documents.push(loaded);
    const { schema, validate } = skillSchema();
    if (validate(value)) skills.definitions.push(loaded);
    else append(out.problems, schemaProblems(validate.errors ?? [], { src, root, value, schema, kind: 'Skill' }, MAX_FILE_PROBLEMS));
    return;
  }
  const loaded: LoadedDefinition = { kind: 'Queue', definition: kind.value as QueueDefinition, location: start, fieldLocations: tree.locations };
  out.documents.push(loaded);
  const { schema, validate } = queueSchema();
  if (validate(kind.value)) out.definitions.push(loaded);
  else append(out.problems, schemaProblems(validate.errors ?? [], { src, root, value: kind.value, schema }, MAX_FILE_PROBLEMS));
}

/** Appends without spreading into arguments (a spread of 100k problems overflows the stack). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Sorts the file's problems and keeps the first {@link MAX_FILE_PROBLEMS}, counting the rest. */
function capProblems(out: ParsedText): ParsedText {
  const sorted = sortProblems(out.problems);
  if (sorted.length <= MAX_FILE_PROBLEMS) return { ...out, problems: sorted };
  const first = sorted[MAX_FILE_PROBLEMS]!;
  const more = sorted.length - MAX_FILE_PROBLEMS;
  const problems = sorted.slice(0, MAX_FILE_PROBLEMS);
  problems.push({ ...first, field: '(file)', message: `${more} more problems in this file not shown; fix the ones above first` });
  return { ...out, problems };
}

function yamlProblems(issues: readonly YAMLError[], src: SourceRef): Problem[] {
  const problems = issues.slice(0, MAX_YAML_ERRORS).map((e) => ({
    ...locationAt(src, e.pos[0]),
    field: '(yaml)',
    message: e.message,
  }));
  if (issues.length > MAX_YAML_ERRORS) {
    const last = problems[problems.length - 1]!;
    problems.push({ ...last, message: `${issues.length - MAX_YAML_ERRORS} more YAML errors in this document not shown` });
  }
  return problems;
}

/**
 * Offset at which `[`/`{` nesting first exceeds {@link MAX_FLOW_DEPTH}, or -1. Deliberately naive
 * (brackets inside quotes count too): it only has to stop inputs built to exhaust the parser, and
 * no real definition has 64 unclosed brackets.
 */
function flowDepthExceeded(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
