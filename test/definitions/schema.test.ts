import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTING_STRATEGIES, SKILL_LEVELS, SKILL_ROUTING_TYPES } from '../../src/model/queue.js';
import { queueSchema, schemaAt, schemaPath, type SchemaNode } from '../../src/definitions/schema.js';
import { DEFINITION_FIELDS } from '../../src/definitions/types.js';

const REPO = resolve(import.meta.dirname, '../..');

/** Every object schema in the tree, with its path. */
function objects(node: SchemaNode, path = '#'): [string, SchemaNode][] {
  const out: [string, SchemaNode][] = node['type'] === 'object' ? [[path, node]] : [];
  for (const [k, child] of Object.entries(node.properties ?? {})) if (typeof child === 'object') out.push(...objects(child, `${path}/properties/${k}`));
  for (const [k, child] of Object.entries(node.$defs ?? {})) out.push(...objects(child, `${path}/$defs/${k}`));
  return out;
}

describe('schemas/queue.schema.json', () => {
  const { schema } = queueSchema();

  it('is the file at schemas/queue.schema.json, JSON Schema 2020-12', () => {
    expect(schemaPath()).toBe(join(REPO, 'schemas', 'queue.schema.json'));
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('declares exactly the definition fields, in canonical order', () => {
    expect(Object.keys(schema.properties ?? {})).toEqual([...DEFINITION_FIELDS]);
  });

  it('forbids unknown fields in every object and describes every property', () => {
    const all = objects(schema);
    expect(all.map(([path]) => path)).toEqual(['#', '#/properties/waitMusic', '#/$defs/skill', '#/$defs/overflowTarget']);
    for (const [path, node] of all) {
      expect(node['additionalProperties'], path).toBe(false);
      for (const [key, prop] of Object.entries(node.properties ?? {})) {
        const described = typeof prop === 'object' && (typeof prop['description'] === 'string' || typeof prop.$ref === 'string');
        expect(described, `${path}/properties/${key}`).toBe(true);
      }
    }
  });

  it('uses the same enum values as the API types', () => {
    expect(schemaAt(schema, ['routingStrategy'])?.['enum']).toEqual([...ROUTING_STRATEGIES]);
    expect(schemaAt(schema, ['skills', '0', 'level'])?.['enum']).toEqual([...SKILL_LEVELS]);
    expect(schemaAt(schema, ['skillRoutingType'])?.['enum']).toEqual([...SKILL_ROUTING_TYPES]);
  });

  it('is compiled once', () => {
    expect(queueSchema()).toBe(queueSchema());
  });

  it('is what every sample file points its yaml-language-server modeline at', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const files = walk(join(REPO, 'queues'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const modelines = [...text.matchAll(/^# yaml-language-server: \$schema=(\S+)$/gm)].map((m) => m[1]!);
      expect(modelines.length, file).toBeGreaterThan(0);
      for (const target of modelines) expect(resolve(dirname(file), target), file).toBe(schemaPath());
    }
  });
});
