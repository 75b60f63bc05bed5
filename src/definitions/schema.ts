import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { DefinitionKind, QueueDefinition, SkillDefinition } from './types.js';

// ajv and ajv-formats are CommonJS; they are required only when no precompiled validator fits
// (see queueSchema), so that the usual run never pays for loading them and compiling the schema.
const require = createRequire(import.meta.url);

/** File name of the queue schema, under `schemas/` at the package root. */
export const SCHEMA_FILE = 'queue.schema.json';
/** File name of the validator precompiled at build time, next to this module in dist/. */
export const PRECOMPILED_FILE = 'queue-validator.cjs';
/** Schema file of each kind of definition, under `schemas/`. */
export const SCHEMA_FILES: Readonly<Record<DefinitionKind, string>> = { Queue: SCHEMA_FILE, Skill: 'skill.schema.json' };
/** Precompiled validator of each kind, next to this module in dist/. */
export const PRECOMPILED_FILES: Readonly<Record<DefinitionKind, string>> = { Queue: PRECOMPILED_FILE, Skill: 'skill-validator.cjs' };
/** The options the schema is compiled with, at build time and at run time alike. */
export const AJV_OPTIONS: Options = { strict: true, allErrors: true };
/** The only format the schema uses; loading ajv-formats' others would be wasted work. */
const FORMATS = ['uri'];

/** A JSON Schema node as cxq reads it (only the keywords cxq looks at are typed). */
export interface SchemaNode {
  properties?: Record<string, SchemaNode | boolean>;
  items?: SchemaNode;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

/** The compiled validator plus the schema it came from. */
export interface DefinitionSchema<T> {
  schema: SchemaNode;
  validate: ValidateFunction<T>;
}
export type QueueSchema = DefinitionSchema<QueueDefinition>;
export type SkillSchema = DefinitionSchema<SkillDefinition>;

/** What a precompiled validator module exports: the function, and the hash of its schema text. */
type PrecompiledModule = ValidateFunction<unknown> & { schemaHash?: unknown };

const compiled = new Map<DefinitionKind, DefinitionSchema<unknown>>();

/**
 * Finds `schemas/queue.schema.json` by walking up from this module. The compiled module sits at
 * different depths (src/ under vitest, dist/ when installed, build/bench/src/ for benches), and
 * the package ships `schemas/` next to `dist/`, so the nearest ancestor holding it is the one.
 * Throws if none does: the installation is broken, not the user's input.
 */
export function schemaPath(kind: DefinitionKind = 'Queue'): string {
  const name = SCHEMA_FILES[kind];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schemas', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cxq installation is broken: schemas/${name} not found`);
    dir = parent;
  }
}

/**
 * The queue schema and its validator (strict mode, allErrors, so that every problem of a
 * definition is reported, not just the first), built once per thread on first use. The validator
 * is the one `npm run build` precompiled (see precompile.ts) when that was generated from the
 * exact schema text on disk; otherwise (running from sources, or the schema edited since the
 * build) the schema is compiled here with the same options. Both give identical results; the
 * precompiled one saves loading ajv and compiling, ~0.1 s in every thread that validates.
 */
export function queueSchema(): QueueSchema {
  return definitionSchema('Queue') as QueueSchema;
}

/** The skill schema and its validator, built and cached exactly as {@link queueSchema}'s. */
export function skillSchema(): SkillSchema {
  return definitionSchema('Skill') as SkillSchema;
}

/** The schema and validator of `kind`, built once per thread on first use (see queueSchema). */
export function definitionSchema(kind: DefinitionKind): DefinitionSchema<unknown> {
  let entry = compiled.get(kind);
  if (entry === undefined) {
    const text = readFileSync(schemaPath(kind), 'utf8');
    const schema = JSON.parse(text) as SchemaNode;
    entry = { schema, validate: loadPrecompiledValidator(precompiledValidatorPath(kind), schemaHash(text)) ?? compileSchema(schema) };
    compiled.set(kind, entry);
  }
  return entry;
}

/** Where the build writes the precompiled validator of `kind`: next to this module (dist/definitions/). */
export function precompiledValidatorPath(kind: DefinitionKind = 'Queue'): string {
  return join(dirname(fileURLToPath(import.meta.url)), PRECOMPILED_FILES[kind]);
}

/** SHA-256 of the schema text, which ties a precompiled validator to the schema it came from. */
export function schemaHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The validator precompiled into `file` (see precompile.ts) if the file exists, loads, and was
 * generated from the schema text whose hash is `hash`; undefined otherwise (a damaged file
 * included), so that the caller compiles: a bad build output costs time, never correctness.
 */
export function loadPrecompiledValidator<T = QueueDefinition>(file: string, hash: string): ValidateFunction<T> | undefined {
  if (!existsSync(file)) return undefined;
  let loaded: PrecompiledModule;
  try {
    loaded = require(file) as PrecompiledModule;
  } catch {
    return undefined;
  }
  return typeof loaded === 'function' && loaded.schemaHash === hash ? (loaded as ValidateFunction<T>) : undefined;
}

/** Compiles the schema here and now, for when no precompiled validator fits. */
export function compileSchema<T = QueueDefinition>(schema: SchemaNode): ValidateFunction<T> {
  return createAjv().compile<T>(schema);
}

/**
 * The ajv instance the schema is compiled with. `source: true` keeps the generated code, which
 * precompile.ts needs; it changes nothing else.
 */
export function createAjv(options: { source?: boolean } = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new AjvClass({ ...AJV_OPTIONS, code: { source: options.source === true } });
  addFormats(ajv, FORMATS as Parameters<typeof addFormats>[1]);
  return ajv;
}

/**
 * The schema node that describes the value at `segments` (a JSON pointer split into keys),
 * following `properties`, `items` and local `$ref`s. Undefined when the schema says nothing there.
 */
export function schemaAt(root: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, root);
  for (const segment of segments) {
    if (node === undefined) return undefined;
    const next: SchemaNode | boolean | undefined = /^\d+$/.test(segment) && node.items !== undefined
      ? node.items
      : node.properties !== undefined && Object.hasOwn(node.properties, segment)
        ? node.properties[segment]
        : mapValues(node);
    node = typeof next === 'object' ? deref(root, next) : undefined;
  }
  return node;
}

/** The property names a mapping at `segments` may declare, in schema order. */
export function knownFields(root: SchemaNode, segments: readonly string[]): string[] {
  return Object.keys(schemaAt(root, segments)?.properties ?? {});
}

/** The schema of every value of a map (`additionalProperties: {...}`, the skill's `agents`). */
function mapValues(node: SchemaNode): SchemaNode | undefined {
  const values = node['additionalProperties'];
  return typeof values === 'object' && values !== null ? (values as SchemaNode) : undefined;
}

function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return node;
  return root.$defs?.[ref.slice('#/$defs/'.length)] ?? node;
}

