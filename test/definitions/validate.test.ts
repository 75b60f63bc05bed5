import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileError } from '../../src/errors.js';
import { MAX_FILE_BYTES } from '../../src/definitions/files.js';
import { validateDirectory } from '../../src/definitions/validate.js';

const REPO = resolve(import.meta.dirname, '../..');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cxq-validate-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(rel: string, text: string): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('validateDirectory', () => {
  it('validates the sample set in queues/: 8 queues, the name-only one included', async () => {
    const r = await validateDirectory('queues', { cwd: REPO });
    expect(r.problems).toEqual([]);
    expect(r.files).toBe(7);
    expect(r.definitions.map((d) => d.definition.name)).toEqual([
      'Billing',
      'Billing Spanish',
      'Collections',
      'Sales Inbound',
      'Support Overflow Pool',
      'Support Tier 1',
      'Support Tier 2',
      'VIP Concierge',
    ]);
    const collections = r.definitions.find((d) => d.definition.name === 'Collections')!;
    expect(collections.definition.id).toBeUndefined();
    expect(collections.location).toEqual({ file: 'queues/billing/collections.yaml', line: 3, column: 1 });
  });

  it('reads *.yaml and *.yml recursively in sorted path order, ignoring other files', async () => {
    write('q/b.yaml', 'name: B\n');
    write('q/a/z.yml', 'name: AZ\n');
    write('q/a.yaml', 'name: A\n');
    write('q/notes.md', 'name: not a queue\n');
    write('q/c.yaml.bak', 'name: backup\n');
    const r = await validateDirectory('q', { cwd: root });
    expect(r.files).toBe(3);
    expect(r.definitions.map((d) => `${d.location.file} ${d.definition.name}`)).toEqual(['q/a.yaml A', 'q/a/z.yml AZ', 'q/b.yaml B']);
  });

  it('reports every problem of every file, sorted by file, line and column, with cwd-relative paths', async () => {
    write('defs/z.yaml', 'name: Z\nmaxWaitTime: 1\n');
    write('defs/a.yaml', 'name: A\nenableOverflow: yes\n---\nname: Z\n');
    const r = await validateDirectory(join(root, 'defs'), { cwd: root });
    expect(r.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      'defs/a.yaml:2:17 enableOverflow: must be true or false (got "yes")',
      'defs/a.yaml:4:7 name: duplicate name "Z": also declared at defs/z.yaml:1',
      'defs/z.yaml:1:7 name: duplicate name "Z": also declared at defs/a.yaml:4',
      'defs/z.yaml:2:14 maxWaitTime: must be >= 10 (got 1)',
    ]);
    expect(r.definitions).toEqual([]);
  });

  it('keeps valid definitions out of the result when a cross-file rule rejects them', async () => {
    write('q/a.yaml', 'id: x\nname: A\n---\nid: x\nname: B\n---\nid: y\nname: C\n');
    const r = await validateDirectory('q', { cwd: root });
    expect(r.definitions.map((d) => d.definition.name)).toEqual(['C']);
    expect(r.problems).toHaveLength(2);
  });

  it('throws a FileError naming a missing directory', async () => {
    const err = await validateDirectory('nope', { cwd: root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).message).toBe('definitions directory nope does not exist');
    expect((err as FileError).hint).toContain('--dir');
  });

  it('throws a FileError when the path is a file, not a directory', async () => {
    write('queues.yaml', 'name: A\n');
    await expect(validateDirectory('queues.yaml', { cwd: root })).rejects.toThrow('definitions directory queues.yaml is not a directory');
  });

  it('reports a file over 1 MiB as a problem without reading it, and accepts exactly 1 MiB', async () => {
    write('q/big.yaml', `name: Big\n${'#'.repeat(MAX_FILE_BYTES - 10)}`);
    write('q/huge.yaml', `name: Huge\n${'#'.repeat(MAX_FILE_BYTES)}`);
    const r = await validateDirectory('q', { cwd: root });
    expect(r.definitions.map((d) => d.definition.name)).toEqual(['Big']);
    expect(r.problems).toEqual([
      { file: 'q/huge.yaml', line: 1, column: 1, field: '(file)', message: `file is ${MAX_FILE_BYTES + 11} bytes, over the 1048576-byte (1 MiB) limit for a definition file; split it into smaller files` },
    ]);
  });

  it('reports an unreadable file (dangling link, link to a directory) as a problem, not a crash', async () => {
    write('q/ok.yaml', 'name: A\n');
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'missing.yaml'), join(root, 'q/dangling.yaml'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'q/dir.yaml'));
    const r = await validateDirectory('q', { cwd: root });
    expect(r.definitions).toHaveLength(1);
    expect(r.problems).toEqual([
      { file: 'q/dangling.yaml', line: 1, column: 1, field: '(file)', message: 'cannot read: no such file or directory (ENOENT)' },
      { file: 'q/dir.yaml', line: 1, column: 1, field: '(file)', message: 'cannot read: not a regular file (a directory)' },
    ]);
  });

  it('enters a directory named like a YAML file, and does not follow linked directories', async () => {
    write('q/x.yaml/inner.yaml', 'name: Inner\n');
    write('other/outside.yaml', 'name: Outside\n');
    symlinkSync(join(root, 'other'), join(root, 'q/linked'));
    const r = await validateDirectory('q', { cwd: root });
    expect(r.problems).toEqual([]);
    expect(r.definitions.map((d) => d.location.file)).toEqual(['q/x.yaml/inner.yaml']);
  });

  it('gives the same result on several threads as on one (a worker that cannot start falls back)', async () => {
    for (let f = 0; f < 12; f++) {
      write(`q/${String(f).padStart(2, '0')}.yaml`, `name: Q${f}\nmaxWaitTime: ${f * 700}\n---\nid: id-${f % 5}\n`);
    }
    const one = await validateDirectory('q', { cwd: root, parallelism: 1 });
    const three = await validateDirectory('q', { cwd: root, parallelism: 3 });
    expect(three).toEqual(one);
    expect(one.problems.length).toBeGreaterThan(0);
  });
});
