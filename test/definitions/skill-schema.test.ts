import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaAt, schemaPath, skillSchema, type SchemaNode } from '../../src/definitions/schema.js';
import { SKILL_DEFINITION_FIELDS } from '../../src/definitions/types.js';
import { PROFICIENCY_MAX, PROFICIENCY_MIN, READ_ONLY_SKILL_FIELDS } from '../../src/model/skill.js';

const REPO = resolve(import.meta.dirname, '../..');

describe('schemas/skill.schema.json', () => {
  const { schema } = skillSchema();

  it('is JSON Schema 2020-12 declaring exactly the skill definition fields, in canonical order', () => {
    expect(schemaPath('Skill')).toBe(join(REPO, 'schemas', 'skill.schema.json'));
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties ?? {})).toEqual([...SKILL_DEFINITION_FIELDS]);
    expect(schema['required']).toEqual(['kind', 'skillName']);
  });

  it('forbids unknown fields and describes every property, the agent included', () => {
    const agent = schema.$defs!['agent']!;
    for (const [path, node] of [['#', schema], ['#/$defs/agent', agent]] as [string, SchemaNode][]) {
      expect(node['additionalProperties'], path).toBe(false);
      for (const [key, prop] of Object.entries(node.properties ?? {})) {
        expect(typeof prop === 'object' && typeof prop['description'] === 'string', `${path}/${key}`).toBe(true);
      }
    }
    expect(schemaAt(schema, ['agents', 'ana.garcia', 'proficiency'])).toMatchObject({ minimum: PROFICIENCY_MIN, maximum: PROFICIENCY_MAX });
  });

  it('declares no read-only field other than skillId', () => {
    const declared = Object.keys(schema.properties ?? {});
    expect(Object.keys(READ_ONLY_SKILL_FIELDS).filter((f) => declared.includes(f))).toEqual(['skillId']);
  });

  it('is what every admin example points its modeline at', () => {
    const dir = join(REPO, 'examples', 'admin', 'skills');
    const files = readdirSync(dir).map((f) => join(dir, f));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const modelines = [...readFileSync(file, 'utf8').matchAll(/^# yaml-language-server: \$schema=(\S+)$/gm)].map((m) => m[1]!);
      expect(modelines.length, file).toBeGreaterThan(0);
      for (const target of modelines) expect(resolve(dirname(file), target), file).toBe(schemaPath('Skill'));
    }
  });
});
