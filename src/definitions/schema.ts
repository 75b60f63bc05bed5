import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { QueueDefinition } from './types.js';

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module object, while
// at run time it is the plugin function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** File name of the queue schema, under `schemas/` at the package root. */
export const SCHEMA_FILE = 'queue.schema.json';

/** A JSON Schema node as cxq reads it (only the keywords cxq looks at are typed). */
export interface SchemaNode {
  properties?: Record<string, SchemaNode | boolean>;
  items?: SchemaNode;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  [keyword: string]: unknown;
}

/** The compiled validator plus the schema it came from. */
export interface QueueSchema {
  schema: SchemaNode;
  validate: ValidateFunction<QueueDefinition>;
}

let compiled: QueueSchema | undefined;

/**
 * Finds `schemas/queue.schema.json` by walking up from this module. The compiled module sits at
 * different depths (src/ under vitest, dist/ when installed, build/bench/src/ for benches), and
 * the package ships `schemas/` next to `dist/`, so the nearest ancestor holding it is the one.
 * Throws if none does: the installation is broken, not the user's input.
 */
export function schemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schemas', SCHEMA_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cxq installation is broken: schemas/${SCHEMA_FILE} not found`);
    dir = parent;
  }
}

/**
 * The queue schema, compiled once (lazily, on first use) with ajv in strict mode and allErrors,
 * so that every problem of a definition is reported, not just the first.
 */
export function queueSchema(): QueueSchema {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as SchemaNode;
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv, ['uri']);
    compiled = { schema, validate: ajv.compile<QueueDefinition>(schema) };
  }
  return compiled;
}

/**
 * The schema node that describes the value at `segments` (a JSON pointer split into keys),
 * following `properties`, `items` and local `$ref`s. Undefined when the schema says nothing there.
 */
export function schemaAt(root: SchemaNode, segments: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, root);
  for (const segment of segments) {
    if (node === undefined) return undefined;
    const next: SchemaNode | boolean | undefined = /^\d+$/.test(segment)
      ? node.items
      : node.properties !== undefined && Object.hasOwn(node.properties, segment)
        ? node.properties[segment]
        : undefined;
    node = typeof next === 'object' ? deref(root, next) : undefined;
  }
  return node;
}

/** The property names a mapping at `segments` may declare, in schema order. */
export function knownFields(root: SchemaNode, segments: readonly string[]): string[] {
  return Object.keys(schemaAt(root, segments)?.properties ?? {});
}

function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return node;
  return root.$defs?.[ref.slice('#/$defs/'.length)] ?? node;
}

