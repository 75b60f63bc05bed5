import type { Node } from 'yaml';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { READ_ONLY_FIELDS } from '../model/queue.js';
import { READ_ONLY_SKILL_FIELDS } from '../model/skill.js';
import type { Problem } from '../errors.js';
import { fieldName, keyLocation, locationAt, nodeAt, pointerSegments, type SourceRef } from './positions.js';
import { knownFields, type SchemaNode } from './schema.js';
import { closestField } from './suggest.js';
import type { DefinitionKind, Location } from './types.js';

/** Longest rendering of an offending value or key inside a message. */
const MAX_SHOWN = 60;

/** What turning schema errors into problems needs to know about one document. */
export interface DocumentContext {
  src: SourceRef;
  /** The document's root node (a mapping). */
  root: Node;
  /** The document as plain data, as validated. */
  value: unknown;
  schema: SchemaNode;
  /** The document's kind; default Queue. Chooses the read-only hints. */
  kind?: DefinitionKind;
}

/**
 * Turns ajv's errors for one document into located problems, one per real mistake: a type error
 * hides the range errors of the same value, the id-or-name rule is one problem (not three), and
 * a URL failing both `format` and `pattern` is reported once. Stops after `limit` + 1 problems.
 */
export function schemaProblems(errors: readonly ErrorObject[], ctx: DocumentContext, limit = Infinity): Problem[] {
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    // Locating is linear in the mapping's size: stop once enough is reported (hostile input).
    if (problems.length > limit) break;
    if (error.schemaPath.startsWith('#/anyOf/')) continue;
    // The error about the key itself (carrying `propertyName`) says what is wrong; this one only echoes it.
    if (error.keyword === 'propertyNames') continue;
    if (error.keyword !== 'type' && typed.has(error.instancePath)) continue;
    const problem = toProblem(error, ctx);
    const key = `${problem.line}:${problem.column}:${problem.field}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject, ctx: DocumentContext): Problem {
  const segments = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const at = (loc: Location, field: string, message: string): Problem => ({ ...loc, field, message });
  switch (error.keyword) {
    case 'anyOf':
      return at(valueLocation(ctx, []), '(document)', 'a queue needs an id or a name (or both)');
    case 'required': {
      const missing = String(params['missingProperty']);
      return at(valueLocation(ctx, segments), fieldName([...segments, missing]), 'required field is missing');
    }
    case 'dependentRequired': {
      const missing = String(params['missingProperty']);
      const declared = String(params['property']);
      const { pair } = nodeAt(ctx.root, [...segments, declared]);
      const loc = (pair && keyLocation(pair, ctx.src)) ?? valueLocation(ctx, segments);
      return at(loc, fieldName([...segments, declared]), `needs ${show(missing)} beside it (declare ${missing}: {} to mean none)`);
    }
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const { pair } = nodeAt(ctx.root, [...segments, extra]);
      const loc = (pair && keyLocation(pair, ctx.src)) ?? valueLocation(ctx, segments);
      return at(loc, fieldName([...segments, extra]), unknownFieldMessage(extra, segments, ctx.schema, ctx.kind));
    }
    default: {
      if (error.propertyName !== undefined) {
        // A rule on the keys of a map (the skill's agent user names): located at that key.
        const { pair } = nodeAt(ctx.root, [...segments, error.propertyName]);
        const loc = (pair && keyLocation(pair, ctx.src)) ?? valueLocation(ctx, segments);
        return at(loc, fieldName(segments), `key ${show(error.propertyName)}: ${valueMessage(error, error.propertyName, ctx, segments)}`);
      }
      const value = valueAt(ctx.value, segments);
      return at(valueLocation(ctx, segments), fieldName(segments), valueMessage(error, value, ctx, segments));
    }
  }
}

function valueMessage(error: ErrorObject, value: unknown, ctx: DocumentContext, segments: string[]): string {
  const params = error.params as Record<string, unknown>;
  const got = `(got ${show(value)})`;
  switch (error.keyword) {
    case 'type':
      return `must be ${typeName(String(params['type']))} ${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params['comparison'])} ${String(params['limit'])} ${got}`;
    case 'minLength':
      return `must be at least ${plural(Number(params['limit']), 'character')} long (got ${lengthOf(value)})`;
    case 'maxLength':
      return `must be at most ${plural(Number(params['limit']), 'character')} long (got ${lengthOf(value)})`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')} ${got}`;
    case 'format':
    case 'pattern':
      return `must be an http:// or https:// URL ${got}`;
    case 'minProperties':
      return `must declare at least one of ${knownFields(ctx.schema, segments).join(', ')} (got an empty mapping)`;
    default:
      return `${error.message ?? 'is invalid'} ${got}`;
  }
}

/** The message for an undeclared key: a typo suggestion, a read-only hint, or the allowed keys. */
export function unknownFieldMessage(key: string, parent: readonly string[], schema: SchemaNode, kind: DefinitionKind = 'Queue'): string {
  const known = knownFields(schema, parent);
  const shown = show(key);
  if (kind === 'Skill') {
    if (parent.length === 0 && Object.hasOwn(READ_ONLY_SKILL_FIELDS, key)) {
      return `unknown field ${shown}: ${key} is read-only: ${READ_ONLY_SKILL_FIELDS[key]}; remove it from the definition`;
    }
  } else if (parent.length === 0 && key !== 'id' && (READ_ONLY_FIELDS as readonly string[]).includes(key)) {
    return `unknown field ${shown}: it is read-only, set by CXone; remove it from the definition`;
  }
  if (key === '<<') {
    return 'unknown field "<<": merge keys are not part of YAML 1.2; write the fields out (anchors and aliases work)';
  }
  const suggestion = closestField(key, known);
  if (suggestion !== undefined) return `unknown field ${shown} (did you mean "${suggestion}"?)`;
  return `unknown field ${shown} (allowed: ${known.join(', ')})`;
}

/** Renders a value for a message: strings quoted and cut at 60 characters, collections named. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > MAX_SHOWN ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}…` : JSON.stringify(value);
  }
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

function typeName(type: string): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    default:
      return `a ${type}`;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' ? [...value].length : 0;
}

function valueLocation(ctx: DocumentContext, segments: readonly string[]): Location {
  const { node, pair } = nodeAt(ctx.root, segments);
  if (node?.range && !(pair && isEmptyScalar(node))) return locationAt(ctx.src, node.range[0]);
  const key = pair && keyLocation(pair, ctx.src);
  return key ?? locationAt(ctx.src, ctx.root.range?.[0] ?? 0);
}

function isEmptyScalar(node: Node): boolean {
  return node.range !== undefined && node.range !== null && node.range[0] === node.range[1];
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let v = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, s)) return undefined;
    v = (v as Record<string, unknown>)[s];
  }
  return v;
}
