import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { FileResult } from '../../src/definitions/load.js';
import { parseDefinitionsText } from '../../src/definitions/parse.js';
import { precompiledValidatorSource } from '../../src/definitions/precompile.js';
import { compileSchema, loadPrecompiledValidator, schemaHash, schemaPath, type SchemaNode } from '../../src/definitions/schema.js';
import type { ValidationResult } from '../../src/definitions/types.js';
import { validateDirectory } from '../../src/definitions/validate.js';
import { decodeResults, encodeResults, transferList } from '../../src/definitions/wire.js';
import { SKILL_CORPUS } from './skill-corpus-rows.js';

const REPO = resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cxq-skills-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('validateDirectory with skills', () => {
  it('validates the admin example skills', async () => {
    const r = await validateDirectory('examples/admin/skills', { cwd: REPO });
    expect(r.problems).toEqual([]);
    expect(r.definitions).toEqual([]);
    expect(r.skills.map((s) => s.definition.skillName)).toEqual(['Billing Voice', 'Support Email', 'Collections SMS', 'Support Chat', 'Support Voice', 'VIP Voice']);
    expect(r.skills.every((s) => s.kind === 'Skill')).toBe(true);
  });

  it('splits queues and skills, and drops the skills a cross-file rule rejects', async () => {
    const root = tree({
      'd/q.yaml': 'name: Q\n---\nkind: Skill\nskillName: S\n',
      'd/s.yaml': 'kind: Skill\nskillName: T\n---\nkind: Skill\nskillName: T\n',
    });
    const r = await validateDirectory('d', { cwd: root });
    expect(r.definitions.map((d) => [d.kind, d.definition.name])).toEqual([['Queue', 'Q']]);
    expect(r.skills.map((d) => d.definition.skillName)).toEqual(['S']);
    expect(r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}`)).toEqual(['d/s.yaml:2:12 skillName', 'd/s.yaml:5:12 skillName']);
  });
});

describe('worker wire format with skills', () => {
  const resultOf = (text: string, display: string): FileResult => {
    const parsed = parseDefinitionsText(text, display);
    const valid = parsed.documents.flatMap((d, i) => (parsed.definitions.includes(d) ? [i] : []));
    const out: FileResult = { documents: parsed.documents, valid, problems: parsed.problems };
    if (parsed.skills) {
      const s = parsed.skills;
      out.skills = { documents: s.documents, valid: s.documents.flatMap((d, i) => (s.definitions.includes(d) ? [i] : [])) };
    }
    return out;
  };

  it('decodes skills, their kind and positions exactly as encoded', () => {
    const results = [
      resultOf('kind: Skill\nskillName: A\nagents:\n  ana.garcia: { proficiency: 2 }\n---\nname: Q\n---\nkind: Skill\nskillName: B\nserviceLevelGoal: 101\n', 's/a.yaml'),
      resultOf('name: R\n', 's/b.yaml'),
    ];
    const wire = encodeResults(0, results);
    expect(transferList(wire)).toHaveLength(3);
    const received = structuredClone(wire, { transfer: transferList(wire) });
    const back = decodeResults(received, (i) => ['s/a.yaml', 's/b.yaml'][i]!);
    expect(back).toEqual(results);
    expect(back[0]!.skills!.documents[0]!.fieldLocations.at('/agents/ana.garcia/proficiency')).toEqual({ file: 's/a.yaml', line: 4, column: 30 });
    expect(back[1]).not.toHaveProperty('skills');
  });
});

// The worker script exists only in compiled form (npm test builds first through `pretest`).
const BUILT = fileURLToPath(new URL('../../dist/definitions/validate.js', import.meta.url));

describe('skills on worker threads (built code)', () => {
  it('gives exactly the single-thread result', async () => {
    expect(existsSync(BUILT), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const built = (await import(BUILT)) as { validateDirectory: (dir: string, o: { cwd: string; parallelism?: number }) => Promise<ValidationResult> };
    const files: Record<string, string> = {};
    for (let f = 0; f < 220; f++) {
      files[`d/${String(f).padStart(3, '0')}.yaml`] =
        `kind: Skill\nskillName: Skill ${f % 210}\nserviceLevelGoal: ${f}\nagents:\n  ana.garcia: { proficiency: ${f % 25} }\n---\nname: Q${f}\n`;
    }
    const root = tree(files);
    const one = await built.validateDirectory('d', { cwd: root, parallelism: 1 });
    const two = await built.validateDirectory('d', { cwd: root, parallelism: 2 });
    expect(two).toEqual(one);
    expect(one.definitions).toHaveLength(220);
    expect(one.skills.length).toBeGreaterThan(50);
    expect(one.problems.some((p) => p.field === 'serviceLevelGoal')).toBe(true);
    expect(one.problems.some((p) => p.field === 'agents.ana.garcia.proficiency')).toBe(true);
    expect(one.problems.some((p) => p.message.startsWith('duplicate skillName'))).toBe(true);
  });
});

describe('precompiled skill validator', () => {
  const text = readFileSync(schemaPath('Skill'), 'utf8');
  mkdirSync(join(REPO, 'node_modules', '.cache'), { recursive: true });
  const dir = mkdtempSync(join(REPO, 'node_modules', '.cache', 'cxq-precompile-skill-'));
  roots.push(dir);
  const file = join(dir, 'skill-validator.cjs');
  writeFileSync(file, precompiledValidatorSource(text, 'Skill'));

  it('gives the same verdict and errors as compiling at run time on the skill corpus and examples', () => {
    const precompiled = loadPrecompiledValidator(file, schemaHash(text))!;
    const compiled = compileSchema(JSON.parse(text) as SchemaNode);
    const texts = SKILL_CORPUS.map((r) => r.yaml);
    for (const name of ['support-voice.yaml', 'billing-voice.yaml', 'email-and-sms.yaml']) texts.push(readFileSync(join(REPO, 'examples/admin/skills', name), 'utf8'));
    let invalid = 0;
    for (const doc of texts.flatMap((t) => parseAllDocuments(t, { version: '1.2' }))) {
      if (!('toJS' in doc) || doc.errors.length > 0) continue;
      const value: unknown = doc.toJS();
      const verdict = compiled(value);
      expect(precompiled(value)).toBe(verdict);
      expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null);
      if (!verdict) invalid++;
    }
    expect(invalid).toBeGreaterThan(15);
  });

  it('is generated by the build for the skill schema on disk', () => {
    const built = createRequire(import.meta.url)(join(REPO, 'dist', 'definitions', 'skill-validator.cjs')) as { schemaHash?: string };
    expect(built.schemaHash).toBe(schemaHash(text));
  });
});
